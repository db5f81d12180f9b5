#include "serve/rules_rank_trend.h"

#include <algorithm>

namespace cinelake::serve {

RankTrend TitleRankTrend(const GoldSnapshot& s, int title, int di) {
  RankTrend t;
  Date today = s.days[di].date;
  std::vector<std::pair<int, int>> known;  // (offset, rank)
  for (int i = std::max(0, di - kTrendDays + 1); i <= di; ++i) {
    const FactRow* r = s.days[i].Find(title);
    t.dates.push_back(s.days[i].date);
    t.ranks.push_back(r ? std::optional<int>(*r->rank) : std::nullopt);
    t.popularity.push_back(r ? std::optional<double>(r->popularity) : std::nullopt);
    if (r) known.emplace_back(s.days[i].date - today, *r->rank);
  }
  if (known.empty()) return t;
  double sum = 0;
  size_t hi = 0, lo = 0;
  for (size_t i = 0; i < known.size(); ++i) {
    sum += known[i].second;
    if (known[i].second <= known[hi].second) hi = i;
    if (known[i].second >= known[lo].second) lo = i;
  }
  t.average = sum / known.size();
  t.high = RankPoint{today + known[hi].first, known[hi].second};
  t.low = RankPoint{today + known[lo].first, known[lo].second};
  t.forecast = ForecastRank(today, known);
  return t;
}

}  // namespace cinelake::serve
