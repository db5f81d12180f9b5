// Enrich: IMDB + TMDB metadata for today's titles into the stg/content_* tables.
//
// The stg tables are unpartitioned snapshots holding the latest enrichment of
// every title ever enriched; content_error is partitioned by loadDate.
// Which titles are enriched (data-model.md defect 5): those on today's lists
// that were never enriched, whose enrichment is due (each title has a phase
// day recurring every TTL days, so refreshes spread evenly over the TTL
// instead of arriving in waves), whose last attempt failed, or — for series — whose TMDB season list (free in
// today's raw/stg_tmdb_details) differs from what stg holds; --full-refresh
// takes all. TMDB details come from raw/stg_tmdb_details (ingest fetched
// them for popularity), so only IMDB detail and changed seasons are fetched.
//
// A title whose IMDB detail cannot be had goes to content_error and keeps
// its previous enrichment. content_detail is written last: it is what marks
// a title as enriched, so a run killed mid-stage re-enriches the same titles.
#pragma once

#include "common/status.h"
#include "jobs/job_context.h"

namespace cinelake {

Status RunEnrichStage(const JobContext& ctx);

}  // namespace cinelake
