// The four KPIs of the landing page (dashboard.md): which of a day's titles
// are Binge Worthy, Quick Watch, Oncoming and Global Reach, how many, and the
// drill-through list of each in its reading order.
//
// Pure functions over an immutable GoldSnapshot: the results point into the
// snapshot (FactRow pointers, title indexes) and live as long as it does.
// Safe from any thread; no errors (ParseKpi answers nullopt for an unknown name).
#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <vector>

#include "serve/gold_snapshot.h"

namespace cinelake::serve {

enum class Kpi { kBinge, kQuick, kOncoming, kGlobal };
inline constexpr std::array<Kpi, 4> kAllKpis = {Kpi::kBinge, Kpi::kQuick, Kpi::kOncoming, Kpi::kGlobal};

// "binge", "quick", "oncoming", "global": the names the API uses.
const char* KpiName(Kpi k);
std::optional<Kpi> ParseKpi(std::string_view name);

bool IsBingeWorthy(const Title& t);           // series, rating >= 7, avg episode <= 45 min, total <= 480 min
bool IsQuickWatch(const Title& t);            // movie, rating >= 7, known runtime <= 90 min
bool IsOncoming(const Title& t, Date today);  // release date after today
bool IsGlobalReach(const Title& t);           // movie, revenue >= 500,000,000
bool InKpi(Kpi k, const Title& t, Date today);

// How many of the day's ranked titles each KPI holds, indexed like kAllKpis.
std::array<int, 4> CountKpis(const GoldSnapshot& s, const Day& day);

// The day's ranked titles in the KPI: rating descending (binge, quick),
// soonest release first (oncoming), revenue descending (global); ties keep
// today's rank order.
std::vector<const FactRow*> KpiTitles(const GoldSnapshot& s, const Day& day, Kpi k);

}  // namespace cinelake::serve
