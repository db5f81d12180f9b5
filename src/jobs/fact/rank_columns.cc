#include "jobs/fact/rank_columns.h"

#include "jobs/fact/fact_popularity.h"
#include "jobs/optional_cells.h"

namespace cinelake::fact {

RankColumns::RankColumns(Table* out, std::optional<Date> prev_load_date)
    : content_type(out->column("content_type")),
      rank_(out->column("rank")),
      popularity_(out->column("popularity")),
      rank_change_(out->column("rank_change")),
      new_joiner_(out->column("is_new_joiner")),
      leaver_(out->column("is_leaver")),
      rank_in_type_(out->column("rank_in_type")),
      rank_change_in_type_(out->column("rank_change_in_type")),
      prev_load_date_(out->column("prev_load_date")),
      prev_days_(prev_load_date ? std::optional(prev_load_date->days) : std::nullopt) {}

void RankColumns::AppendRanked(const RankCells& cells) {
  rank_.AppendInt32(cells.rank);
  popularity_.AppendInt64(cells.cents);
  rank_change_.AppendInt32(cells.rank_change);
  new_joiner_.AppendBool(cells.new_joiner);
  leaver_.AppendBool(false);
  AppendOptional(rank_in_type_, cells.rank_in_type);
  AppendOptional(rank_change_in_type_, cells.rank_change_in_type);
  AppendOptional(prev_load_date_, prev_days_);
}

void RankColumns::AppendLeaver() {
  rank_.AppendNull();
  popularity_.AppendInt64(0);
  rank_change_.AppendInt32(kLeaverRankChange);
  new_joiner_.AppendBool(false);
  leaver_.AppendBool(true);
  rank_in_type_.AppendNull();
  rank_change_in_type_.AppendInt32(kLeaverRankChange);
  AppendOptional(prev_load_date_, prev_days_);
}

}  // namespace cinelake::fact
