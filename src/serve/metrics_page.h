// The /metrics answer: the pipeline and the dashboard in the Prometheus text
// format (prometheus_text.h), from what serve already holds — the gold
// snapshot, the run manifests (run_history.h) and its request counters
// (http_metrics.h). docs/dashboard-api.md lists every family.
//
// Pure: `now_micros` is the clock. Thread-safety: safe from any thread (all
// inputs are immutable or atomic). Never fails.
#pragma once

#include <cstdint>
#include <string>

#include "serve/http_metrics.h"
#include "serve/prepared_gold.h"
#include "serve/run_history.h"

namespace cinelake::serve {

std::string RenderMetrics(const PreparedGold& gold, const RunsView& runs, const HttpMetrics& http,
                          int64_t now_micros);

}  // namespace cinelake::serve
