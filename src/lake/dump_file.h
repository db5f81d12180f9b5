// DumpFile: a Parquet file's schema or rows as text, read through Storage.
//
// What `cinelake parquet schema|cat` prints, as library functions so any
// tool (the CLI, tests, a debugger session) can inspect a lake file the way
// the lake itself reads it.
//
// The JSON rows format is the exchange format the interop tests compare with
// other readers, so it is exact: one JSON object per row, keys in column
// order; strings as JSON strings (invalid UTF-8 becomes U+FFFD); INT and
// BIGINT as numbers, except a BIGINT or TIMESTAMP outside +-(2^53-1) as a
// decimal string; DOUBLE with %.17g and NaN/Infinity/-Infinity as strings;
// DECIMAL as a string with exactly `scale` digits ("12.50"); DATE as
// "YYYY-MM-DD" (ISO 8601 expanded years outside 0..9999); TIMESTAMP as integer
// microseconds since the epoch; ARRAY<STRING> as an array; null as null.
//
// Errors: NotFound for a missing file; the codec's Corruption (or
// NotSupported) naming the file otherwise; whatever `sink` returns stops the
// dump. Thread-safe as far as `storage` is.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "lake/storage.h"
#include "table/table.h"

namespace cinelake {

enum class DumpFormat { kText, kJson };

struct DumpOptions {
  DumpFormat format = DumpFormat::kText;
  std::vector<std::string> columns;  // empty: all, in file order
  int64_t limit = -1;                // rows; negative: all
};

// Receives the dump in chunks of at most a few tens of KB.
using DumpSink = std::function<Status(std::string_view chunk)>;

// Columns (cinelake types, nullability), row groups, rows, key-value metadata.
[[nodiscard]] Status DumpSchema(const Storage& storage, const std::string& path, DumpFormat format,
                                const DumpSink& sink);

// Rows: text is a '|'-separated header line then one line per row; JSON is
// the exchange format above.
[[nodiscard]] Status DumpRows(const Storage& storage, const std::string& path, const DumpOptions& options,
                              const DumpSink& sink);

// One row in the exchange format, with its newline.
void AppendRowJson(std::string* out, const Table& table, size_t row);
// Every row of `table` in the exchange format.
std::string RowsAsJsonLines(const Table& table);

}  // namespace cinelake
