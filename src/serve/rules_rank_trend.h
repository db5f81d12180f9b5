// A title's rank over the last 30 loadDates up to a day (the detail page's
// trend): per day its rank and popularity (nullopt when not ranked), the mean
// of the known ranks, the best and worst points, and the forecast.
//
// A pure function over an immutable GoldSnapshot; safe from any thread; no errors.
#pragma once

#include <optional>
#include <vector>

#include "serve/gold_snapshot.h"
#include "serve/rules_forecast.h"

namespace cinelake::serve {

inline constexpr int kTrendDays = 30;

struct RankPoint {
  Date date;
  int rank;
};

struct RankTrend {
  std::vector<Date> dates;
  std::vector<std::optional<int>> ranks;
  std::vector<std::optional<double>> popularity;
  std::optional<double> average;  // nullopt when never ranked
  std::optional<RankPoint> high;  // best (smallest) rank; the latest wins ties
  std::optional<RankPoint> low;   // worst rank; the latest wins ties
  std::vector<ForecastPoint> forecast;
};

RankTrend TitleRankTrend(const GoldSnapshot& s, int title, int day);

}  // namespace cinelake::serve
