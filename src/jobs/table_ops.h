// Row-level operations the stages share: an empty table of a lake schema to
// build rows into, ordering by key columns (so every file a stage writes is
// deterministic), one row per key, upserts, filters.
// Pure functions over immutable inputs; thread-safe. Column names must exist
// in the table (they are code, not input).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "table/table.h"

namespace cinelake {

// An empty table with the schema of the lake table `table_name` (as
// TableByName takes it; aborts on an unknown name), every column's storage
// reserved for `rows` rows: what a stage appends its output rows into.
Table ReservedTable(std::string_view table_name, size_t rows);

// The columns of `table` with those names, in that order, for a loop that
// appends rows: auto [id, title] = ColumnsNamed(out, {"id", "title"});
template <size_t N>
std::array<Column*, N> ColumnsNamed(Table& table, const char* const (&names)[N]) {
  std::array<Column*, N> columns;
  for (size_t i = 0; i < N; ++i) columns[i] = &table.column(names[i]);
  return columns;
}

// Rows ordered by the named columns, ascending (nulls first), stable.
Table SortedBy(const Table& table, const std::vector<std::string>& columns);
// Rows for which keep(row) is true.
Table FilterRows(const Table& table, const std::function<bool(size_t row)>& keep);

// Strict weak order between two rows with equal keys: true when `a` should
// be kept rather than `b`.
using RowPreference = std::function<bool(uint32_t a, uint32_t b)>;

// Row ids 0..n-1 of `table`.
std::vector<uint32_t> AllRows(const Table& table);

// Of `rows`, ids ordered by `key`, one per key: of rows with equal keys, the
// one `prefer` ranks first, else the earliest in `rows`.
std::vector<uint32_t> DistinctByKey(const Table& table, std::vector<uint32_t> rows,
                                    const std::vector<std::string>& key, const RowPreference& prefer = {});

// Which rows of `existing` an upsert replaces. By default, those whose key
// appears in `fresh`. With `groups`, every row whose `group_column` value is
// in it, whether or not `fresh` has rows for it: a title re-enriched loses
// the people, genres... it no longer has.
struct UpsertScope {
  std::string group_column;
  const std::set<std::string>* groups = nullptr;
};

// `existing` with `fresh` merged in: one row per key, a fresh row winning
// over an existing one, ordered by key. Both tables have the same schema.
Table UpsertByKey(const Table& existing, const Table& fresh, const std::vector<std::string>& key,
                  const UpsertScope& scope = {});

}  // namespace cinelake
