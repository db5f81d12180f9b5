// fact_popularity: one day's ranking of every title TMDB answered for, compared
// with the latest earlier snapshot (data-model.md, defects 1-3).
//
// Pure functions over Tables: the stage (fact_stage.h) reads the lake and
// calls them. Inputs have raw/stg_popularity's file schema (id, type,
// tmdb_id, popularity); the output has gold/fact_popularity's.
//
// Rules:
//  - popularity is rounded to DECIMAL(10,2) first (PopularityCents) and the
//    ranking uses that rounded value, so the published column, rank and
//    tie-break always agree: rank 1 = highest, ties by content_id ascending
//    (byte order). rank_in_type is the same ranking within content_type.
//  - A row with a NULL, non-finite or out-of-range popularity is not ranked
//    (the title is treated as absent that day). A repeated id keeps its row
//    with the highest popularity, then the first.
//  - "On the previous list" means ranked on the previous snapshot, so a
//    leaver is emitted exactly once and a returning title is a new joiner.
//  - On the first day (no previous snapshot) every title is a new joiner with
//    rank_change 0 and prev_load_date NULL.
//  - A title whose content_type is NULL gets rank_in_type and
//    rank_change_in_type NULL; a title whose type changed since the previous
//    snapshot has rank_change_in_type 0 (it joined that type's list).
//  - Row order: ranked rows by rank, then leavers by content_id.
//  - Chart measures (days_on_list ... peak_date_in_type) come from the
//    ChartHistory the caller folds over every earlier snapshot; today's ranks
//    are recorded into it first. A leaver has days_on_list 0 and the rest as
//    of its last ranked snapshot; the in-type peak is within the row's
//    content_type, NULL when that is NULL.
//
// Thread-safety: pure functions over the caller's Tables; no shared state.
// Errors: PopularityCents refuses a non-finite or out-of-range value (InvalidArgument).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "common/date.h"
#include "common/status.h"
#include "jobs/fact/chart_history.h"
#include "table/table.h"

namespace cinelake::fact {

inline constexpr int32_t kLeaverRankChange = 999;

// TMDB popularity as DECIMAL(10,2) unscaled cents. Rounds the shortest decimal
// text that round-trips the double (what a person reads: 12.345 -> 12.35),
// half away from zero. Error for NaN, infinities and |value| >= 1e8.
Result<int64_t> PopularityCents(double popularity);

struct PreviousSnapshot {
  Date load_date;
  const Table* popularity = nullptr;  // stg_popularity rows of that day
};

struct FactStats {
  int64_t ranked = 0;
  int64_t leavers = 0;
  int64_t new_joiners = 0;
  int64_t skipped_rows = 0;  // today's rows that could not be ranked
  int64_t duplicate_ids = 0;
};

// Builds the fact rows of snapshot `load_date` (without loadDate, which is
// the partition) and advances `history` to it; `history` must have seen every
// earlier snapshot, in order, and nothing later.
Result<Table> BuildFactPopularity(Date load_date, const Table& today,
                                  const std::optional<PreviousSnapshot>& previous, ChartHistory* history,
                                  FactStats* stats = nullptr);

}  // namespace cinelake::fact
