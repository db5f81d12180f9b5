#include "jobs/table_ops.h"

#include <algorithm>
#include <numeric>

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

}  // namespace cinelake
