// JSON of the per-day answers (docs/dashboard-api.md): the landing page and
// each of its visuals, and a KPI's drill-through table. Each renders what the
// rules_* functions decide; none decides anything itself.
//
// Pure functions over an immutable GoldSnapshot; `day` must index
// GoldSnapshot::days. Safe from any thread; no errors.
#pragma once

#include "serve/gold_snapshot.h"
#include "serve/rules_kpis.h"
#include "serve/view_json.h"

namespace cinelake::serve {

// {date, prev_date, latest_date}: how every per-day answer starts.
json DayHeaderJson(const GoldSnapshot& s, int day);

// One visual of the landing page on a day: the type of each function below.
using DayVisualJson = json(const GoldSnapshot& s, const Day& day);

DayVisualJson TrendingJson, KpiCountsJson, Top10Json, HiddenGemsJson, NetworksJson;
// {raises, falls}, merged into the header by the caller.
DayVisualJson MoversJson;

// The header and every visual above: /api/landing.
json LandingJson(const GoldSnapshot& s, int day);
// The header and {kpi, count, titles}: /api/kpi/{name}.
json KpiTableJson(const GoldSnapshot& s, int day, Kpi k);

}  // namespace cinelake::serve
