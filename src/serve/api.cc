#include "serve/api.h"

#include <algorithm>
#include <charconv>

#include "serve/api_catalog.h"
#include "serve/api_reply.h"
#include "serve/rules_kpis.h"
#include "serve/rules_rank_trend.h"
#include "serve/rules_search.h"
#include "serve/rules_trends.h"
#include "serve/view_catalog.h"
#include "serve/view_charts.h"
#include "serve/view_day.h"
#include "serve/view_lookup.h"
#include "serve/view_title.h"
#include "serve/view_watch.h"

namespace cinelake::serve {

namespace {

// ---- request parameters ---------------------------------------------------

using reply::Error;
using reply::Ok;
using reply::Param;

// The day a request is about: ?date= or the latest; -1 with *err set when none.
int ResolveDay(const GoldSnapshot& s, const Query& q, ApiResponse* err) {
  if (s.days.empty()) {
    *err = Error(404, "no fact_popularity partitions in the lake yet");
    return -1;
  }
  std::string text = Param(q, "date");
  if (text.empty()) return static_cast<int>(s.days.size()) - 1;
  auto d = Date::Parse(text);
  if (!d.ok()) {
    *err = Error(400, "parameter 'date': " + d.status().message());
    return -1;
  }
  int i = s.FindDay(*d);
  if (i < 0) *err = Error(404, "parameter 'date': no snapshot for " + d->ToString());
  return i;
}

// An optional date parameter; `fallback` when absent or blank.
Result<Date> DateParam(const Query& q, const char* name, Date fallback) {
  std::string text = Param(q, name);
  if (text.empty()) return fallback;
  auto d = Date::Parse(text);
  if (!d.ok())
    return Status::InvalidArgument(std::string("parameter '") + name + "': " + d.status().message());
  return *d;
}

// A per-day visual: the day header plus one part under its name.
template <json (*Part)(const GoldSnapshot&, const Day&)>
ApiResponse DayPart(const GoldSnapshot& s, const Query& q, const char* name) {
  ApiResponse err;
  int d = ResolveDay(s, q, &err);
  if (d < 0) return err;
  json j = DayHeaderJson(s, d);
  j[name] = Part(s, s.days[d]);
  return Ok(j);
}

// ---- handlers, one per route ----------------------------------------------

ApiResponse GetDates(const PreparedGold& g, const ApiRequest&) {
  return Ok(DatesJson(g.snapshot()));
}

ApiResponse GetLanding(const PreparedGold& g, const ApiRequest& r) {
  ApiResponse err;
  int d = ResolveDay(g.snapshot(), r.query, &err);
  if (d < 0) return err;
  return {200, g.LandingBody(d), ""};
}

ApiResponse GetTrending(const PreparedGold& g, const ApiRequest& r) {
  return DayPart<TrendingJson>(g.snapshot(), r.query, "trending");
}
ApiResponse GetKpis(const PreparedGold& g, const ApiRequest& r) {
  return DayPart<KpiCountsJson>(g.snapshot(), r.query, "kpis");
}
ApiResponse GetTop10(const PreparedGold& g, const ApiRequest& r) {
  return DayPart<Top10Json>(g.snapshot(), r.query, "top10");
}
ApiResponse GetHiddenGems(const PreparedGold& g, const ApiRequest& r) {
  return DayPart<HiddenGemsJson>(g.snapshot(), r.query, "hidden-gems");
}
ApiResponse GetNetworks(const PreparedGold& g, const ApiRequest& r) {
  return DayPart<NetworksJson>(g.snapshot(), r.query, "networks");
}

ApiResponse GetMovers(const PreparedGold& g, const ApiRequest& r) {
  const GoldSnapshot& s = g.snapshot();
  ApiResponse err;
  int d = ResolveDay(s, r.query, &err);
  if (d < 0) return err;
  json j = DayHeaderJson(s, d);
  j.update(MoversJson(s, s.days[d]));
  return Ok(j);
}

// ?window=1|7|30 (days; default 1).
ApiResponse GetCharts(const PreparedGold& g, const ApiRequest& r) {
  std::string text = Param(r.query, "window");
  int window = 1;
  if (text == "7") {
    window = 7;
  } else if (text == "30") {
    window = 30;
  } else if (!text.empty() && text != "1") {
    return Error(400, "parameter 'window': give 1, 7 or 30 (days), got '" + text + "'");
  }
  ApiResponse err;
  int d = ResolveDay(g.snapshot(), r.query, &err);
  if (d < 0) return err;
  return Ok(ChartsJson(g.snapshot(), d, window));
}

// ?country=US (default) &date=: new on streaming and leaving (view_watch.h).
ApiResponse GetStreaming(const PreparedGold& g, const ApiRequest& r) {
  std::string country = Param(r.query, "country");
  if (country.empty()) country = "US";
  if (!IsCountryCode(country)) {
    return Error(400, "parameter 'country': give a two-letter upper-case country code like US, got '" +
                          country.substr(0, 16) + "'");
  }
  ApiResponse err;
  int d = ResolveDay(g.snapshot(), r.query, &err);
  if (d < 0) return err;
  return Ok(StreamingChangesJson(g.snapshot(), g.snapshot().days[d].date, country));
}

ApiResponse GetKpiTable(const PreparedGold& g, const ApiRequest& r) {
  std::optional<Kpi> k = ParseKpi(r.args[0]);
  if (!k) return Error(404, "unknown KPI '" + r.args[0] + "' (binge, quick, oncoming, global)");
  ApiResponse err;
  int d = ResolveDay(g.snapshot(), r.query, &err);
  if (d < 0) return err;
  return Ok(KpiTableJson(g.snapshot(), d, *k));
}

ApiResponse GetTitle(const PreparedGold& g, const ApiRequest& r) {
  const GoldSnapshot& s = g.snapshot();
  int ti = s.FindTitle(r.args[0]);
  if (ti < 0) return Error(404, "unknown title '" + r.args[0] + "'");
  ApiResponse err;
  int d = ResolveDay(s, r.query, &err);
  if (d < 0) return err;
  json j = TitleDetailJson(s, ti, d);
  j["catalog"] = CatalogRankJson(g.catalog(), s.titles[ti].id, s.days[d].date);
  return Ok(j);
}

ApiResponse GetSeason(const PreparedGold& g, const ApiRequest& r) {
  const GoldSnapshot& s = g.snapshot();
  int ti = s.FindTitle(r.args[0]);
  if (ti < 0) return Error(404, "unknown title '" + r.args[0] + "'");
  const std::string& num = r.args[1];
  int n = 0;
  auto [p, ec] = std::from_chars(num.data(), num.data() + num.size(), n);
  if (ec != std::errc() || p != num.data() + num.size() || num.size() > 4) {
    return Error(400, "season number '" + num + "' is not a number");
  }
  const Title& t = s.titles[ti];
  auto it = std::find_if(t.seasons.begin(), t.seasons.end(), [&](const Season& x) { return x.number == n; });
  if (it == t.seasons.end()) return Error(404, "title " + t.id + " has no season " + std::to_string(n));
  return Ok(SeasonEpisodesJson(t, *it));
}

ApiResponse GetSearch(const PreparedGold& g, const ApiRequest& r) {
  std::string text = Param(r.query, "q");
  if (text.empty() || text.size() > kMaxSearchChars) {
    return Error(400, "parameter 'q': give 1 to " + std::to_string(kMaxSearchChars) + " characters");
  }
  return Ok(SearchJson(g.snapshot(), text, SearchTitles(g.snapshot(), text)));
}

// "a,b,a" -> the distinct titles, in order; more than kMaxTrendIds ids given
// (repeats included) is refused before any is looked up.
Result<std::vector<int>> TrendIds(const GoldSnapshot& s, const std::string& list) {
  std::vector<std::string> given;
  size_t start = 0;
  while (start < list.size()) {
    size_t comma = std::min(list.find(',', start), list.size());
    if (comma > start) given.push_back(list.substr(start, comma - start));
    start = comma + 1;
  }
  if (given.empty())
    return Status::InvalidArgument("parameter 'ids': give one or more title ids, comma separated");
  if (given.size() > kMaxTrendIds) {
    return Status::InvalidArgument("parameter 'ids': at most " + std::to_string(kMaxTrendIds) +
                                   " titles, got " + std::to_string(given.size()));
  }
  std::vector<int> ids;
  for (const std::string& id : given) {
    int t = s.FindTitle(id);
    if (t < 0) return Status::NotFound("parameter 'ids': unknown title '" + id + "'");
    if (std::find(ids.begin(), ids.end(), t) == ids.end()) ids.push_back(t);
  }
  return ids;
}

ApiResponse GetTrends(const PreparedGold& g, const ApiRequest& r) {
  const GoldSnapshot& s = g.snapshot();
  if (s.days.empty()) return Error(404, "no fact_popularity partitions in the lake yet");
  Result<std::vector<int>> ids = TrendIds(s, Param(r.query, "ids"));
  if (!ids.ok())
    return Error(ids.status().code() == Status::Code::kNotFound ? 404 : 400, ids.status().message());
  Result<Date> to = DateParam(r.query, "to", s.days.back().date);
  if (!to.ok()) return Error(400, to.status().message());
  Result<Date> from = DateParam(r.query, "from", *to - (kTrendDays - 1));
  if (!from.ok()) return Error(400, from.status().message());
  if (*from > *to)
    return Error(400, "parameter 'from': " + from->ToString() + " is after 'to' " + to->ToString());
  return Ok(TrendsJson(s, *from, *to, TitleTrends(s, *ids, *from, *to)));
}

}  // namespace

const RouteTable& ApiRoutes() {
  static const RouteTable kTable({
      {"GET", "/api/dates", GetDates},
      {"GET", "/api/landing", GetLanding},
      {"GET", "/api/trending", GetTrending},
      {"GET", "/api/kpis", GetKpis},
      {"GET", "/api/kpi/{name}", GetKpiTable},
      {"GET", "/api/top10", GetTop10},
      {"GET", "/api/hidden-gems", GetHiddenGems},
      {"GET", "/api/networks", GetNetworks},
      {"GET", "/api/movers", GetMovers},
      {"GET", "/api/charts", GetCharts},
      {"GET", "/api/streaming", GetStreaming},
      {"GET", "/api/title/{id}", GetTitle},
      {"GET", "/api/title/{id}/season/{n}", GetSeason},
      {"GET", "/api/search", GetSearch},
      {"GET", "/api/trends", GetTrends},
      {"GET", "/api/catalog", GetCatalog},
      {"GET", "/api/catalog/search", GetCatalogSearch},
      {"GET", "/api/catalog/trend", GetCatalogTrend},
  });
  return kTable;
}

ApiResponse HandleApi(const PreparedGold& gold, std::string_view method, std::string path, Query query) {
  return ApiRoutes().Dispatch(gold, method, std::move(path), std::move(query));
}

ApiResponse HandleApi(const PreparedGold& gold, std::string_view method, std::string_view target) {
  Result<Target> t = ParseTarget(target);
  if (!t.ok()) return Error(400, t.status().message());
  return HandleApi(gold, method, std::move(t->path), std::move(t->query));
}

}  // namespace cinelake::serve
