#include "jobs/model/model_stage.h"

#include "jobs/model/dimensional_model.h"
#include "jobs/model/watch_provider_history.h"
#include "lake/schemas.h"

namespace cinelake {

Status RunModelStage(const JobContext& ctx) {
  if (ctx.lake == nullptr) return Status::Internal("model stage: no lake");
  Lake& lake = *ctx.lake;
  model::TableSet stg, gold;
  for (const auto& name : model::ModelInputTables()) {
    ASSIGN_OR_RETURN(Table t, lake.ReadOrEmpty(TableByName(name)));
    stg.emplace(name, std::move(t));
  }
  for (const auto& name : model::ModelOutputTables()) {
    ASSIGN_OR_RETURN(Table t, lake.ReadOrEmpty(TableByName(name)));
    gold.emplace(name, std::move(t));
  }
  if (ctx.Cancelled()) return Status::Aborted("model stage cancelled");
  model::ModelStats stats;
  auto built = model::BuildGoldModel(stg, gold, ctx.LogicalMicros(), &stats);
  if (!built.ok()) return built.status().WithContext("model stage");
  // Cancelled from here on, the writes still finish: the model upserts onto
  // the dimensions it reads back, so a resumed run must not start from half
  // of them.
  if (ctx.Cancelled()) return Status::Aborted("model stage cancelled");
  for (const auto& name : model::ModelOutputTables()) {
    const Table& table = built->at(name);
    RETURN_IF_ERROR(lake.Write(TableByName(name), table));
    ctx.Count("rows." + name, static_cast<int64_t>(table.num_rows()));
  }
  // Where to watch: refolded from every daily snapshot (watch_provider_history.h).
  ASSIGN_OR_RETURN(Table snapshots, lake.ReadAllPartitions(TableByName(tables::kContentWatchProvider)));
  auto watch = model::BuildWatchProviderHistory(snapshots);
  if (!watch.ok()) return watch.status().WithContext("model stage");
  RETURN_IF_ERROR(lake.Write(TableByName(tables::kDimWatchProvider), watch->dim_watch_provider));
  RETURN_IF_ERROR(
      lake.Write(TableByName(tables::kBridgeContentWatchProvider), watch->bridge_content_watch_provider));
  ctx.Count("rows.dim_watch_provider", static_cast<int64_t>(watch->dim_watch_provider.num_rows()));
  ctx.Count("rows.bridge_content_watch_provider",
            static_cast<int64_t>(watch->bridge_content_watch_provider.num_rows()));
  ctx.Count("model.titles_refreshed", stats.titles_refreshed);
  ctx.Count("model.titles_new", stats.titles_new);
  ctx.Count("model.bridge_rows_dropped", stats.bridge_rows_dropped);
  return Status::OK();
}

StageDecl ModelStage() {
  StageDecl decl{"model", {}, {}, {}, &RunModelStage};
  for (const auto& name : model::ModelInputTables()) decl.reads.push_back(Today(name));
  for (const auto& name : model::ModelOutputTables()) {
    decl.reads.push_back(Today(name));  // upserted: dimensions keep their history
    decl.writes.push_back(name);
  }
  decl.reads.push_back(Today(tables::kContentWatchProvider));
  decl.writes.push_back(std::string(tables::kDimWatchProvider));
  decl.writes.push_back(std::string(tables::kBridgeContentWatchProvider));
  return decl;
}

}  // namespace cinelake
