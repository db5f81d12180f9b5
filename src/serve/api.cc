#include "serve/api.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <nlohmann/json.hpp>
#include <unordered_set>

#include "serve/fold_case.h"

namespace cinelake::serve {

namespace {

using json = nlohmann::ordered_json;

constexpr int kTopN = 10;
constexpr int kGemRanks = 20;
constexpr int kTrendDays = 30;
constexpr int kForecastDays = 7;
constexpr int kForecastFit = 14;
constexpr size_t kMaxSearch = 100;
constexpr size_t kMaxTrendIds = 10;
constexpr size_t kSearchResults = 20;

std::string Dump(const json& j) {
  std::string raw = j.dump(-1, ' ', false, json::error_handler_t::replace);
  std::string out;
  out.reserve(raw.size() + 16);
  for (char c : raw) {
    // These bytes occur only inside strings in JSON text, so escaping them is safe.
    switch (c) {
      case '<': out += "\\u003c"; break;
      case '>': out += "\\u003e"; break;
      case '&': out += "\\u0026"; break;
      default: out += c;
    }
  }
  return out;
}

ApiResponse Ok(const json& j) {
  return {200, Dump(j)};
}
ApiResponse Error(int status, const std::string& message) {
  return {status, Dump(json{{"error", message}})};
}

template <typename T>
json Opt(const std::optional<T>& v) {
  return v ? json(*v) : json(nullptr);
}
json Str(const std::string& s) {
  return s.empty() ? json(nullptr) : json(s);
}

std::string TypeLabel(const std::string& type) {
  if (type == "movie") return "Movie";
  if (type == "tvSeries") return "TV-Series";
  if (type == "tvMiniSeries") return "TV-Mini-Series";
  if (type == "tvMovie") return "TV-Movie";
  if (type == "tvSpecial") return "TV-Special";
  if (type == "short") return "Short";
  if (type == "video") return "Video";
  return type;
}

json Year(const Title& t) {
  if (t.release) return t.release->year();
  return nullptr;
}

// Runtime shown in lists: a movie's runtime, a series' average episode runtime.
json ListRuntime(const Title& t) {
  if (t.is_series()) {
    if (t.avg_episode_runtime) return static_cast<int>(std::lround(*t.avg_episode_runtime));
    return t.runtime ? json(*t.runtime) : json(nullptr);
  }
  return Opt(t.runtime);
}

json Names(const Snapshot& s, const std::vector<Credit>& credits, size_t limit) {
  json out = json::array();
  for (size_t i = 0; i < credits.size() && i < limit; ++i) out.push_back(s.people[credits[i].person].name);
  return out;
}

json People(const Snapshot& s, const std::vector<Credit>& credits, bool characters) {
  json out = json::array();
  for (const Credit& c : credits) {
    const Person& p = s.people[c.person];
    json j{{"id", p.id}, {"name", p.name}, {"photo", Str(p.poster)}, {"role", c.role}};
    if (characters) {
      j["characters"] = c.characters;
      j["order"] = Opt(c.order);
    }
    out.push_back(std::move(j));
  }
  return out;
}

json Orgs(const std::vector<Org>& orgs, const std::vector<int>& ids) {
  json out = json::array();
  for (int i : ids) out.push_back({{"id", orgs[i].id}, {"name", orgs[i].name}, {"logo", Str(orgs[i].logo)}});
  return out;
}

const char* Arrow(const FactRow& r) {
  int c = r.rank_change.value_or(0);
  if (r.joiner || c == 0) return "flat";
  return c < 0 ? "up" : "down";
}

// The columns every title list shares.
json TitleRow(const Snapshot& s, const Title& t, const FactRow* row) {
  json j{{"id", t.id},
         {"title", t.title},
         {"type", t.type},
         {"type_label", TypeLabel(t.type)},
         {"poster", Str(t.poster)},
         {"genres", t.genres},
         {"rating", Opt(t.rating)},
         {"votes", Opt(t.votes)},
         {"year", Year(t)},
         {"runtime", ListRuntime(t)},
         {"cast", Names(s, t.cast, 3)}};
  if (row != nullptr) {
    j["rank"] = Opt(row->rank);
    j["rank_change"] = row->joiner ? json(nullptr) : Opt(row->rank_change);
    j["is_new_joiner"] = row->joiner;
    j["arrow"] = Arrow(*row);
  } else {
    j["rank"] = nullptr;
    j["rank_change"] = nullptr;
    j["is_new_joiner"] = false;
    j["arrow"] = nullptr;
  }
  return j;
}

bool HasParam(const Query& q, const char* name) {
  return q.find(name) != q.end();
}
std::string Param(const Query& q, const char* name) {
  auto it = q.find(name);
  return it == q.end() ? "" : it->second;
}

// The day a request is about: ?date= or the latest. On failure, *err is set.
int ResolveDay(const Snapshot& s, const Query& q, ApiResponse* err) {
  if (s.days.empty()) {
    *err = Error(404, "no fact_popularity partitions in the lake yet");
    return -1;
  }
  if (!HasParam(q, "date") || Param(q, "date").empty()) return static_cast<int>(s.days.size()) - 1;
  auto d = Date::Parse(Param(q, "date"));
  if (!d.ok()) {
    *err = Error(400, "parameter 'date': " + d.status().message());
    return -1;
  }
  int i = s.FindDay(*d);
  if (i < 0) *err = Error(404, "parameter 'date': no snapshot for " + d->ToString());
  return i;
}

json PrevDate(const Snapshot& s, int day) {
  return day > 0 ? json(s.days[day - 1].date.ToString()) : json(nullptr);
}

// ---- landing parts -------------------------------------------------------

// Per kind: "movie" counts every movie-like type, "tvSeries" every series
// type (mini-series included), so the two cards cover the day's titles.
json Trending(const Snapshot& s, const Day& day) {
  json out = json::array();
  for (const char* type : {"movie", "tvSeries"}) {
    bool series = Title::IsSeriesType(type);
    int total = 0, climbed = 0;
    for (const FactRow& r : day.ranked) {
      const Title& t = s.titles[r.title];
      if (series ? !t.is_series() : !t.is_movie()) continue;
      ++total;
      if (!r.joiner && r.rank_change && *r.rank_change < 0) ++climbed;
    }
    out.push_back({{"type", type}, {"type_label", TypeLabel(type)}, {"trending", climbed}, {"total", total}});
  }
  return out;
}

enum class Kpi { kBinge, kQuick, kOncoming, kGlobal };
constexpr std::pair<const char*, Kpi> kKpis[] = {
    {"binge", Kpi::kBinge}, {"quick", Kpi::kQuick}, {"oncoming", Kpi::kOncoming}, {"global", Kpi::kGlobal}};

bool InKpi(Kpi k, const Title& t, Date today) {
  switch (k) {
    case Kpi::kBinge: return IsBingeWorthy(t);
    case Kpi::kQuick: return IsQuickWatch(t);
    case Kpi::kOncoming: return IsOncoming(t, today);
    case Kpi::kGlobal: return IsGlobalReach(t);
  }
  return false;
}

json KpiCounts(const Snapshot& s, const Day& day) {
  json out = json::object();
  for (const auto& [name, k] : kKpis) {
    int n = 0;
    for (const FactRow& r : day.ranked) n += InKpi(k, s.titles[r.title], day.date) ? 1 : 0;
    out[name] = n;
  }
  return out;
}

json Top10(const Snapshot& s, const Day& day) {
  json out = json::array();
  for (size_t i = 0; i < day.ranked.size() && i < static_cast<size_t>(kTopN); ++i) {
    out.push_back(TitleRow(s, s.titles[day.ranked[i].title], &day.ranked[i]));
  }
  return out;
}

json HiddenGems(const Snapshot& s, const Day& day) {
  std::vector<const FactRow*> rows;
  for (const FactRow& r : day.ranked) {
    const Title& t = s.titles[r.title];
    if (t.rating && *t.rating >= 7.0 && t.votes) rows.push_back(&r);
  }
  std::stable_sort(rows.begin(), rows.end(), [&](const FactRow* a, const FactRow* b) {
    return *s.titles[a->title].votes < *s.titles[b->title].votes;  // ties keep rank order
  });
  json out = json::array();
  int dense = 0;
  std::optional<int64_t> last;
  for (const FactRow* r : rows) {
    int64_t v = *s.titles[r->title].votes;
    if (!last || v != *last) ++dense;
    last = v;
    if (dense > kGemRanks) break;
    json j = TitleRow(s, s.titles[r->title], r);
    j["gem_rank"] = dense;
    out.push_back(std::move(j));
  }
  return out;
}

json Networks(const Snapshot& s, const Day& day) {
  std::vector<int> count(s.networks.size(), 0);
  for (const FactRow& r : day.ranked) {
    for (int n : s.titles[r.title].networks) ++count[n];
  }
  std::vector<int> order;
  for (size_t i = 0; i < count.size(); ++i) {
    if (count[i] > 0) order.push_back(static_cast<int>(i));
  }
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    if (count[a] != count[b]) return count[a] > count[b];
    if (s.networks[a].name != s.networks[b].name) return s.networks[a].name < s.networks[b].name;
    return s.networks[a].id < s.networks[b].id;
  });
  json out = json::array();
  for (size_t i = 0; i < order.size() && i < static_cast<size_t>(kTopN); ++i) {
    const Org& o = s.networks[order[i]];
    out.push_back({{"id", o.id}, {"name", o.name}, {"logo", Str(o.logo)}, {"titles", count[order[i]]}});
  }
  return out;
}

json Movers(const Snapshot& s, const Day& day, bool raises) {
  std::vector<const FactRow*> rows;
  for (const FactRow& r : day.ranked) {
    if (r.joiner || !r.rank_change) continue;
    int c = *r.rank_change;
    if (raises ? c < 0 : (c > 0 && c != 999)) rows.push_back(&r);
  }
  std::stable_sort(rows.begin(), rows.end(), [&](const FactRow* a, const FactRow* b) {
    int ca = std::abs(*a->rank_change), cb = std::abs(*b->rank_change);
    return ca > cb;  // ties keep rank order
  });
  json out = json::array();
  for (size_t i = 0; i < rows.size() && i < static_cast<size_t>(kTopN); ++i) {
    const Title& t = s.titles[rows[i]->title];
    out.push_back({{"id", t.id},
                   {"title", t.title},
                   {"type", t.type},
                   {"type_label", TypeLabel(t.type)},
                   {"rank", *rows[i]->rank},
                   {"rank_change", *rows[i]->rank_change},
                   {"change_text", FormatRankChange(*rows[i]->rank_change)}});
  }
  return out;
}

json DayHeader(const Snapshot& s, int day) {
  return {{"date", s.days[day].date.ToString()},
          {"prev_date", PrevDate(s, day)},
          {"latest_date", s.days.back().date.ToString()}};
}

json Landing(const Snapshot& s, int di) {
  const Day& day = s.days[di];
  json j = DayHeader(s, di);
  j["trending"] = Trending(s, day);
  j["kpis"] = KpiCounts(s, day);
  j["top10"] = Top10(s, day);
  j["hidden_gems"] = HiddenGems(s, day);
  j["networks"] = Networks(s, day);
  j["raises"] = Movers(s, day, true);
  j["falls"] = Movers(s, day, false);
  return j;
}

// ---- KPI drill -----------------------------------------------------------

json KpiTable(const Snapshot& s, int di, Kpi k, const char* name) {
  const Day& day = s.days[di];
  json rows = json::array();
  for (const FactRow& r : day.ranked) {
    const Title& t = s.titles[r.title];
    if (!InKpi(k, t, day.date)) continue;
    json j = TitleRow(s, t, &r);
    j["avg_episode_runtime"] =
        t.avg_episode_runtime ? json(std::lround(*t.avg_episode_runtime)) : json(nullptr);
    j["total_runtime"] = Opt(t.total_episode_runtime);
    j["networks"] = Orgs(s.networks, t.networks);
    j["trailer"] = Str(t.trailer);
    j["tagline"] = Str(t.tagline);
    j["language"] = Str(t.language);
    j["interests"] = t.interests;
    j["release_date"] = Str(t.release_date);
    j["revenue"] = Opt(t.revenue);
    j["budget"] = Opt(t.budget);
    if (k == Kpi::kOncoming) {
      j["days_left"] = *t.release - day.date;
      j["time_left"] = TimeLeft(day.date, *t.release);
    }
    rows.push_back(std::move(j));
  }
  // Rated lists read best-first, as the original's drill-through does;
  // Oncoming reads soonest-first and Global Reach biggest-first.
  auto num = [](const json& v) { return v.is_null() ? -1e18 : v.get<double>(); };
  std::stable_sort(rows.begin(), rows.end(), [&](const json& a, const json& b) {
    switch (k) {
      case Kpi::kOncoming: return a["days_left"].get<int>() < b["days_left"].get<int>();
      case Kpi::kGlobal: return num(a["revenue"]) > num(b["revenue"]);
      default: return num(a["rating"]) > num(b["rating"]);
    }
  });
  json j = DayHeader(s, di);
  j["kpi"] = name;
  j["count"] = rows.size();
  j["titles"] = std::move(rows);
  return j;
}

// ---- title detail --------------------------------------------------------

json Trend(const Snapshot& s, int title, int di) {
  int first = std::max(0, di - kTrendDays + 1);
  json dates = json::array(), ranks = json::array(), pops = json::array();
  std::vector<std::pair<int, int>> known;  // (offset, rank)
  for (int i = first; i <= di; ++i) {
    dates.push_back(s.days[i].date.ToString());
    const FactRow* r = s.days[i].Find(title);
    ranks.push_back(r ? json(*r->rank) : json(nullptr));
    pops.push_back(r ? json(r->popularity) : json(nullptr));
    if (r) known.emplace_back(s.days[i].date - s.days[di].date, *r->rank);
  }
  json j{{"dates", dates}, {"ranks", ranks}, {"popularity", pops}};
  if (known.empty()) {
    j["average"] = nullptr;
    j["high"] = nullptr;
    j["low"] = nullptr;
    j["forecast"] = json::array();
    return j;
  }
  double sum = 0;
  size_t hi = 0, lo = 0;  // best (smallest) and worst rank; the latest wins ties
  for (size_t i = 0; i < known.size(); ++i) {
    sum += known[i].second;
    if (known[i].second <= known[hi].second) hi = i;
    if (known[i].second >= known[lo].second) lo = i;
  }
  auto point = [&](size_t i) {
    return json{{"date", (s.days[di].date + known[i].first).ToString()}, {"rank", known[i].second}};
  };
  j["average"] = sum / known.size();
  j["high"] = point(hi);
  j["low"] = point(lo);

  // Forecast: least squares on log(rank) over the last kForecastFit known
  // points, projected kForecastDays calendar days ahead; the band widens with
  // the residual spread and the distance from the fit.
  json forecast = json::array();
  size_t n0 = known.size() > static_cast<size_t>(kForecastFit) ? known.size() - kForecastFit : 0;
  size_t n = known.size() - n0;
  if (n >= 3) {
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (size_t i = n0; i < known.size(); ++i) {
      double x = known[i].first, y = std::log(known[i].second);
      sx += x;
      sy += y;
      sxx += x * x;
      sxy += x * y;
    }
    double den = n * sxx - sx * sx;
    double b = den != 0 ? (n * sxy - sx * sy) / den : 0;
    double a = (sy - b * sx) / n;
    double ss = 0;
    for (size_t i = n0; i < known.size(); ++i) {
      double e = std::log(known[i].second) - (a + b * known[i].first);
      ss += e * e;
    }
    double sigma = std::max(0.05, std::sqrt(ss / std::max<size_t>(1, n - 2)));
    for (int h = 1; h <= kForecastDays; ++h) {
      double mid = a + b * h;
      double w = 1.28 * sigma * std::sqrt(1.0 + static_cast<double>(h) / n);
      auto rank = [](double v) { return std::max(1.0, std::exp(v)); };
      forecast.push_back({{"date", (s.days[di].date + h).ToString()},
                          {"rank", rank(mid)},
                          {"low", rank(mid - w)},
                          {"high", rank(mid + w)}});
    }
  }
  j["forecast"] = std::move(forecast);
  return j;
}

json SeasonSummary(const Season& se) {
  double sum = 0;
  int rated = 0;
  for (const Episode& e : se.episodes) {
    if (e.rating) {
      sum += *e.rating;
      ++rated;
    }
  }
  return {{"number", se.number},
          {"name", Str(se.name)},
          {"air_date", Str(se.air_date)},
          {"episode_count", se.episode_count ? json(*se.episode_count) : json(se.episodes.size())},
          {"episodes_listed", se.episodes.size()},
          {"poster", Str(se.poster)},
          {"avg_rating", rated > 0 ? json(sum / rated) : json(nullptr)},
          {"overview", Str(se.overview)}};
}

ApiResponse TitleDetail(const Snapshot& s, int ti, int di) {
  const Title& t = s.titles[ti];
  const Day& day = s.days[di];
  const FactRow* today = day.Find(ti);
  const FactRow* yesterday = di > 0 ? s.days[di - 1].Find(ti) : nullptr;
  json j = DayHeader(s, di);
  j.update(TitleRow(s, t, today));
  j["runtime"] = Opt(t.runtime);
  j["list_runtime"] = ListRuntime(t);
  j["original_title"] = Str(t.original_title);
  j["release_date"] = Str(t.release_date);
  j["status"] = Str(t.status);
  j["language"] = Str(t.language);
  j["tagline"] = Str(t.tagline);
  j["overview"] = Str(t.overview);
  j["homepage"] = Str(t.homepage);
  j["trailer"] = Str(t.trailer);
  j["interests"] = t.interests;
  j["budget"] = Opt(t.budget);
  j["revenue"] = Opt(t.revenue);
  j["roi"] = (t.budget && *t.budget > 0 && t.revenue)
                 ? json(static_cast<double>(*t.revenue - *t.budget) / static_cast<double>(*t.budget))
                 : json(nullptr);
  j["popularity"] = {{"today", today ? json(today->popularity) : json(nullptr)},
                     {"yesterday", yesterday ? json(yesterday->popularity) : json(nullptr)},
                     {"min", day.ranked.empty() ? json(nullptr) : json(day.popularity_min)},
                     {"max", day.ranked.empty() ? json(nullptr) : json(day.popularity_max)}};
  j["cast"] = People(s, t.cast, true);
  j["directors"] = People(s, t.directors, false);
  j["creators"] = People(s, t.creators, false);
  j["writers"] = People(s, t.writers, false);
  j["networks"] = Orgs(s.networks, t.networks);
  j["companies"] = Orgs(s.companies, t.companies);
  j["trend"] = Trend(s, ti, di);
  if (t.is_series()) {
    json seasons = json::array();
    for (const Season& se : t.seasons) seasons.push_back(SeasonSummary(se));
    j["series"] = {{"season_count", t.season_count},
                   {"episode_count", t.episode_count},
                   {"first_air_date", Str(t.first_air_date)},
                   {"last_air_date", Str(t.last_air_date)},
                   {"avg_episode_runtime", Opt(t.avg_episode_runtime)},
                   {"total_runtime", Opt(t.total_episode_runtime)},
                   {"seasons", std::move(seasons)}};
  } else {
    j["series"] = nullptr;
  }
  return Ok(j);
}

ApiResponse SeasonDetail(const Snapshot& s, int ti, std::string_view num) {
  int n = 0;
  auto [p, ec] = std::from_chars(num.data(), num.data() + num.size(), n);
  if (ec != std::errc() || p != num.data() + num.size() || num.empty() || num.size() > 4) {
    return Error(400, "season number '" + std::string(num) + "' is not a number");
  }
  const Title& t = s.titles[ti];
  auto it = std::find_if(t.seasons.begin(), t.seasons.end(), [&](const Season& x) { return x.number == n; });
  if (it == t.seasons.end()) return Error(404, "title " + t.id + " has no season " + std::to_string(n));
  json eps = json::array();
  for (const Episode& e : it->episodes) {
    eps.push_back({{"number", e.number},
                   {"title", Str(e.title)},
                   {"type", Str(e.type)},
                   {"type_label", EpisodeTypeLabel(t, *it, e.type)},
                   {"rating", Opt(e.rating)},
                   {"runtime", Opt(e.runtime)},
                   {"air_date", Str(e.air_date)},
                   {"votes", Opt(e.votes)},
                   {"still", Str(e.still)}});
  }
  return Ok({{"id", t.id},
             {"title", t.title},
             {"status", Str(t.status)},
             {"season", SeasonSummary(*it)},
             {"episodes", std::move(eps)}});
}

// ---- search and trends ---------------------------------------------------

ApiResponse Search(const Snapshot& s, const Query& q) {
  std::string text = Param(q, "q");
  if (text.empty() || text.size() > kMaxSearch) {
    return Error(400, "parameter 'q': give 1 to " + std::to_string(kMaxSearch) + " characters");
  }
  std::string needle = FoldCase(text);
  const Day* latest = s.LatestDay();
  struct Hit {
    int title;
    bool prefix;
    int rank;
  };
  std::vector<Hit> hits;
  for (size_t i = 0; i < s.titles.size(); ++i) {
    const Title& t = s.titles[i];
    std::string a = FoldCase(t.title), b = FoldCase(t.original_title);
    size_t pa = a.find(needle), pb = b.find(needle);
    if (pa == std::string::npos && pb == std::string::npos) continue;
    const FactRow* r = latest ? latest->Find(static_cast<int>(i)) : nullptr;
    hits.push_back({static_cast<int>(i), pa == 0 || pb == 0, r ? *r->rank : INT32_MAX});
  }
  std::sort(hits.begin(), hits.end(), [&](const Hit& x, const Hit& y) {
    if (x.prefix != y.prefix) return x.prefix;
    if (x.rank != y.rank) return x.rank < y.rank;
    return s.titles[x.title].title < s.titles[y.title].title;
  });
  json results = json::array();
  for (size_t i = 0; i < hits.size() && i < kSearchResults; ++i) {
    const Title& t = s.titles[hits[i].title];
    results.push_back({{"id", t.id},
                       {"title", t.title},
                       {"type", t.type},
                       {"type_label", TypeLabel(t.type)},
                       {"year", Year(t)},
                       {"poster", Str(t.poster)},
                       {"rank", hits[i].rank == INT32_MAX ? json(nullptr) : json(hits[i].rank)}});
  }
  return Ok({{"q", text}, {"total", hits.size()}, {"results", std::move(results)}});
}

ApiResponse Trends(const Snapshot& s, const Query& q) {
  if (s.days.empty()) return Error(404, "no fact_popularity partitions in the lake yet");
  std::vector<int> ids;
  std::string list = Param(q, "ids");
  size_t start = 0;
  while (start <= list.size() && !list.empty()) {
    size_t end = list.find(',', start);
    if (end == std::string::npos) end = list.size();
    std::string id = list.substr(start, end - start);
    if (!id.empty()) {
      int t = s.FindTitle(id);
      if (t < 0) return Error(404, "parameter 'ids': unknown title '" + id + "'");
      if (std::find(ids.begin(), ids.end(), t) == ids.end()) ids.push_back(t);
      if (ids.size() > kMaxTrendIds) {
        return Error(400, "parameter 'ids': at most " + std::to_string(kMaxTrendIds) + " titles");
      }
    }
    start = end + 1;
  }
  if (ids.empty()) return Error(400, "parameter 'ids': give one or more title ids, comma separated");
  Date to = s.days.back().date;
  if (!Param(q, "to").empty()) {
    auto d = Date::Parse(Param(q, "to"));
    if (!d.ok()) return Error(400, "parameter 'to': " + d.status().message());
    to = *d;
  }
  Date from = to - (kTrendDays - 1);
  if (!Param(q, "from").empty()) {
    auto d = Date::Parse(Param(q, "from"));
    if (!d.ok()) return Error(400, "parameter 'from': " + d.status().message());
    from = *d;
  }
  if (from > to)
    return Error(400, "parameter 'from': " + from.ToString() + " is after 'to' " + to.ToString());
  json dates = json::array();
  std::vector<json> ranks(ids.size(), json::array()), pops(ids.size(), json::array());
  for (const Day& day : s.days) {
    if (day.date < from || day.date > to) continue;
    dates.push_back(day.date.ToString());
    for (size_t k = 0; k < ids.size(); ++k) {
      const FactRow* r = day.Find(ids[k]);
      ranks[k].push_back(r ? json(*r->rank) : json(nullptr));
      pops[k].push_back(r ? json(r->popularity) : json(nullptr));
    }
  }
  json series = json::array();
  for (size_t k = 0; k < ids.size(); ++k) {
    const Title& t = s.titles[ids[k]];
    series.push_back({{"id", t.id},
                      {"title", t.title},
                      {"type", t.type},
                      {"type_label", TypeLabel(t.type)},
                      {"ranks", std::move(ranks[k])},
                      {"popularity", std::move(pops[k])}});
  }
  return Ok({{"from", from.ToString()},
             {"to", to.ToString()},
             {"dates", std::move(dates)},
             {"series", std::move(series)}});
}

ApiResponse Dates(const Snapshot& s) {
  json dates = json::array();
  for (const Day& d : s.days) dates.push_back(d.date.ToString());
  return Ok({{"latest", s.days.empty() ? json(nullptr) : json(s.days.back().date.ToString())},
             {"dates", std::move(dates)},
             {"titles", s.titles.size()}});
}

}  // namespace

bool IsBingeWorthy(const Title& t) {
  return t.is_series() && t.rating && *t.rating >= 7.0 && t.avg_episode_runtime &&
         *t.avg_episode_runtime <= 45.0 && t.total_episode_runtime && *t.total_episode_runtime <= 480;
}

bool IsQuickWatch(const Title& t) {
  return t.is_movie() && t.rating && *t.rating >= 7.0 && t.runtime && *t.runtime <= 90;
}

bool IsOncoming(const Title& t, Date today) {
  return t.release && *t.release > today;
}

bool IsGlobalReach(const Title& t) {
  return t.is_movie() && t.revenue && *t.revenue >= 500'000'000;
}

std::string EpisodeTypeLabel(const Title& t, const Season& season, std::string_view type) {
  if (type.empty()) return "-";
  if (type == "standard") return "Normal";
  if (type == "mid_season") return "Mid-Season";
  if (type == "finale") {
    int last = 0;
    for (const Season& s : t.seasons) last = std::max(last, s.number);
    return (t.status == "Ended" && season.number == last) ? "Final" : "Season Final";
  }
  return std::string(type);
}

namespace {
// `d` moved by n calendar months, the day clamped to the month's length.
Date AddMonths(Date d, int n) {
  using namespace std::chrono;
  int total = d.year() * 12 + static_cast<int>(d.month()) - 1 + n;
  year_month_day first{year{total / 12}, month{static_cast<unsigned>(total % 12 + 1)}, day{1}};
  unsigned last =
      static_cast<unsigned>(year_month_day_last{first.year(), month_day_last{first.month()}}.day());
  return Date::FromYmd(total / 12, total % 12 + 1, std::min(d.day(), last));
}
}  // namespace

std::string TimeLeft(Date from, Date to) {
  // Whole years, then whole months, then days, each as far as it fits.
  int months = (to.year() - from.year()) * 12 + static_cast<int>(to.month()) - static_cast<int>(from.month());
  while (months > 0 && AddMonths(from, months) > to) --months;
  months = std::max(months, 0);
  int days = to - AddMonths(from, months);
  return std::to_string(months / 12) + " yrs " + std::to_string(months % 12) + " mths " +
         std::to_string(days) + " days";
}

std::string FormatRankChange(int rank_change) {
  if (rank_change < 0) return "+" + std::to_string(-rank_change);
  if (rank_change > 0) return "\u2212" + std::to_string(rank_change);
  return "0";
}

std::shared_ptr<const Snapshot> PrepareSnapshot(const GoldTables& gold) {
  std::shared_ptr<Snapshot> s = Snapshot::Build(gold);
  s->landing_json.reserve(s->days.size());
  for (size_t i = 0; i < s->days.size(); ++i)
    s->landing_json.push_back(Dump(Landing(*s, static_cast<int>(i))));
  return s;
}

ApiResponse HandleApi(const Snapshot& s, std::string_view path, const Query& q) {
  constexpr std::string_view kPrefix = "/api/";
  if (path.substr(0, kPrefix.size()) != kPrefix) return Error(404, "not an API path");
  std::string_view rest = path.substr(kPrefix.size());
  if (rest == "dates") return Dates(s);
  if (rest == "search") return Search(s, q);
  if (rest == "trends") return Trends(s, q);

  ApiResponse err;
  auto day = [&]() { return ResolveDay(s, q, &err); };
  if (rest == "landing") {
    int d = day();
    if (d < 0) return err;
    if (static_cast<size_t>(d) < s.landing_json.size()) return {200, s.landing_json[d]};
    return Ok(Landing(s, d));
  }
  struct Part {
    const char* name;
    json (*fn)(const Snapshot&, const Day&);
  };
  static constexpr Part kParts[] = {
      {"kpis", KpiCounts},    {"top10", Top10},       {"hidden-gems", HiddenGems},
      {"networks", Networks}, {"trending", Trending},
  };
  for (const Part& p : kParts) {
    if (rest != p.name) continue;
    int d = day();
    if (d < 0) return err;
    json j = DayHeader(s, d);
    j[p.name] = p.fn(s, s.days[d]);
    return Ok(j);
  }
  if (rest == "movers") {
    int d = day();
    if (d < 0) return err;
    json j = DayHeader(s, d);
    j["raises"] = Movers(s, s.days[d], true);
    j["falls"] = Movers(s, s.days[d], false);
    return Ok(j);
  }
  if (rest.substr(0, 4) == "kpi/") {
    std::string_view name = rest.substr(4);
    for (const auto& [kname, k] : kKpis) {
      if (name != kname) continue;
      int d = day();
      if (d < 0) return err;
      return Ok(KpiTable(s, d, k, kname));
    }
    return Error(404, "unknown KPI '" + std::string(name) + "' (binge, quick, oncoming, global)");
  }
  if (rest.substr(0, 6) == "title/") {
    std::string_view tail = rest.substr(6);
    size_t slash = tail.find('/');
    std::string_view id = tail.substr(0, slash);
    int ti = s.FindTitle(id);
    if (id.empty() || ti < 0) return Error(404, "unknown title '" + std::string(id) + "'");
    if (slash == std::string_view::npos) {
      int d = day();
      if (d < 0) return err;
      return TitleDetail(s, ti, d);
    }
    std::string_view sub = tail.substr(slash + 1);
    if (sub.substr(0, 7) == "season/") return SeasonDetail(s, ti, sub.substr(7));
  }
  return Error(404, "unknown API path '" + std::string(path) + "'");
}

}  // namespace cinelake::serve
