// JSON of the Charts view (docs/dashboard-api.md /api/charts): what
// rules_charts.h decides, as title rows. A pure function over an immutable
// GoldSnapshot; `day` must index GoldSnapshot::days. Safe from any thread; no errors.
#pragma once

#include "serve/gold_snapshot.h"
#include "serve/view_json.h"

namespace cinelake::serve {

// The day header and {window_days, start_date, new_entries, longest_running, climbers}.
json ChartsJson(const GoldSnapshot& s, int day, int window_days);

}  // namespace cinelake::serve
