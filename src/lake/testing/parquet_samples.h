// Parquet samples: tricky files with their expected rows, for interop tests.
//
// WriteParquetSamples writes, for every table in AllTables() and for a table
// of every type under several writer options, DIR/<name>.parquet, the same
// rows as DIR/<name>.expected.jsonl in the DumpRows JSON format (rendered from
// the rows in memory, never read back), and DIR/manifest.json describing each
// file. The rows are deterministic for a given `rows` and `seed` and aim at
// the edges: nulls in every nullable column, multi-byte and combining text,
// empty strings and lists, integer extremes, signed zero, subnormals, NaN,
// infinities, decimal extremes, dates before 1970 and far in the future.
//
// Test-only. Errors name the file or folder that could not be written.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "common/status.h"

namespace cinelake::testing {

// On success, *files is the number of Parquet files written.
[[nodiscard]] Status WriteParquetSamples(const std::string& dir, size_t rows, uint64_t seed, size_t* files);

}  // namespace cinelake::testing
