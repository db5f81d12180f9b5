// enrich_fetch: the IMDB title details of today's titles that need them
// (refresh_policy.h) into raw/stg_imdb_titles, one row per attempt with its
// HTTP status and attempts, the decoded title on success. At most the day's
// IMDB budget of them (imdb_budget.h), by priority; the rest wait for a
// later day. It needs only
// today's raw/stg_contentIDs and yesterday's stg, so it runs while ingest
// fetches TMDB popularity: the two APIs' rate limits are spent in parallel.
//
// Thread-safety: runs beside the popularity step; they share the Lake (concurrent calls on distinct paths are
// safe) and nothing else. Errors: a failed title is a row (content_error later), not a stage error; a lake
// write error or cancellation fails the step.
#pragma once

#include "common/status.h"
#include "jobs/job_context.h"
#include "jobs/stage.h"

namespace cinelake {

Status RunEnrichFetchStage(const JobContext& ctx);
StageDecl EnrichFetchStage();  // "enrich_fetch" (jobs/stage.h)

}  // namespace cinelake
