// Enrich: IMDB + TMDB metadata for today's titles into the stg/content_* tables.
//
// The stg tables are unpartitioned snapshots holding the latest enrichment of
// every title ever enriched; content_error is partitioned by loadDate.
// Which titles are enriched (data-model.md defect 5): those whose IMDB detail
// the enrich_fetch step got today (refresh_policy.h: new, failed last time,
// due, or all on --full-refresh). TMDB details come from
// raw/stg_tmdb_details (ingest fetched them for popularity), IMDB details
// from raw/stg_imdb_titles and the popular-list entries (which carry every
// detail field but the people) from raw/stg_contentIDs. Episodes come from
// TMDB seasons: those of any listed series whose season summary changed are
// fetched here, inside the series' detail (append_to_response), and only its
// seasons and episodes are rewritten. Every other listed title has its
// content_detail row refreshed from today's list entry and TMDB detail.
//
// A title whose IMDB detail cannot be had goes to content_error and keeps
// its previous enrichment, or, never enriched, gets a detail row from its
// list entry (title, poster, rating...) with a null updated_at. content_detail is written last: it is what
// marks a title as enriched, so a run killed mid-stage re-enriches the same titles.
// stg/content_watch_provider (partitioned by loadDate) gets the watch
// providers of every listed title in today's TMDB detail
// (watch_provider_rows.h).
//
// Thread-safety: runs beside the fact stage; both only read the tables the other writes never.
// Errors: a lake read/write error or cancellation fails the step; per-title failures go to content_error.
#pragma once

#include "common/status.h"
#include "jobs/job_context.h"
#include "jobs/stage.h"

namespace cinelake {

Status RunEnrichStage(const JobContext& ctx);
StageDecl EnrichStage();  // "enrich" (jobs/stage.h)

}  // namespace cinelake
