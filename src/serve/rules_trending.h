// Trending / Total (dashboard.md): per kind, how many of a day's titles are
// on the list and how many of them climbed since yesterday.
//
// A pure function over an immutable GoldSnapshot; safe from any thread; no errors.
#pragma once

#include <vector>

#include "serve/gold_snapshot.h"

namespace cinelake::serve {

struct KindTrend {
  const char* type;  // "movie" or "tvSeries", each standing for its kind
  int trending = 0;  // climbed (rank_change < 0), new joiners excluded
  int total = 0;
};

// Movies first, then series; "movie" counts every movie-like type and
// "tvSeries" every series type (mini-series included), so the two cover the day.
std::vector<KindTrend> TrendingByKind(const GoldSnapshot& s, const Day& day);

}  // namespace cinelake::serve
