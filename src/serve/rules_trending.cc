#include "serve/rules_trending.h"

namespace cinelake::serve {

std::vector<KindTrend> TrendingByKind(const GoldSnapshot& s, const Day& day) {
  std::vector<KindTrend> out;
  for (const char* type : {"movie", "tvSeries"}) {
    bool series = Title::IsSeriesType(type);
    KindTrend k{type};
    for (const FactRow& r : day.ranked) {
      const Title& t = s.titles[r.title];
      if (series ? !t.is_series() : !t.is_movie()) continue;
      ++k.total;
      if (!r.joiner && r.rank_change && *r.rank_change < 0) ++k.trending;
    }
    out.push_back(k);
  }
  return out;
}

}  // namespace cinelake::serve
