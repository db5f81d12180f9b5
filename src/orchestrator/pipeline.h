// The daily pipeline for one logical date: the stages of PipelineStages(),
// ordered by the tables they declare (stage_graph.h). Today that gives
//
//   ingest ──┬─> popularity ──┬─> enrich ──> model ──┐
//            │                └─> fact ──────────────┴──> catalog, publish
//            └─> enrich_fetch ──┘ (into enrich)
//
// publish commits the gold layer (lake/gold_commit.h) once model and fact
// have written it; readers see the previous commit until then.
// ingest writes the lists; popularity (TMDB) and enrich_fetch (IMDB) then
// spend the two APIs' rate limits in parallel; fact needs only popularity,
// so it runs beside enrich and model. A run for a date whose latest manifest did not succeed resumes that
// run (completed steps are skipped); otherwise a new run starts.
//
// Thread-safety: one pipeline per lake at a time (LakeLock); its steps run on the step graph's threads.
// Errors: the failed step's Status; the manifest records it.
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

// Every stage of the daily run; the catalog and publish last (they read the
// others' tables); the quality checks run once model and fact have written.
std::vector<StageDecl> PipelineStages(const CatalogOptions& catalog, const QualityConfig& quality = {});

// Called after every step transition (progress display).
using RunObserver = std::function<void(const RunManifest&)>;

// What RunPipeline would do for a date, from its latest manifest.
enum class PlannedRun {
  kNew,               // no run yet, or the last one succeeded: a new run, calling the APIs
  kResumeWithApis,    // resumes an unfinished run; a step that calls an API is still to do
  kResumeFromLake,    // resumes an unfinished run whose API steps all succeeded: no API call
  kAlreadySucceeded,  // the latest run succeeded (with the same full_refresh)
};
// kAlreadySucceeded and kNew are told apart so a backfill can skip finished
// dates; RunPipeline itself starts a new run for both.
Result<PlannedRun> PlanRun(const Lake& lake, Date date, bool full_refresh);

// Runs (or resumes) the pipeline for options.date. The caller holds the lake lock.
Result<RunManifest> RunPipeline(Lake& lake, const PipelineOptions& options, const std::atomic<bool>* cancel,
                                const RunObserver& observer = {});

}  // namespace cinelake
