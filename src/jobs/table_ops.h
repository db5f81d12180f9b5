// Row-level operations the stages share: ordering by key columns (so every
// file a stage writes is deterministic) and filtering rows.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "table/table.h"

namespace cinelake {

// Rows ordered by the named columns, ascending (nulls first), stable.
Table SortedBy(const Table& table, const std::vector<std::string>& columns);
// Rows for which keep(row) is true.
Table FilterRows(const Table& table, const std::function<bool(size_t row)>& keep);

}  // namespace cinelake
