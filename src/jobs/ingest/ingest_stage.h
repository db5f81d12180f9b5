// Ingest: today's IMDB most-popular lists and TMDB popularity into raw/.
//
// Two steps. Lists: fetches both lists in parallel, maps each title to its
// TMDB record (reusing the mapping of the latest earlier day, so a title is
// mapped once), writes raw/stg_contentIDs. Popularity: reads that partition,
// fetches every mapped title's TMDB detail and
// writes raw/stg_tmdb_details (every attempt, failures included, with the
// decoded record) and raw/stg_popularity (titles that answered). A 404 or a
// failed popularity fetch skips that title and is counted; a failed list
// fetch fails the stage. All three partitions are for ctx.load_date.
#pragma once

#include "common/status.h"
#include "jobs/job_context.h"
#include "jobs/stage.h"

namespace cinelake {

// Lists and mapping: raw/stg_contentIDs.
Status RunIngestListsStage(const JobContext& ctx);
// TMDB details of today's mapped titles: raw/stg_tmdb_details, raw/stg_popularity.
Status RunIngestPopularityStage(const JobContext& ctx);

// The two steps' declarations (jobs/stage.h): "ingest" and "popularity".
StageDecl IngestListsStage();
StageDecl IngestPopularityStage();

}  // namespace cinelake
