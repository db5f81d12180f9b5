// JobContext: what the orchestrator hands every stage (ingest, enrich, model,
// fact, catalog). Stages read and write lake tables only; everything else
// they need about the run is here.
//
// Ownership: the context borrows the lake, the clients and the manifest; the orchestrator keeps them alive
// for the step. Thread-safety: parallel stages share the Lake and the clients; the counters and checks
// recorded through the context take its lock.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "common/date.h"
#include "jobs/check_result.h"
#include "lake/lake.h"
#include "sources/api_issues.h"

namespace cinelake {

class ApiClients;

// Counters a stage reports into the run manifest ("rows.dim_content",
// "requests.tmdb", ...), the API issues (why calls failed or warned) behind
// them, and the data-quality checks it ran. Thread-safe.
class StageMetrics {
 public:
  void AddIssues(const std::vector<ApiIssue>& issues) {
    std::lock_guard<std::mutex> lock(mu_);
    issues_.AddAll(issues);
  }
  std::vector<ApiIssue> Issues() const {
    std::lock_guard<std::mutex> lock(mu_);
    return issues_.Sorted();
  }
  void Add(const std::string& name, int64_t delta) {
    std::lock_guard<std::mutex> lock(mu_);
    counters_[name] += delta;
  }
  void Set(const std::string& name, int64_t value) {
    std::lock_guard<std::mutex> lock(mu_);
    counters_[name] = value;
  }
  std::map<std::string, int64_t> Snapshot() const {
    std::lock_guard<std::mutex> lock(mu_);
    return counters_;
  }
  void AddCheck(CheckResult check) {
    std::lock_guard<std::mutex> lock(mu_);
    checks_.push_back(std::move(check));
  }
  std::vector<CheckResult> Checks() const {
    std::lock_guard<std::mutex> lock(mu_);
    return checks_;
  }

 private:
  mutable std::mutex mu_;
  std::map<std::string, int64_t> counters_;
  ApiIssueTally issues_;
  std::vector<CheckResult> checks_;
};

struct JobContext {
  Lake* lake = nullptr;
  Date load_date;  // the run's logical day
  std::string run_id;
  bool full_refresh = false;
  int enrich_ttl_days = 7;
  StageMetrics* metrics = nullptr;            // may be null in tests
  ApiClients* apis = nullptr;                 // ingest and enrich only
  const std::atomic<bool>* cancel = nullptr;  // set on SIGINT/SIGTERM; may be null
  // The wall clock, for what records when something happened (content_error's
  // occurred_at); tests pin it. Null: the system clock.
  int64_t (*wall_clock_micros)() = nullptr;

  // The run's clock for created_at / updated_at: midnight UTC of load_date, so
  // re-running a day writes identical gold (idempotence) and a backfill
  // stamps each day as if it had run on that day.
  int64_t LogicalMicros() const { return int64_t{load_date.days} * 86'400'000'000LL; }
  int64_t WallMicros() const { return wall_clock_micros != nullptr ? wall_clock_micros() : NowMicros(); }
  bool Cancelled() const { return cancel != nullptr && cancel->load(); }
  void Count(const std::string& name, int64_t delta) const {
    if (metrics != nullptr) metrics->Add(name, delta);
  }
  void Issues(const std::vector<ApiIssue>& issues) const {
    if (metrics != nullptr) metrics->AddIssues(issues);
  }
  void Check(CheckResult check) const {
    if (metrics != nullptr) metrics->AddCheck(std::move(check));
  }
};

}  // namespace cinelake
