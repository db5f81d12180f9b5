// Ingest: today's IMDB most-popular lists and TMDB popularity into raw/.
//
// Two steps. Lists: fetches both lists in parallel, maps each title to its
// TMDB record (reusing the mapping of the latest earlier day, so a title is
// mapped once), writes raw/stg_contentIDs. Popularity: reads that partition
// and takes each mapped title's popularity from today's TMDB export file
// when the tmdb_export step loaded it (export_popularity.h), asking TMDB for
// the details only of the titles enrichment needs (enriched today, series
// still running) and of those the export lacks; with no export for the day,
// every mapped title's details, their popularity with them. Writes
// raw/stg_tmdb_details (every attempt, failures included, with the decoded
// record) and raw/stg_popularity (titles with a popularity). A title with
// none (404, failed fetch) is skipped and counted; a failed list fetch fails
// the stage. All three partitions are for ctx.load_date.
//
// A list entry whose id is not an IMDB title id ("tt" + 7-10 digits) is
// dropped here, before it can become a request path or a gold row: counted
// as dropped_ids.<list>, reported once with an escaped example. Each step
// attempt's API calls run under ApiConfig::step_budget_ms. Why calls failed
// or warned is recorded as the step's issues (api, endpoint, cause, count,
// example), and a failing popularity step names the top causes in its error.
//
// Thread-safety: the lists step runs first and alone; the popularity step runs beside enrich_fetch (each
// spends its own API's limits; the Lake takes concurrent calls on distinct paths).
#pragma once

#include "common/status.h"
#include "jobs/job_context.h"
#include "jobs/stage.h"

namespace cinelake {

// Lists and mapping: raw/stg_contentIDs.
Status RunIngestListsStage(const JobContext& ctx);
// Today's popularity and the TMDB details enrichment needs: raw/stg_tmdb_details, raw/stg_popularity.
Status RunIngestPopularityStage(const JobContext& ctx);

// The two steps' declarations (jobs/stage.h): "ingest" and "popularity".
StageDecl IngestListsStage();
StageDecl IngestPopularityStage();

}  // namespace cinelake
