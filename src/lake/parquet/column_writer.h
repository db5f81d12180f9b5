// ColumnWriter: encodes rows [begin, end) of one cinelake Column as a Parquet
// column chunk (optional dictionary page + v1 data pages) appended to a file.
//
// Encoding comes straight from the Column's raw buffers. Dictionary encoding
// is tried first (except for booleans) and the whole chunk falls back to
// PLAIN when the dictionary's PLAIN size would exceed dictionary_max_bytes.
// Pages hold whole rows and aim at options.page_bytes of uncompressed data.
// One writer is reused across chunks so its scratch buffers are too.
//
// Not thread-safe: one ColumnWriter per thread (the writer encodes columns in
// parallel with one each). Errors are Status from the sink or the codec.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "lake/parquet/metadata.h"
#include "lake/parquet/parquet.h"
#include "lake/parquet/schema_mapping.h"

namespace cinelake::parquet {

class ColumnWriter {
 public:
  explicit ColumnWriter(const WriteOptions& options) : options_(options) {}

  Status WriteChunk(const Column& column, const LeafLayout& leaf, size_t begin, size_t end, std::string* file,
                    ColumnChunk* chunk);

 private:
  struct ChunkState;
  bool TryDictionary(const Column& column, const LeafLayout& leaf, size_t vbegin, size_t vend);
  void EncodeDictionaryPage(const Column& column, const LeafLayout& leaf);
  void ComputeStatistics(const Column& column, const LeafLayout& leaf, size_t vbegin, size_t vend,
                         int64_t null_count, Statistics* stats);
  size_t PageEnd(const Column& column, size_t row, size_t end, int index_bits) const;
  void EncodePlainValues(const Column& column, const LeafLayout& leaf, size_t vbegin, size_t vend);
  Status FlushPage(int32_t page_type, int32_t encoding, int32_t num_values, std::string* file,
                   ChunkState* st);

  const WriteOptions& options_;
  // Dictionary state of the current chunk (one of these is used).
  bool dict_ = false;
  std::vector<int32_t> dict_i32_;
  std::vector<int64_t> dict_i64_;
  std::vector<double> dict_f64_;
  std::vector<std::string_view> dict_str_;
  std::vector<uint32_t> indices_;
  // Scratch.
  std::vector<uint8_t> def_, rep_;
  std::string page_, compressed_, header_;
};

}  // namespace cinelake::parquet
