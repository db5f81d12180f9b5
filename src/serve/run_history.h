// RunHistory: the lake's run manifests (orchestrator/run_manifest.h) as the
// dashboard reads them, for /api/runs and /metrics.
//
// Current() hands out the last list read, newest first, and re-reads _runs/
// when the list is older than `max_age_ms` — at most one reader does so at a
// time; the others keep answering from the previous list meanwhile, so a
// request never waits for another's reload. An unreadable manifest is left
// out and counted (RunsView::unreadable); an unreadable _runs/ folder keeps
// the previous list and is logged.
//
// Ownership: owns its Lake; what Current() returns is shared and immutable.
// Thread-safety: Current() from any thread.
#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "lake/lake.h"
#include "orchestrator/run_manifest.h"

namespace cinelake::serve {

struct RunsView {
  std::vector<RunManifest> runs;        // every readable manifest, newest first
  std::vector<std::string> unreadable;  // why the others could not be read
};

class RunHistory {
 public:
  RunHistory(std::unique_ptr<Lake> lake, int max_age_ms);

  std::shared_ptr<const RunsView> Current();

 private:
  std::unique_ptr<Lake> lake_;
  const std::chrono::milliseconds max_age_;
  std::mutex reload_mu_;   // one reload at a time (try_lock: nobody waits)
  mutable std::mutex mu_;  // guards current_ and read_at_
  std::shared_ptr<const RunsView> current_;
  std::chrono::steady_clock::time_point read_at_{};
};

// A fixed list (tests, and a server without a lake).
std::shared_ptr<const RunsView> MakeRunsView(std::vector<RunManifest> runs);

}  // namespace cinelake::serve
