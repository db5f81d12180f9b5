// The publish stage: commits the gold layer once every gold table of the run
// is written (lake/gold_commit.h), so readers switch from the previous
// consistent gold to this run's in one step.
//
// Every live gold file is read; one that differs from the previous commit is
// decoded in full first. An unreadable file this run wrote (a dimension, a
// bridge, a fact partition on or after the run's date) fails the step: its
// data would be lost. An unreadable older fact partition (which the fact
// stage could not rebuild, its raw snapshot being gone too) is left out of
// the commit, named in the marker's "left_out", logged as a warning and
// counted, and the run goes on: one bad old day does not stop every later day
// from landing. Counters: publish.files, publish.sequence,
// publish.unreadable_files.
//
// Thread-safety: runs alone, after every gold writer (its declaration reads their tables).
#pragma once

#include <vector>

#include "common/status.h"
#include "jobs/job_context.h"
#include "jobs/stage.h"

namespace cinelake {

Status RunPublishStage(const JobContext& ctx);
// "publish" (jobs/stage.h): reads every gold table the `described` stages
// write, so it runs once all of them have.
StageDecl PublishStage(const std::vector<StageDecl>& described);

}  // namespace cinelake
