#include "serve/view_lookup.h"

#include "serve/display_text.h"
#include "serve/rules_charts.h"
#include "serve/view_title_row.h"

namespace cinelake::serve {

json DatesJson(const GoldSnapshot& s) {
  json dates = json::array();
  for (const Day& d : s.days) dates.push_back(d.date.ToString());
  return {{"latest", s.days.empty() ? json(nullptr) : json(s.days.back().date.ToString())},
          {"dates", std::move(dates)},
          {"titles", s.titles.size()}};
}

json SearchJson(const GoldSnapshot& s, const std::string& query, const SearchResult& result) {
  json results = json::array();
  for (const SearchHit& h : result.shown) {
    const Title& t = s.titles[h.title];
    results.push_back({{"id", t.id},
                       {"title", t.title},
                       {"type", t.type},
                       {"type_label", TypeLabel(t.type)},
                       {"year", YearJson(t)},
                       {"poster", TextOrNull(t.poster)},
                       {"rank", OrNull(h.rank)}});
  }
  return {{"q", query}, {"total", result.total}, {"results", std::move(results)}};
}

json TrendsJson(const GoldSnapshot& s, Date from, Date to, const TrendsResult& result) {
  json dates = json::array();
  for (const Day* d : result.days) dates.push_back(d->date.ToString());
  json series = json::array();
  for (const TitleSeries& ts : result.series) {
    const Title& t = s.titles[ts.title];
    json ranks = json::array(), pops = json::array(), averages = json::array();
    for (size_t i = 0; i < ts.ranks.size(); ++i) {
      ranks.push_back(OrNull(ts.ranks[i]));
      pops.push_back(OrNull(ts.popularity[i]));
      int di = static_cast<int>(result.days[i] - s.days.data());
      averages.push_back(OrNull(MovingAveragePopularity(s, ts.title, di)));
    }
    series.push_back({{"id", t.id},
                      {"title", t.title},
                      {"type", t.type},
                      {"type_label", TypeLabel(t.type)},
                      {"ranks", std::move(ranks)},
                      {"popularity", std::move(pops)},
                      {"popularity_avg7", std::move(averages)}});
  }
  return {{"from", from.ToString()},
          {"to", to.ToString()},
          {"dates", std::move(dates)},
          {"series", std::move(series)}};
}

}  // namespace cinelake::serve
