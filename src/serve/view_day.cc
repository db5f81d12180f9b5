#include "serve/view_day.h"

#include <cmath>

#include "serve/display_text.h"
#include "serve/rules_hidden_gems.h"
#include "serve/rules_movers.h"
#include "serve/rules_networks.h"
#include "serve/rules_top10.h"
#include "serve/rules_trending.h"
#include "serve/view_title_row.h"

namespace cinelake::serve {

namespace {

json MoverRows(const GoldSnapshot& s, const Day& day, Move move) {
  json out = json::array();
  for (const FactRow* r : Movers(day, move)) {
    const Title& t = s.titles[r->title];
    out.push_back({{"id", t.id},
                   {"title", t.title},
                   {"type", t.type},
                   {"type_label", TypeLabel(t.type)},
                   {"rank", *r->rank},
                   {"rank_change", *r->rank_change},
                   {"change_text", FormatRankChange(*r->rank_change)}});
  }
  return out;
}

}  // namespace

json DayHeaderJson(const GoldSnapshot& s, int day) {
  return {{"date", s.days[day].date.ToString()},
          {"prev_date", s.days[day].prev_date ? json(s.days[day].prev_date->ToString()) : json(nullptr)},
          {"latest_date", s.days.back().date.ToString()}};
}

json TrendingJson(const GoldSnapshot& s, const Day& day) {
  json out = json::array();
  for (const KindTrend& k : TrendingByKind(s, day)) {
    out.push_back(
        {{"type", k.type}, {"type_label", TypeLabel(k.type)}, {"trending", k.trending}, {"total", k.total}});
  }
  return out;
}

json KpiCountsJson(const GoldSnapshot& s, const Day& day) {
  std::array<int, 4> counts = CountKpis(s, day);
  json out = json::object();
  for (size_t i = 0; i < kAllKpis.size(); ++i) out[KpiName(kAllKpis[i])] = counts[i];
  return out;
}

json Top10Json(const GoldSnapshot& s, const Day& day) {
  json out = json::array();
  for (const FactRow* r : Top10(day)) out.push_back(TitleRowJson(s, s.titles[r->title], r));
  return out;
}

json HiddenGemsJson(const GoldSnapshot& s, const Day& day) {
  json out = json::array();
  for (const Gem& g : HiddenGems(s, day)) {
    json j = TitleRowJson(s, s.titles[g.row->title], g.row);
    j["gem_rank"] = g.gem_rank;
    out.push_back(std::move(j));
  }
  return out;
}

json NetworksJson(const GoldSnapshot& s, const Day& day) {
  json out = json::array();
  for (const NetworkCount& n : TopNetworks(s, day)) {
    const Org& o = s.networks[n.network];
    out.push_back({{"id", o.id}, {"name", o.name}, {"logo", TextOrNull(o.logo)}, {"titles", n.titles}});
  }
  return out;
}

json MoversJson(const GoldSnapshot& s, const Day& day) {
  return {{"raises", MoverRows(s, day, Move::kRaise)}, {"falls", MoverRows(s, day, Move::kFall)}};
}

json LandingJson(const GoldSnapshot& s, int di) {
  const Day& day = s.days[di];
  json j = DayHeaderJson(s, di);
  j["trending"] = TrendingJson(s, day);
  j["kpis"] = KpiCountsJson(s, day);
  j["top10"] = Top10Json(s, day);
  j["hidden_gems"] = HiddenGemsJson(s, day);
  j["networks"] = NetworksJson(s, day);
  j.update(MoversJson(s, day));
  return j;
}

json KpiTableJson(const GoldSnapshot& s, int di, Kpi k) {
  const Day& day = s.days[di];
  json rows = json::array();
  for (const FactRow* r : KpiTitles(s, day, k)) {
    const Title& t = s.titles[r->title];
    json j = TitleRowJson(s, t, r);
    j["avg_episode_runtime"] =
        t.avg_episode_runtime ? json(std::lround(*t.avg_episode_runtime)) : json(nullptr);
    j["total_runtime"] = OrNull(t.total_episode_runtime);
    j["networks"] = OrgsJson(s.networks, t.networks);
    AddTitleFacts(t, &j);
    if (k == Kpi::kOncoming) {
      j["days_left"] = *t.release - day.date;
      j["time_left"] = TimeLeft(day.date, *t.release);
    }
    rows.push_back(std::move(j));
  }
  json j = DayHeaderJson(s, di);
  j["kpi"] = KpiName(k);
  j["count"] = rows.size();
  j["titles"] = std::move(rows);
  return j;
}

}  // namespace cinelake::serve
