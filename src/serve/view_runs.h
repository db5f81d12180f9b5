// The /api/runs answer: the latest runs from their manifests, as the Runs
// page and the landing page's run banner show them (docs/dashboard-api.md).
//
// Each run carries its steps (state, attempts, duration, error, API issues),
// requests and quota left per API, its quality checks, and a verdict: "ok",
// "degraded" (succeeded with a check that warned), "failed", "running" or
// "interrupted". Pure; safe from any thread; never fails.
#pragma once

#include <cstddef>
#include <cstdint>

#include "serve/run_history.h"
#include "serve/view_json.h"

namespace cinelake::serve {

inline constexpr size_t kDefaultRuns = 30;
inline constexpr size_t kMaxRuns = 1000;

json RunsJson(const RunsView& runs, size_t limit, int64_t now_micros);

}  // namespace cinelake::serve
