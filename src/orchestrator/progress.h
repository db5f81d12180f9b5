// Progress on a terminal: one line per run, redrawn as its steps move
// ("2026-11-01 [3/30]  ingest ✓  enrich …  model ·  fact ✓  catalog ·").
// When stderr is not a terminal it prints nothing: the log lines suffice.
#pragma once

#include <string>

#include "orchestrator/run_manifest.h"

namespace cinelake {

class ProgressLine {
 public:
  ProgressLine();
  void SetPrefix(std::string prefix) { prefix_ = std::move(prefix); }
  void Update(const RunManifest& manifest);
  void Finish();  // ends the line

 private:
  bool tty_;
  bool drawn_ = false;
  std::string prefix_;
};

}  // namespace cinelake
