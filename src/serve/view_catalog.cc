#include "serve/view_catalog.h"

#include <algorithm>

#include "common/log.h"

namespace cinelake::serve {

namespace {

json Popularity(uint32_t hundredths) {
  return static_cast<double>(hundredths) / 100.0;
}

// What every list row says about a title.
json TitleFields(const CatalogIndex& c, uint32_t t) {
  CatalogKey k = c.key(t);
  return {{"tmdb_id", k.Path()},
          {"title", TextOrNull(std::string(c.name(t)))},
          {"content_type", k.series ? "tvSeries" : "movie"},
          {"content_id", TextOrNull(std::string(c.content_id(t)))}};
}

json TopRowJson(const CatalogIndex& c, const CatalogTopRow& row, uint32_t rank) {
  json j = {{"rank", rank}};
  j.update(TitleFields(c, row.title));
  bool joined = row.rank_change == CatalogTopRow::kJoined;
  j["popularity"] = Popularity(row.popularity);
  j["rank_change"] = joined ? json(nullptr) : json(row.rank_change);
  j["new_joiner"] = joined;
  return j;
}

}  // namespace

json CatalogDayJson(const CatalogIndex& c, int day) {
  const std::vector<CatalogDay>& days = c.days();
  const CatalogDay& d = days[day];
  json top = json::array(), breakouts = json::array(), climbers = json::array();
  const auto kept = static_cast<uint32_t>(d.top.size());
  for (uint32_t i = 0; i < std::min(kept, kCatalogTop); ++i) top.push_back(TopRowJson(c, d.top[i], i + 1));

  size_t breakout_total = 0;
  std::vector<uint32_t> climbed;  // positions in d.top
  if (d.prev_date) {
    for (uint32_t i = 0; i < std::min(kept, kBreakoutRank); ++i) {
      const CatalogTopRow& row = d.top[i];
      bool entered = row.rank_change == CatalogTopRow::kJoined ||
                     static_cast<int64_t>(i + 1) - row.rank_change > kBreakoutRank;
      if (!entered) continue;
      if (breakouts.size() < kCatalogListMax) breakouts.push_back(TopRowJson(c, row, i + 1));
      ++breakout_total;
    }
    for (uint32_t i = 0; i < kept; ++i) {
      int32_t change = d.top[i].rank_change;
      if (change != CatalogTopRow::kJoined && change < 0) climbed.push_back(i);
    }
    size_t n = std::min(climbed.size(), kCatalogListMax);
    std::partial_sort(climbed.begin(), climbed.begin() + static_cast<std::ptrdiff_t>(n), climbed.end(),
                      [&](uint32_t a, uint32_t b) {
                        return d.top[a].rank_change != d.top[b].rank_change
                                   ? d.top[a].rank_change < d.top[b].rank_change
                                   : a < b;
                      });
    climbed.resize(n);
    for (uint32_t i : climbed) climbers.push_back(TopRowJson(c, d.top[i], i + 1));
  }
  return {{"date", d.date.ToString()},
          {"prev_date", DateOrNull(d.prev_date)},
          {"first_date", days.front().date.ToString()},
          {"last_date", days.back().date.ToString()},
          {"days", days.size()},
          {"ranked", d.ranked},
          {"top", std::move(top)},
          {"breakouts", std::move(breakouts)},
          {"breakouts_total", breakout_total},
          {"climbers", std::move(climbers)}};
}

json CatalogSearchJson(const CatalogIndex& c, std::string_view query, const std::vector<uint32_t>& titles,
                       bool more) {
  json rows = json::array();
  for (uint32_t t : titles) {
    json j = TitleFields(c, t);
    uint32_t rank = c.latest_rank(t);
    j["rank"] = rank == 0 ? json(nullptr) : json(rank);
    j["popularity"] = rank == 0 ? json(nullptr) : Popularity(c.latest_popularity(t));
    rows.push_back(std::move(j));
  }
  return {{"query", std::string(query)},
          {"date", c.days().empty() ? json(nullptr) : json(c.days().back().date.ToString())},
          {"titles", std::move(rows)},
          {"more", more}};
}

Result<json> CatalogTrendJson(const CatalogIndex& c, uint32_t title) {
  ASSIGN_OR_RETURN(std::vector<CatalogPoint> points, c.Trend(title));
  json dates = json::array(), ranks = json::array(), pops = json::array();
  for (const CatalogPoint& p : points) {
    dates.push_back(p.date.ToString());
    ranks.push_back(p.rank == 0 ? json(nullptr) : json(p.rank));
    pops.push_back(p.rank == 0 ? json(nullptr) : Popularity(p.popularity));
  }
  json j = TitleFields(c, title);
  j["dates"] = std::move(dates);
  j["ranks"] = std::move(ranks);
  j["popularity"] = std::move(pops);
  return j;
}

json CatalogRankJson(const CatalogIndex& c, std::string_view content_id, Date date) {
  int64_t t = c.FindContent(content_id);
  const std::vector<CatalogDay>& days = c.days();
  auto after = std::upper_bound(days.begin(), days.end(), date,
                                [](Date x, const CatalogDay& d) { return x < d.date; });
  if (t < 0 || after == days.begin()) return nullptr;
  int day = static_cast<int>(after - days.begin()) - 1;
  Result<CatalogPoint> at = c.At(static_cast<uint32_t>(t), day);
  if (!at.ok()) {
    spdlog::warn("catalog rank of {}: {}", content_id, at.status().ToString());
    return nullptr;
  }
  const CatalogPoint& p = *at;
  return {{"date", p.date.ToString()},
          {"tmdb_id", c.key(static_cast<uint32_t>(t)).Path()},
          {"rank", p.rank == 0 ? json(nullptr) : json(p.rank)},
          {"popularity", p.rank == 0 ? json(nullptr) : Popularity(p.popularity)},
          {"ranked", days[day].ranked}};
}

}  // namespace cinelake::serve
