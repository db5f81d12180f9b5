// Enrich: IMDB + TMDB metadata for today's titles into the stg/content_* tables.
//
// The stg tables are unpartitioned snapshots holding the latest enrichment of
// every title ever enriched; content_error is partitioned by loadDate.
// Which titles are enriched (data-model.md defect 5): those whose IMDB detail
// the enrich_fetch step got today (refresh_policy.h: new, failed last time,
// due, or all on --full-refresh), and series whose TMDB season list (free in
// today's raw/stg_tmdb_details) differs from what stg holds. TMDB details
// come from raw/stg_tmdb_details (ingest fetched them for popularity) and
// IMDB details from raw/stg_imdb_titles, so only changed seasons (and the
// IMDB detail of series with changed seasons) are fetched here.
//
// A title whose IMDB detail cannot be had goes to content_error and keeps
// its previous enrichment. content_detail is written last: it is what marks
// a title as enriched, so a run killed mid-stage re-enriches the same titles.
#pragma once

#include "common/status.h"
#include "jobs/job_context.h"
#include "jobs/stage.h"

namespace cinelake {

Status RunEnrichStage(const JobContext& ctx);
StageDecl EnrichStage();  // "enrich" (jobs/stage.h)

}  // namespace cinelake
