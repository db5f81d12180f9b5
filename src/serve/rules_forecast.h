// The rank forecast of a title's detail page (dashboard-api.md "trend"): a
// least-squares line through log(rank) of the last 14 known points, projected
// 7 calendar days ahead, with a band of ±1.28 residual standard deviations
// (about 80%) that widens with the horizon.
//
// A pure function over values; safe from any thread; no errors (fewer than 3
// points give no forecast).
#pragma once

#include <utility>
#include <vector>

#include "common/date.h"

namespace cinelake::serve {

struct ForecastPoint {
  Date date;
  double rank, low, high;  // low/high: the band's edges, each >= 1
};

inline constexpr int kForecastDays = 7;  // the horizon, in calendar days
inline constexpr int kForecastFit = 14;  // the last known points fitted

// known: (day offset from today, <= 0; rank) ascending by offset.
std::vector<ForecastPoint> ForecastRank(Date today, const std::vector<std::pair<int, int>>& known);

}  // namespace cinelake::serve
