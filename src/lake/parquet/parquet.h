// cinelake's Parquet codec: Table <-> Parquet file bytes.
//
// The writer produces files that DuckDB, Spark, Trino, Athena and Power BI
// read: data page v1, dictionary encoding with a PLAIN fallback when the
// dictionary grows too large, RLE/bit-packed definition levels, snappy (the
// default), zstd, gzip, LZ4_RAW or Brotli, min/max/null_count statistics,
// several row groups with bounded pages, and key-value metadata naming
// cinelake and its version.
//
// The reader accepts what the writer writes plus what other writers commonly
// produce (data page v2, empty pages, PLAIN and dictionary pages,
// snappy/zstd/gzip/LZ4_RAW/Brotli/none, required and optional columns,
// 3-level and legacy 2-level lists, FLOAT16 read as DOUBLE). It decodes only
// the projected columns. Any malformed input yields a Corruption status whose
// message reads "<file>: corrupt: <reason>"; valid input that uses what the
// reader does not implement (a codec such as LZO, an unknown encoding,
// encryption) yields NotSupported, "<file>: unsupported: <what>". Never a
// crash or a hang.
//
// Values a Table cannot hold are refused, never altered: projecting a map,
// struct, nested list, list of non-strings or unsigned 64-bit integer column
// fails (InvalidArgument naming the file and column), and so does a list
// column holding a null item. Unsigned integers up to 32 bits are widened
// (UINT_8/16 to INT, UINT_32 to BIGINT); NaN and -0.0 come back as written.
//
// Thread-safety: WriteParquet and ReadParquet keep no shared state and may run
// concurrently on different tables; the caller owns every Table passed in or
// returned.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "table/table.h"

namespace cinelake::parquet {

// LZ4_RAW and BROTLI are what pyarrow and Spark also write; DuckDB reads both.
enum class Codec { kUncompressed, kSnappy, kZstd, kGzip, kLz4Raw, kBrotli };

struct WriteOptions {
  Codec codec = Codec::kSnappy;
  int zstd_level = 3;
  size_t row_group_rows = 1'000'000;      // rows per row group
  size_t page_bytes = 1 << 20;            // target uncompressed data page size
  size_t dictionary_max_bytes = 1 << 20;  // beyond this a column chunk falls back to PLAIN
  bool dictionary = true;
  // Extra key-value metadata; "created_by" and "cinelake.version" are always set.
  std::vector<std::pair<std::string, std::string>> metadata;
};

// Serializes table (which must Validate()) into a complete Parquet file.
Status WriteParquet(const Table& table, const WriteOptions& options, std::string* out);

struct ReadOptions {
  // Columns to decode, in the order wanted; empty = all. An unknown name is an
  // InvalidArgument error.
  std::vector<std::string> columns;
};

struct FileInfo {
  Schema schema;  // as cinelake types
  int64_t num_rows = 0;
  int num_row_groups = 0;
  std::vector<std::pair<std::string, std::string>> metadata;
  std::string created_by;
  // Top-level columns cinelake cannot represent (maps, structs, nested
  // lists, unsigned 64-bit integers); they are left out of `schema` and fail
  // ReadParquet if projected.
  std::vector<std::string> unsupported_columns;
};

// `name` is used only in error messages (the file's path).
Status ReadParquet(std::string_view bytes, std::string_view name, const ReadOptions& options, Table* out);
Status ReadParquetInfo(std::string_view bytes, std::string_view name, FileInfo* out);

}  // namespace cinelake::parquet
