#include "serve/view_title.h"

#include <algorithm>

#include "serve/display_text.h"
#include "serve/rules_charts.h"
#include "serve/rules_rank_trend.h"
#include "serve/rules_title_facts.h"
#include "serve/view_day.h"
#include "serve/view_title_row.h"
#include "serve/view_watch.h"

namespace cinelake::serve {

namespace {

json RankPointJson(const std::optional<RankPoint>& p) {
  if (!p) return nullptr;
  return {{"date", p->date.ToString()}, {"rank", p->rank}};
}

json TrendJson(const GoldSnapshot& s, int title, int day) {
  RankTrend t = TitleRankTrend(s, title, day);
  json dates = json::array(), ranks = json::array(), pops = json::array(), forecast = json::array();
  json averages = json::array();
  for (size_t i = 0; i < t.dates.size(); ++i) {
    dates.push_back(t.dates[i].ToString());
    ranks.push_back(OrNull(t.ranks[i]));
    pops.push_back(OrNull(t.popularity[i]));
    averages.push_back(OrNull(MovingAveragePopularity(s, title, s.FindDay(t.dates[i]))));
  }
  for (const ForecastPoint& f : t.forecast) {
    forecast.push_back({{"date", f.date.ToString()}, {"rank", f.rank}, {"low", f.low}, {"high", f.high}});
  }
  return {{"dates", std::move(dates)},       {"ranks", std::move(ranks)},
          {"popularity", std::move(pops)},   {"average", OrNull(t.average)},
          {"high", RankPointJson(t.high)},   {"low", RankPointJson(t.low)},
          {"forecast", std::move(forecast)}, {"popularity_avg7", std::move(averages)}};
}

// The title's chart measures on its latest fact row up to the day (a title
// that left keeps its history, with a streak of 0); null if never ranked.
json ChartMeasuresJson(const GoldSnapshot& s, int title, int di) {
  for (int i = di; i >= 0; --i) {
    const Day& d = s.days[i];
    const FactRow* r = d.Find(title);
    if (r == nullptr) {
      auto it = std::find_if(d.leavers.begin(), d.leavers.end(),
                             [&](const FactRow& x) { return x.title == title; });
      if (it != d.leavers.end()) r = &*it;
    }
    if (r == nullptr || !r->days_on_list) continue;
    return {{"as_of", d.date.ToString()},
            {"days_on_list", i == di ? *r->days_on_list : 0},
            {"total_days_on_list", OrNull(r->total_days_on_list)},
            {"peak_rank", OrNull(r->peak_rank)},
            {"peak_date", DateOrNull(r->peak_date)},
            {"debut_date", DateOrNull(r->debut_date)}};
  }
  return nullptr;
}

json SeasonSummaryJson(const Season& se) {
  return {{"number", se.number},
          {"name", TextOrNull(se.name)},
          {"air_date", TextOrNull(se.air_date)},
          {"episode_count", se.episode_count ? json(*se.episode_count) : json(se.episodes.size())},
          {"episodes_listed", se.episodes.size()},
          {"poster", TextOrNull(se.poster)},
          {"avg_rating", OrNull(SeasonAverageRating(se))},
          {"overview", TextOrNull(se.overview)}};
}

json SeriesJson(const Title& t) {
  if (!t.is_series()) return nullptr;
  json seasons = json::array();
  for (const Season& se : t.seasons) seasons.push_back(SeasonSummaryJson(se));
  return {{"season_count", t.season_count},
          {"episode_count", t.episode_count},
          {"first_air_date", TextOrNull(t.first_air_date)},
          {"last_air_date", TextOrNull(t.last_air_date)},
          {"avg_episode_runtime", OrNull(t.avg_episode_runtime)},
          {"total_runtime", OrNull(t.total_episode_runtime)},
          {"seasons", std::move(seasons)}};
}

json PopularityOrNull(const FactRow* r) {
  return r ? json(r->popularity) : json(nullptr);
}

}  // namespace

json TitleDetailJson(const GoldSnapshot& s, int ti, int di) {
  const Title& t = s.titles[ti];
  const Day& day = s.days[di];
  const FactRow* today = day.Find(ti);
  int prev = s.PrevDay(di);
  const FactRow* yesterday = prev >= 0 ? s.days[prev].Find(ti) : nullptr;
  json j = DayHeaderJson(s, di);
  j.update(TitleRowJson(s, t, today));
  j["runtime"] = OrNull(t.runtime);
  j["list_runtime"] = OrNull(ListRuntime(t));
  j["original_title"] = TextOrNull(t.original_title);
  j["status"] = TextOrNull(t.status);
  j["overview"] = TextOrNull(t.overview);
  j["homepage"] = TextOrNull(t.homepage);
  AddTitleFacts(t, &j);
  j["roi"] = OrNull(ReturnOnInvestment(t));
  bool ranked = !day.ranked.empty();
  j["popularity"] = {{"today", PopularityOrNull(today)},
                     {"yesterday", PopularityOrNull(yesterday)},
                     {"min", ranked ? json(day.popularity_min) : json(nullptr)},
                     {"max", ranked ? json(day.popularity_max) : json(nullptr)}};
  j["cast"] = PeopleJson(s, t.cast, true);
  j["directors"] = PeopleJson(s, t.directors, false);
  j["creators"] = PeopleJson(s, t.creators, false);
  j["writers"] = PeopleJson(s, t.writers, false);
  j["networks"] = OrgsJson(s.networks, t.networks);
  j["companies"] = OrgsJson(s.companies, t.companies);
  j["trend"] = TrendJson(s, ti, di);
  j["chart"] = ChartMeasuresJson(s, ti, di);
  j["watch"] = TitleWatchJson(s, ti, s.days[di].date);
  j["series"] = SeriesJson(t);
  return j;
}

json SeasonEpisodesJson(const Title& t, const Season& season) {
  json eps = json::array();
  for (const Episode& e : season.episodes) {
    eps.push_back({{"number", e.number},
                   {"title", TextOrNull(e.title)},
                   {"type", TextOrNull(e.type)},
                   {"type_label", EpisodeTypeLabel(t, season, e.type)},
                   {"rating", OrNull(e.rating)},
                   {"runtime", OrNull(e.runtime)},
                   {"air_date", TextOrNull(e.air_date)},
                   {"votes", OrNull(e.votes)},
                   {"still", TextOrNull(e.still)}});
  }
  return {{"id", t.id},
          {"title", t.title},
          {"status", TextOrNull(t.status)},
          {"season", SeasonSummaryJson(season)},
          {"episodes", std::move(eps)}};
}

}  // namespace cinelake::serve
