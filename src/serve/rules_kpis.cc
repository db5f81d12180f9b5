#include "serve/rules_kpis.h"

#include <algorithm>

namespace cinelake::serve {

const char* KpiName(Kpi k) {
  switch (k) {
    case Kpi::kBinge: return "binge";
    case Kpi::kQuick: return "quick";
    case Kpi::kOncoming: return "oncoming";
    case Kpi::kGlobal: return "global";
  }
  return "";
}

std::optional<Kpi> ParseKpi(std::string_view name) {
  for (Kpi k : kAllKpis) {
    if (name == KpiName(k)) return k;
  }
  return std::nullopt;
}

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

bool InKpi(Kpi k, const Title& t, Date today) {
  switch (k) {
    case Kpi::kBinge: return IsBingeWorthy(t);
    case Kpi::kQuick: return IsQuickWatch(t);
    case Kpi::kOncoming: return IsOncoming(t, today);
    case Kpi::kGlobal: return IsGlobalReach(t);
  }
  return false;
}

std::array<int, 4> CountKpis(const GoldSnapshot& s, const Day& day) {
  std::array<int, 4> out{};
  for (size_t i = 0; i < kAllKpis.size(); ++i) {
    for (const FactRow& r : day.ranked) out[i] += InKpi(kAllKpis[i], s.titles[r.title], day.date) ? 1 : 0;
  }
  return out;
}

std::vector<const FactRow*> KpiTitles(const GoldSnapshot& s, const Day& day, Kpi k) {
  std::vector<const FactRow*> rows;
  for (const FactRow& r : day.ranked) {
    if (InKpi(k, s.titles[r.title], day.date)) rows.push_back(&r);
  }
  // Rated lists read best-first, as the original's drill-through does;
  // Oncoming reads soonest-first and Global Reach biggest-first.
  auto key = [&](const FactRow* r) -> double {
    const Title& t = s.titles[r->title];
    switch (k) {
      case Kpi::kOncoming: return -static_cast<double>(*t.release - day.date);
      case Kpi::kGlobal: return t.revenue ? static_cast<double>(*t.revenue) : -1e18;
      default: return t.rating.value_or(-1e18);
    }
  };
  std::stable_sort(rows.begin(), rows.end(),
                   [&](const FactRow* a, const FactRow* b) { return key(a) > key(b); });
  return rows;
}

}  // namespace cinelake::serve
