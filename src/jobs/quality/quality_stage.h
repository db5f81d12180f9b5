// The quality stage: runs every check of QualityChecks() over the gold the
// day left and records each in the run manifest (through JobContext::Check).
//
// It reads the day's fact partition, the latest earlier one, and every
// dimension and bridge, so the step graph runs it after model and fact. It
// writes nothing. A breached check of severity "fail" fails the stage with
// Status::QualityFailed naming every failed check (never retried: the data
// will not change by asking again); a breach of severity "warn" is recorded
// as "warn" and the stage succeeds. Counter: quality.checks_warned,
// quality.checks_failed.
//
// Thread-safety: runs after model and fact; reads only. Errors: as above; a lake read error fails the step.
#pragma once

#include "common/status.h"
#include "jobs/job_context.h"
#include "jobs/quality/quality_checks.h"
#include "jobs/stage.h"

namespace cinelake {

// The gold of ctx.load_date, read through the lake.
Result<GoldDay> ReadGoldDay(const Lake& lake, Date day);

// Runs every check over `gold`; records them in ctx; fails as described above.
Status RunQualityChecks(const JobContext& ctx, const GoldDay& gold, const QualityConfig& config);

Status RunQualityStage(const JobContext& ctx, const QualityConfig& config);
StageDecl QualityStage(const QualityConfig& config);  // "quality"

}  // namespace cinelake
