// RunNotice: what a finished run has to tell its operator, and the JSON
// summary the notifications carry.
//
// A run is worth a notice when it failed, when it succeeded with a breached
// data-quality check ("warn"), or when it succeeded right after a failure
// ("recovered": the run before it, of any date, failed — including the same
// run before a resume). Interrupted and plain successful runs are not.
//
// The summary holds only what the manifest holds (ids, dates, states, step
// errors, check results, request counts), each text already redacted when
// the manifest was written and redacted again here: no key, token or webhook
// URL can reach it. Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>

#include "orchestrator/run_manifest.h"

namespace cinelake {

enum class NoticeEvent { kFailed, kBreached, kRecovered };
const char* NoticeEventName(NoticeEvent e);  // "failed" / "breached" / "recovered"

// `previous` is the latest run recorded before `finished` started (null if none).
std::optional<NoticeEvent> NoticeFor(const RunManifest* previous, const RunManifest& finished);

// {"event", "run_id", "load_date", "state", "error", "duration_s",
//  "failed_steps": [{name, attempts, error}], "checks": [breached ones],
//  "requests": {api: n}, "quota_remaining": {api: n}, "lake"}
std::string NoticeJson(NoticeEvent event, const RunManifest& run, const std::string& lake_location);

}  // namespace cinelake
