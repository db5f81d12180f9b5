// PSV: the pipe-separated text the golden test cases are written in.
//
// The first line names the columns; each following line is one row, cells
// separated by '|', written exactly as FormatCell (lake/table.h) renders them:
// "NULL" for null, "true"/"false", integers, doubles, "12.50" for decimals,
// "2026-11-23" for dates, "2026-11-23T10:00:00Z" for timestamps, "[a, b]" for
// lists ("[]" empty). Blank lines are skipped. A cell cannot hold '|' or a
// newline, and a list item cannot hold ", " — test data avoids them.
//
// ParsePsv accepts the header's columns in any order and may omit nullable
// columns (they read as NULL), so hand-written inputs stay short; a key
// column missing from the header, or a name the schema lacks, is an error.
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"
#include "table/table.h"

namespace cinelake::testing {

// `name` (a file path) is used only in error messages, with the line number.
Result<Table> ParsePsv(std::string_view text, const Schema& schema, std::string_view name);

// Header plus one line per row, every line ending in '\n'. The exact inverse
// of ParsePsv for tables whose cells are representable.
std::string FormatPsv(const Table& table);

// One cell of the given field parsed from its FormatCell text into `column`.
Status ParseCell(std::string_view text, const Field& field, Column* column);

// "2026-11-23T10:00:00Z" (optionally with ".ffffff" microseconds) to
// microseconds since the epoch.
Result<int64_t> ParseTimestampMicros(std::string_view text);

}  // namespace cinelake::testing
