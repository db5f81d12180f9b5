// The model stage: stg enrichment snapshots + existing gold -> every gold
// dim_* and bridge_* table (rules in dimensional_model.h).
//
// It also rebuilds where-to-watch history (gold/dim_watch_provider,
// gold/bridge_content_watch_provider) from every stg/content_watch_provider
// partition (watch_provider_history.h). The other stg tables are
// unpartitioned snapshots; an absent one reads as empty (a
// lake where nothing was enriched yet). Every output table is rewritten
// whole, each atomically; the model is idempotent, so a run interrupted
// between two tables is repaired by running it again. Counters:
// rows.<table> per table written, model.titles_refreshed, model.titles_new,
// model.bridge_rows_dropped.
//
// Thread-safety: runs beside the fact stage; it never touches fact tables.
// Errors: a lake read/write error fails the step (idempotent, so a retry repairs it).
#pragma once

#include "common/status.h"
#include "jobs/job_context.h"
#include "jobs/stage.h"

namespace cinelake {

Status RunModelStage(const JobContext& ctx);
StageDecl ModelStage();  // "model" (jobs/stage.h)

}  // namespace cinelake
