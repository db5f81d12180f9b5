// The trends page (dashboard-api.md /api/trends): several titles' ranks and
// popularity over the loadDates in a date range.
//
// A pure function over an immutable GoldSnapshot: the day pointers point into
// it. Safe from any thread; no errors (the caller validates ids and range).
#pragma once

#include <optional>
#include <vector>

#include "serve/gold_snapshot.h"

namespace cinelake::serve {

inline constexpr size_t kMaxTrendIds = 10;

struct TitleSeries {
  int title;
  std::vector<std::optional<int>> ranks;  // one per day, nullopt when not ranked
  std::vector<std::optional<double>> popularity;
};

struct TrendsResult {
  std::vector<const Day*> days;  // the loadDates in [from, to], ascending
  std::vector<TitleSeries> series;
};

TrendsResult TitleTrends(const GoldSnapshot& s, const std::vector<int>& titles, Date from, Date to);

}  // namespace cinelake::serve
