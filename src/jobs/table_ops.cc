#include "jobs/table_ops.h"

#include <algorithm>
#include <numeric>

#include "lake/schemas.h"

namespace cinelake {
namespace {

int CompareCells(const Column& c, size_t a, size_t b) {
  bool na = c.IsNull(a), nb = c.IsNull(b);
  if (na || nb) return na == nb ? 0 : (na ? -1 : 1);
  switch (c.type()) {
    case DataType::kBool: return static_cast<int>(c.Bool(a)) - static_cast<int>(c.Bool(b));
    case DataType::kInt32:
    case DataType::kDate: return c.Int32(a) < c.Int32(b) ? -1 : c.Int32(a) > c.Int32(b);
    case DataType::kInt64:
    case DataType::kTimestamp:
    case DataType::kDecimal: return c.Int64(a) < c.Int64(b) ? -1 : c.Int64(a) > c.Int64(b);
    case DataType::kDouble: return c.Double(a) < c.Double(b) ? -1 : c.Double(a) > c.Double(b);
    case DataType::kString: return c.String(a).compare(c.String(b));
    case DataType::kStringList: {
      size_t n = std::min(c.ListSize(a), c.ListSize(b));
      for (size_t j = 0; j < n; ++j) {
        int r = c.ListItem(a, j).compare(c.ListItem(b, j));
        if (r != 0) return r;
      }
      return c.ListSize(a) < c.ListSize(b) ? -1 : c.ListSize(a) > c.ListSize(b);
    }
  }
  return 0;
}

}  // namespace

Table ReservedTable(std::string_view table_name, size_t rows) {
  Table out(TableByName(table_name).schema);
  for (Column& c : out.columns()) c.Reserve(rows);
  return out;
}

Table SortedBy(const Table& table, const std::vector<std::string>& columns) {
  std::vector<const Column*> keys;
  for (const auto& name : columns) keys.push_back(&table.column(name));
  std::vector<uint32_t> order(table.num_rows());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    for (const Column* k : keys) {
      int r = CompareCells(*k, a, b);
      if (r != 0) return r < 0;
    }
    return false;
  });
  return table.Take(order);
}

Table FilterRows(const Table& table, const std::function<bool(size_t row)>& keep) {
  std::vector<uint32_t> rows;
  for (size_t r = 0; r < table.num_rows(); ++r) {
    if (keep(r)) rows.push_back(static_cast<uint32_t>(r));
  }
  return table.Take(rows);
}

std::vector<uint32_t> AllRows(const Table& table) {
  std::vector<uint32_t> rows(table.num_rows());
  std::iota(rows.begin(), rows.end(), 0);
  return rows;
}

std::vector<uint32_t> DistinctByKey(const Table& table, std::vector<uint32_t> rows,
                                    const std::vector<std::string>& key, const RowPreference& prefer) {
  std::vector<const Column*> keys;
  for (const auto& name : key) keys.push_back(&table.column(name));
  auto compare_keys = [&](uint32_t a, uint32_t b) {
    for (const Column* k : keys) {
      int r = CompareCells(*k, a, b);
      if (r != 0) return r;
    }
    return 0;
  };
  std::stable_sort(rows.begin(), rows.end(), [&](uint32_t a, uint32_t b) {
    int c = compare_keys(a, b);
    if (c != 0) return c < 0;
    return prefer ? prefer(a, b) : false;
  });
  rows.erase(
      std::unique(rows.begin(), rows.end(), [&](uint32_t a, uint32_t b) { return compare_keys(a, b) == 0; }),
      rows.end());
  return rows;
}

Table UpsertByKey(const Table& existing, const Table& fresh, const std::vector<std::string>& key,
                  const UpsertScope& scope) {
  Table merged = existing;
  if (scope.groups != nullptr) {
    const Column& group = existing.column(scope.group_column);
    merged =
        FilterRows(existing, [&](size_t r) { return !scope.groups->count(std::string(group.String(r))); });
  }
  const uint32_t first_fresh = static_cast<uint32_t>(merged.num_rows());
  Status appended = merged.Append(fresh);
  (void)appended;  // same schema: the caller's contract
  auto fresh_first = [&](uint32_t a, uint32_t b) { return a >= first_fresh && b < first_fresh; };
  return merged.Take(DistinctByKey(merged, AllRows(merged), key, fresh_first));
}

}  // namespace cinelake
