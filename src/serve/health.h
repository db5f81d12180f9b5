// Health: whether the dashboard serves what it should, as /api/health
// answers it (docs/dashboard-api.md).
//
//   {status: "ok" | "degraded" | "failing", reasons: [{code, message, ...}], ...}
//
// failing (HTTP 503): there is no day to show. degraded (HTTP 200): the
// dashboard answers, but from data that is stale, incomplete (files it
// could not read), older than the live gold (a run failed before committing),
// or after a failed run. ok (HTTP 200): none of that.
//
// Pure: a snapshot's load notes and the facts gathered outside serve (the
// newest run manifest, the server's today) in, an answer out. Safe from any
// thread; no errors.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/date.h"
#include "serve/gold_snapshot.h"

namespace cinelake::serve {

// The newest run manifest, as the server's owner read it.
struct RunSummary {
  std::string run_id;
  Date load_date;
  std::string state;  // RunStateName(): running, succeeded, failed, interrupted
  std::string error;
  bool process_alive = false;  // for "running": its process still exists
};

struct HealthFacts {
  Date today;                // the server's today (UTC, or serve --today)
  int stale_after_days = 2;  // data older than today minus this is stale
  std::optional<RunSummary> last_run;
  std::vector<std::string> unreadable_manifests;  // the reader's messages
  std::string reload_error;                       // the last reload's failure, if it failed
};

struct HealthAnswer {
  int http_status = 200;
  std::string status;  // ok, degraded, failing
  std::string body;    // the JSON answer
};

HealthAnswer AssessHealth(const GoldSnapshot& gold, const HealthFacts& facts);

}  // namespace cinelake::serve
