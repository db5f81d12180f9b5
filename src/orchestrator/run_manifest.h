// RunManifest: the record of one pipeline run, kept under <lake>/_runs/.
//
// One JSON file per run: _runs/loadDate=YYYY-MM-DD/<run_id>.json, rewritten
// atomically after every step transition, so a killed run leaves a manifest
// that says exactly which steps completed. `cinelake run` for a date whose
// latest manifest did not succeed resumes it: completed steps are skipped.
//
// Thread-safety: RunManifest is a value; the step graph saves it under its lock.
// Errors: Corruption naming the manifest file when one does not parse; IOError from the storage.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/date.h"
#include "common/status.h"
#include "jobs/check_result.h"
#include "lake/storage.h"
#include "sources/api_issues.h"

namespace cinelake {

enum class RunState { kRunning, kSucceeded, kFailed, kInterrupted };
// kInterrupted: stopped by a signal before it finished (what it wrote is
// redone on resume). Appended last: older manifests parse unchanged.
enum class StepState { kPending, kRunning, kSucceeded, kFailed, kSkipped, kInterrupted };
const char* RunStateName(RunState s);
const char* StepStateName(StepState s);

struct StepRecord {
  std::string name;
  StepState state = StepState::kPending;
  int attempts = 0;
  int64_t started_at = 0;  // micros since epoch (wall clock)
  int64_t finished_at = 0;
  std::map<std::string, int64_t> counters;  // rows.<table>, requests.<api>, ...
  // Why API calls failed or warned, or ids were dropped: {api, endpoint,
  // cause, count, example}, most frequent first (JSON "issues").
  std::vector<ApiIssue> issues;
  // The data-quality checks the step ran (JSON "checks"; the quality step's).
  std::vector<CheckResult> checks;
  std::string error;
};

struct RunManifest {
  std::string run_id;
  Date load_date;
  RunState state = RunState::kRunning;
  bool full_refresh = false;
  int resumed = 0;  // how many times this run was resumed
  int64_t started_at = 0;
  int64_t finished_at = 0;
  int pid = 0;
  std::vector<StepRecord> steps;
  // Requests sent to each API ("imdb", "tmdb") by this run, retries included,
  // summed over every process that worked on it (a resumed run adds up).
  std::map<std::string, int64_t> requests;
  // What each API said is left of its request quota on its last answer
  // (RapidAPI's x-ratelimit-requests-remaining); absent when it never said.
  std::map<std::string, int64_t> quota_remaining;
  // The same answer's x-ratelimit-requests-limit (requests per period) and
  // -reset (seconds from that answer until the period restarts).
  std::map<std::string, int64_t> quota_limit;
  std::map<std::string, int64_t> quota_reset_seconds;
  std::string error;

  // Every check of every step, in step order.
  std::vector<CheckResult> Checks() const;

  StepRecord* FindStep(const std::string& name);
  std::string ToJson() const;
  static Result<RunManifest> FromJson(const std::string& json, const std::string& where);

  std::string Path() const;  // "_runs/loadDate=YYYY-MM-DD/<run_id>.json"
};

// A new run id: "<date>T<hhmmss>Z-<pid>-<4 hex>", sortable by start time.
std::string NewRunId(Date load_date);

Status SaveManifest(Storage& storage, const RunManifest& manifest);
// Rewrites kLastRunFile after a run succeeded: the one small object a
// reader of a remote lake polls to notice new gold without listing it.
Status SaveLastSuccess(Storage& storage, const RunManifest& manifest);
// The most recent manifest for the date (by run id), or nullopt. An
// unreadable manifest is skipped with a warning naming it, so a damaged one
// never blocks re-running its date (a new run starts).
Result<std::optional<RunManifest>> LatestManifest(const Storage& storage, Date load_date);
// Every readable manifest, newest first, at most `limit`. Unreadable ones are
// skipped; each is named in `unreadable` (the reader's message), or logged as
// a warning when it is null.
Result<std::vector<RunManifest>> RecentManifests(const Storage& storage, size_t limit,
                                                 std::vector<std::string>* unreadable = nullptr);

}  // namespace cinelake
