// Progress on a terminal: one line per run, redrawn as its steps move
// ("[████░░░░░░]  3/30 2026-11-01  ingest ✓ popularity … enrich · ...").
// When stderr is not a terminal it prints nothing: the log lines suffice.
//
// Thread-safety: not synchronised; the step graph calls Update() under its lock (step_graph.h on_change).
#pragma once

#include <string>

#include "orchestrator/run_manifest.h"

namespace cinelake {

class ProgressLine {
 public:
  ProgressLine();
  // Within a backfill: day `n` of `total`, drawn as a bar before the steps.
  void SetDay(size_t n, size_t total);
  void Update(const RunManifest& manifest);
  void Finish();  // ends the line

 private:
  bool tty_;
  bool drawn_ = false;
  std::string prefix_;
};

}  // namespace cinelake
