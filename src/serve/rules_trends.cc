#include "serve/rules_trends.h"

namespace cinelake::serve {

TrendsResult TitleTrends(const GoldSnapshot& s, const std::vector<int>& titles, Date from, Date to) {
  TrendsResult out;
  for (int t : titles) out.series.push_back({t, {}, {}});
  for (const Day& day : s.days) {
    if (day.date < from || day.date > to) continue;
    out.days.push_back(&day);
    for (TitleSeries& ts : out.series) {
      const FactRow* r = day.Find(ts.title);
      ts.ranks.push_back(r ? std::optional<int>(*r->rank) : std::nullopt);
      ts.popularity.push_back(r ? std::optional<double>(r->popularity) : std::nullopt);
    }
  }
  return out;
}

}  // namespace cinelake::serve
