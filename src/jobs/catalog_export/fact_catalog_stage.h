// The catalog branch's gold step: gold/fact_catalog_popularity, one partition
// per raw/tmdb_export day (rules in catalog_ranking.h).
//
// Computes every export day that has no fact partition yet (a day the export
// step just caught up on included) and the run's load_date when its export is
// there; then, as fact_popularity does for defect 6, every later fact
// partition, in date order, since its previous snapshot may have changed (a
// late day lands between two computed ones). A day compares with the latest
// earlier export day present (defect 2). IMDB ids come from raw/stg_contentIDs
// of the days up to the day computed, so recomputing gives the same rows.
// A run whose export is not there yet writes nothing for it and succeeds.
// Counters: rows.fact_catalog_popularity, catalog.partitions_computed,
// catalog.leavers, catalog.new_joiners.
//
// Thread-safety: may run beside the top-list stages; it writes only its own table, and the Lake takes
// concurrent calls on distinct paths.
#pragma once

#include "common/status.h"
#include "jobs/job_context.h"
#include "jobs/stage.h"

namespace cinelake {

Status RunFactCatalogStage(const JobContext& ctx);
StageDecl FactCatalogStage();  // "fact_catalog" (jobs/stage.h)

}  // namespace cinelake
