// The daily pipeline for one logical date: the stages of PipelineStages(),
// ordered by the tables they declare (stage_graph.h). Today that gives
//
//   ingest ──┬─> popularity ──┬─> enrich ──> model ──┐
//            │                └─> fact ──────────────┴──> catalog
//            └─> enrich_fetch ──┘ (into enrich)
//
// ingest writes the lists; popularity (TMDB) and enrich_fetch (IMDB) then
// spend the two APIs' rate limits in parallel; fact needs only popularity,
// so it runs beside enrich and model. A run for a date whose latest manifest did not succeed resumes that
// run (completed steps are skipped); otherwise a new run starts.
#pragma once

#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog_stage.h"
#include "common/date.h"
#include "common/status.h"
#include "jobs/quality/quality_checks.h"
#include "jobs/stage.h"
#include "lake/lake.h"
#include "orchestrator/run_manifest.h"
#include "sources/api_config.h"

namespace cinelake {

struct PipelineOptions {
  Date date;
  bool full_refresh = false;
  int enrich_ttl_days = 7;
  std::string catalog_location;  // DDL location prefix; empty = the lake's path
  ApiConfig api;                 // for this date (sandbox date prefix already applied)
  QualityConfig quality;         // the checks' severities and thresholds
};

// Every stage of the daily run, the catalog last (it describes the others'
// tables); the quality checks run once model and fact have written.
std::vector<StageDecl> PipelineStages(const CatalogOptions& catalog, const QualityConfig& quality = {});

// Called after every step transition (progress display).
using RunObserver = std::function<void(const RunManifest&)>;

// Runs (or resumes) the pipeline for options.date. The caller holds the lake lock.
Result<RunManifest> RunPipeline(Lake& lake, const PipelineOptions& options, const std::atomic<bool>* cancel,
                                const RunObserver& observer = {});

}  // namespace cinelake
