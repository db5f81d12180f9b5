// RankColumns: the ranking columns gold/fact_popularity and
// gold/fact_catalog_popularity share (rank, popularity, rank_change,
// is_new_joiner, is_leaver, content_type, rank_in_type, rank_change_in_type,
// prev_load_date), bound by name to a table of either schema, and the cells
// both facts write into them for a ranked title and for a leaver
// (fact_popularity.h states the rules).
//
// Borrows the table, which must outlive it and have those columns (they are
// code, not input); one writer, not thread-safe. AppendRanked and
// AppendLeaver add one cell to each of those columns but content_type, which
// each fact fills its own way; the caller fills the table's other columns.
#pragma once

#include <cstdint>
#include <optional>

#include "common/date.h"
#include "table/table.h"

namespace cinelake::fact {

// One ranked title's cells; the in-type ones are NULL when unset.
struct RankCells {
  int32_t rank = 0;
  int64_t cents = 0;  // popularity, DECIMAL(10,2) unscaled
  int32_t rank_change = 0;
  bool new_joiner = false;
  std::optional<int32_t> rank_in_type = std::nullopt;
  std::optional<int32_t> rank_change_in_type = std::nullopt;
};

class RankColumns {
 public:
  // `prev_load_date`: the previous snapshot's day, every row's
  // prev_load_date (NULL on the first day).
  RankColumns(Table* out, std::optional<Date> prev_load_date);

  void AppendRanked(const RankCells& cells);
  // Ranked on the previous snapshot, absent today: rank and rank_in_type
  // NULL, popularity 0.00, both changes kLeaverRankChange.
  void AppendLeaver();

  Column& content_type;

 private:
  Column& rank_;
  Column& popularity_;
  Column& rank_change_;
  Column& new_joiner_;
  Column& leaver_;
  Column& rank_in_type_;
  Column& rank_change_in_type_;
  Column& prev_load_date_;
  const std::optional<int32_t> prev_days_;  // the cell every row gets
};

}  // namespace cinelake::fact
