// The Charts view (dashboard-api.md /api/charts): for a day and a window of
// 1, 7 or 30 days, the new entries, the longest running titles and the
// biggest climbers over the window; and the 7-day moving average of
// popularity drawn on the trend charts.
//
// Windows are calendar days ending on the day: a window of N days covers
// (day - N, day]. Its start snapshot is the latest snapshot on or before
// day - N, so the 1-day window compares with prev_load_date (defect 2).
//  - new entries: ranked on the day, debut_date inside the window; by rank.
//  - longest running: ranked on the day; by days_on_list descending, then
//    rank (the current streak does not depend on the window).
//  - climbers: ranked on the day and on the start snapshot, climbed (start
//    rank - rank > 0); by climb descending, then rank.
// Each list holds at most kTopN rows.
//
// Pure functions over an immutable GoldSnapshot: the rows point into it.
// Safe from any thread; no errors (the caller validates the window).
#pragma once

#include <optional>
#include <vector>

#include "serve/gold_snapshot.h"

namespace cinelake::serve {

inline constexpr int kMovingAverageDays = 7;

struct Climber {
  const FactRow* row;
  int start_rank;
  int climb;  // start_rank - rank, > 0
};

struct ChartsResult {
  int window_days = 1;
  const Day* start = nullptr;  // the start snapshot; null when none is that old
  std::vector<const FactRow*> new_entries, longest_running;
  std::vector<Climber> climbers;
};

ChartsResult Charts(const GoldSnapshot& s, int day, int window_days);

// The mean popularity of `title` over the snapshots in the 7 calendar days
// ending on days[day] on which it is ranked; nullopt when it is on none.
std::optional<double> MovingAveragePopularity(const GoldSnapshot& s, int title, int day);

}  // namespace cinelake::serve
