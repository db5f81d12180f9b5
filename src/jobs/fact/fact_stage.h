// The fact stage: gold/fact_popularity for the run's load_date.
//
// Reads raw/stg_popularity for load_date and for the latest earlier partition
// present (prev_load_date; a gap in the days is skipped, defect 2), builds the
// day with BuildFactPopularity and writes gold/fact_popularity/loadDate=<day>.
//
// Defect 6 (re-running a past day): every fact partition later than load_date
// that already exists is then recomputed, in date order, from its own raw
// partition and its (possibly new or changed) previous one, so the lake ends
// as if the days had run in order. Each day's fact depends only on raw
// snapshots, never on another fact partition, so the recomputation is exact.
// For the same reason an earlier partition that no longer reads back (a
// damaged file) is rebuilt from its raw snapshot, with a warning, instead of
// staying broken for every later reader (fact.partitions_repaired).
//
// The chart measures (chart_history.h) of a day depend on every snapshot up
// to it, so the stage ranks every raw partition from the first one up to the
// last day it writes, in date order; only load_date and the later existing
// fact days are written.
//
// A missing stg_popularity partition for a day being computed is a NotFound
// error naming its folder. Counters: rows.fact_popularity (every partition
// written), fact.partitions_recomputed, fact.partitions_repaired, fact.leavers, fact.new_joiners,
// fact.skipped_rows.
//
// Thread-safety: runs beside enrich and model (it reads only raw, which they never write).
#pragma once

#include "common/status.h"
#include "jobs/job_context.h"
#include "jobs/stage.h"

namespace cinelake {

Status RunFactStage(const JobContext& ctx);
StageDecl FactStage();  // "fact" (jobs/stage.h)

}  // namespace cinelake
