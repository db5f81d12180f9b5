// StepGraph: the pipeline as a declared graph of steps.
//
// Each step names the steps it runs after, and has a retry policy. Run()
// starts every step whose dependencies have succeeded (so independent
// branches run in parallel), retries a failed step per its policy, records
// every transition in the manifest (saved atomically each time), and skips
// steps the manifest already shows as succeeded: that is how a killed or
// failed run resumes. A failure stops new steps from starting; running ones
// finish. The graph must be acyclic (checked).
//
// Thread-safety: Run() owns its worker threads and serialises manifest writes; a StepGraph is run once.
// Errors: the first failed step's Status once every running step has finished.
#pragma once

#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "common/status.h"
#include "jobs/job_context.h"
#include "orchestrator/run_manifest.h"

namespace cinelake {

struct RetryPolicy {
  int max_attempts = 1;
  int backoff_ms = 1000;  // doubled after each failed attempt
  // Only these codes are retried (a bad input will not get better).
  bool RetryableCode(Status::Code code) const {
    return code == Status::Code::kNetwork || code == Status::Code::kRateLimited ||
           code == Status::Code::kIOError;
  }
};

struct StepSpec {
  std::string name;
  std::vector<std::string> after;
  RetryPolicy retry;
  std::function<Status(const JobContext&)> run;
};

class StepGraph {
 public:
  Status Add(StepSpec step);
  // Order-independent validation: unknown dependencies, cycles.
  Status Validate() const;
  // Runs to completion or first failure. `on_change` is called (under a lock)
  // at every transition, just before the manifest is saved, e.g. to draw
  // progress or to record run-level figures in the manifest.
  Status Run(const JobContext& ctx, RunManifest* manifest, Storage* manifest_store,
             const std::function<void(const RunManifest&)>& on_change = {}) const;

  const std::vector<StepSpec>& steps() const { return steps_; }

 private:
  std::vector<StepSpec> steps_;
};

}  // namespace cinelake
