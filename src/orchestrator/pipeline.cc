#include "orchestrator/pipeline.h"

#include <unistd.h>

#include "catalog/catalog_stage.h"
#include "catalog/publish_stage.h"
#include "common/log.h"
#include "jobs/catalog_export/fact_catalog_stage.h"
#include "jobs/catalog_export/tmdb_export_stage.h"
#include "jobs/enrich/enrich_fetch_stage.h"
#include "jobs/enrich/enrich_stage.h"
#include "jobs/fact/fact_stage.h"
#include "jobs/ingest/ingest_stage.h"
#include "jobs/model/model_stage.h"
#include "jobs/quality/quality_stage.h"
#include "orchestrator/stage_graph.h"
#include "sources/api_clients.h"

namespace cinelake {

std::vector<StageDecl> PipelineStages(const CatalogOptions& catalog, const QualityConfig& quality) {
  std::vector<StageDecl> stages{
      IngestListsStage(), IngestPopularityStage(), EnrichFetchStage(), EnrichStage(), ModelStage(),
      FactStage(),        TmdbExportStage(),       FactCatalogStage()};
  StageDecl publish = PublishStage(stages);
  stages.push_back(CatalogStage(catalog, stages));
  stages.push_back(QualityStage(quality));
  stages.push_back(std::move(publish));
  return stages;
}

Result<PlannedRun> PlanRun(const Lake& lake, Date date, bool full_refresh) {
  ASSIGN_OR_RETURN(std::optional<RunManifest> latest, LatestManifest(lake.storage(), date));
  if (!latest) return PlannedRun::kNew;
  if (latest->full_refresh != full_refresh) return PlannedRun::kNew;
  if (latest->state == RunState::kSucceeded) return PlannedRun::kAlreadySucceeded;
  for (const StageDecl& stage : PipelineStages(CatalogOptions{})) {
    if (stage.calls.empty()) continue;
    const StepRecord* step = latest->FindStep(stage.name);
    if (step == nullptr || step->state != StepState::kSucceeded) return PlannedRun::kResumeWithApis;
  }
  return PlannedRun::kResumeFromLake;
}

Result<RunManifest> RunPipeline(Lake& lake, const PipelineOptions& options, const std::atomic<bool>* cancel,
                                const RunObserver& observer) {
  ASSIGN_OR_RETURN(std::optional<RunManifest> latest, LatestManifest(lake.storage(), options.date));
  RunManifest manifest;
  if (latest && latest->state != RunState::kSucceeded && latest->full_refresh == options.full_refresh) {
    manifest = std::move(*latest);
    manifest.resumed += 1;
    spdlog::info("resuming run {} for {}", manifest.run_id, options.date.ToString());
  } else {
    manifest.run_id = NewRunId(options.date);
    manifest.load_date = options.date;
    manifest.full_refresh = options.full_refresh;
    manifest.started_at = NowMicros();
  }
  manifest.state = RunState::kRunning;
  manifest.pid = ::getpid();
  manifest.error.clear();

  ASSIGN_OR_RETURN(std::unique_ptr<ApiClients> apis, ApiClients::Open(options.api));
  apis->SetCancelFlag(cancel);

  JobContext ctx;
  ctx.lake = &lake;
  ctx.load_date = options.date;
  ctx.run_id = manifest.run_id;
  ctx.full_refresh = options.full_refresh;
  ctx.enrich_ttl_days = options.enrich_ttl_days;
  ctx.cancel = cancel;
  ctx.apis = apis.get();

  CatalogOptions catalog_options;
  catalog_options.location = options.catalog_location;

  ASSIGN_OR_RETURN(StepGraph graph,
                   DeriveStepGraph(PipelineStages(catalog_options, options.quality), RetryPolicy{3, 2000}));

  // Steps share the clients and run concurrently, so requests are counted
  // per run (per process, added to what earlier attempts of the run spent).
  const int64_t imdb_before = manifest.requests["imdb"];
  const int64_t tmdb_before = manifest.requests["tmdb"];
  auto count_requests = [&] {
    manifest.requests["imdb"] = imdb_before + apis->imdb().request_count();
    manifest.requests["tmdb"] = tmdb_before + apis->tmdb().request_count();
    for (const auto& [api, stats] :
         {std::pair{"imdb", apis->imdb().stats()}, std::pair{"tmdb", apis->tmdb().stats()}}) {
      if (stats.quota_remaining < 0) continue;
      manifest.quota_remaining[api] = stats.quota_remaining;
      if (stats.quota_limit >= 0) manifest.quota_limit[api] = stats.quota_limit;
      if (stats.quota_reset_seconds >= 0) manifest.quota_reset_seconds[api] = stats.quota_reset_seconds;
    }
  };
  Status st = graph.Run(ctx, &manifest, &lake.storage(), [&](const RunManifest& m) {
    count_requests();
    if (observer) observer(m);
  });
  count_requests();
  manifest.finished_at = NowMicros();
  if (st.ok()) {
    manifest.state = RunState::kSucceeded;
  } else {
    manifest.state = st.code() == Status::Code::kAborted ? RunState::kInterrupted : RunState::kFailed;
    manifest.error = Redact(st.ToString());
  }
  Status saved = SaveManifest(lake.storage(), manifest);
  if (observer) observer(manifest);
  if (!st.ok()) return st;
  RETURN_IF_ERROR(saved);
  RETURN_IF_ERROR(SaveLastSuccess(lake.storage(), manifest));
  return manifest;
}

}  // namespace cinelake
