// ColumnChunkReader: decodes the column chunks of one projected column, row
// group by row group, appending rows to a cinelake Column.
//
// Handles dictionary pages, data pages v1 and v2, the encodings PLAIN,
// PLAIN_DICTIONARY/RLE_DICTIONARY, RLE (booleans), DELTA_BINARY_PACKED,
// DELTA_LENGTH_BYTE_ARRAY, DELTA_BYTE_ARRAY and BYTE_STREAM_SPLIT, every
// codec in compression.h, and flat or list (repetition level 1) columns.
// Empty page bodies and chunks of no values (whatever their offsets) are
// read as nothing; FLOAT16 (FIXED_LEN_BYTE_ARRAY(2)) becomes DOUBLE.
//
// All input is untrusted: offsets and sizes are checked against the chunk and
// the file, level values against their maxima, dictionary indices against
// the dictionary, and the row count against the row group. Work and memory
// are bounded by a ReadBudget shared by all columns of one read. Errors are
// Corruption without the file name (the caller adds it), except valid data
// this reader does not decode (an encoding or codec it lacks, column data
// in another file), which is NotSupported, and valid data a Table cannot hold: a null item inside a list (a
// definition level between the item's and the value's) is InvalidArgument. Such data is refused, never
// changed (cinelake lists have no null items, so it may not read as "").
//
// Thread-safety: one reader per thread; readers of different columns of one file run in parallel (parallel.h)
// and share only the ReadBudget, which is atomic.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "lake/parquet/metadata.h"
#include "lake/parquet/schema_mapping.h"
#include "lake/parquet/values.h"
#include "table/table.h"

namespace cinelake::parquet {

// What one read may decode: level entries (values, nulls, list items) and
// string bytes copied out. Both scale with the file size so a tiny file
// cannot claim billions of values.
// Shared by the threads decoding different columns.
struct ReadBudget {
  explicit ReadBudget(size_t file_size);
  // False (taking nothing) when fewer than n remain.
  bool TakeValues(int64_t n) { return Take(&values_, n); }
  bool TakeBytes(int64_t n) { return Take(&bytes_, n); }
  int64_t values_left() const { return values_.load(std::memory_order_relaxed); }
  int64_t bytes_left() const { return bytes_.load(std::memory_order_relaxed); }

 private:
  static bool Take(std::atomic<int64_t>* pool, int64_t n);
  std::atomic<int64_t> values_;
  std::atomic<int64_t> bytes_;
};

class ColumnChunkReader {
 public:
  // `data_end`: column chunks must lie in file[4, data_end) (before the footer).
  ColumnChunkReader(std::string_view file, size_t data_end, const ColumnDesc& desc, ReadBudget* budget)
      : file_(file), data_end_(data_end), desc_(desc), budget_(budget) {}

  Status Read(const ColumnChunk& chunk, int64_t row_group_rows, Column* out);

 private:
  Status ReadDictionaryPage(const PageHeader& h, const uint8_t* body);
  Status ReadDataPage(const PageHeader& h, const uint8_t* body, Column* out);
  Status DecodeValues(int32_t encoding, const uint8_t* data, size_t size, size_t present);
  Status Normalize();
  Status Float16ToDouble();
  Status EmitFlat(const uint8_t* def, size_t n, Column* out);
  Status EmitList(const uint8_t* def, const uint8_t* rep, size_t n, Column* out);
  void FinishListRow(Column* out);
  Status Inflate(const uint8_t* data, size_t size, size_t out_size, std::string* buf);

  std::string_view file_;
  size_t data_end_;
  const ColumnDesc& desc_;
  ReadBudget* budget_;
  int32_t codec_ = 0;

  bool has_dict_ = false;
  std::string dict_buf_;
  PhysicalValues dict_;
  size_t dict_size_ = 0;

  std::string page_buf_;
  PhysicalValues values_;
  std::vector<int64_t> i64_;  // normalized int64-family values
  std::vector<uint8_t> def_, rep_;
  std::vector<uint32_t> indices_;
  int64_t rows_ = 0;  // rows emitted for the current chunk

  // A list row may continue on the next page.
  enum class RowState : uint8_t { kNone, kNull, kList } row_state_ = RowState::kNone;
  std::vector<std::string> items_;
  size_t item_count_ = 0;
};

}  // namespace cinelake::parquet
