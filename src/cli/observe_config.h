// The config file's [quality] and [notify] tables: how a run judges its gold
// and whom it tells (the API settings in the same file are sources/api_config.h).
//
//   [quality]
//   fact_rows_max_change = 0.5        # fact_rows_band: allowed share of change vs the previous snapshot
//   key_null_rate_max = 0.0           # key_null_rate: allowed share of nulls in a key column
//   <check name> = "fail" | "warn"    # per check (jobs/quality/quality_checks.h), else its default
//
//   [notify]
//   command = "/usr/local/bin/page-me"         # gets the JSON summary on stdin
//   webhook_url = "https://hooks.example/..."  # gets it POSTed
//   timeout_ms = 10000
//
// CINELAKE_NOTIFY_COMMAND and CINELAKE_NOTIFY_WEBHOOK_URL override the file
// (the webhook URL is a secret: keep it in the keys' environment file).
// Errors: InvalidArgument naming the file, the table and the key (an unknown
// check name, a wrong type, a share outside [0, 1e6], a timeout < 1).
//
// Ownership: the returned config is the caller's. Thread-safety: no shared state.
#pragma once

#include <optional>
#include <string>

#include "common/status.h"
#include "jobs/quality/quality_checks.h"
#include "orchestrator/notifier.h"

namespace cinelake {

struct ObserveConfig {
  QualityConfig quality;
  NotifyConfig notify;
};

Result<ObserveConfig> LoadObserveConfig(const std::optional<std::string>& path);

}  // namespace cinelake
