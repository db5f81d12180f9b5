#include "jobs/enrich/enrich_fetch_stage.h"

#include "common/log.h"
#include "jobs/cancellation.h"
#include "jobs/imdb_budget.h"
#include "jobs/raw_imdb_title.h"
#include "jobs/refresh_policy.h"
#include "jobs/table_ops.h"
#include "sources/api_clients.h"
#include "sources/api_deadline.h"

namespace cinelake {

Status RunEnrichFetchStage(const JobContext& ctx) {
  if (ctx.apis == nullptr) return Status::Internal("enrich_fetch needs API clients");
  ApiDeadlineScope budget(std::chrono::milliseconds(ctx.apis->config().step_budget_ms));
  ASSIGN_OR_RETURN(Table listed, ctx.lake->Read(TableByName(tables::kContentIds), ctx.load_date, {"id"}));
  ASSIGN_OR_RETURN(Table detail, ctx.lake->ReadOrEmpty(TableByName(tables::kContentDetail), std::nullopt,
                                                       {"content_id", "created_at", "updated_at"}));
  auto state = ReadEnrichmentState(detail);
  std::vector<std::string> ids;
  for (size_t r = 0; r < listed.num_rows(); ++r) {
    std::string id(listed.column(0).String(r));
    if (NeedsImdbRefresh(id, state, ctx)) ids.push_back(std::move(id));
  }
  spdlog::info("enrich_fetch: {} of {} titles need their IMDB detail", ids.size(), listed.num_rows());
  // The plan's quota as the lists' answers reported it (this process).
  const ApiStats imdb_stats = ctx.apis->imdb().stats();
  std::optional<int64_t> imdb_budget =
      ImdbDailyBudget(ctx.apis->config().imdb_daily_request_budget, imdb_stats);
  if (imdb_budget && static_cast<int64_t>(ids.size()) > *imdb_budget) {
    ids = ByEnrichmentPriority(ids, state);
    const int64_t deferred = static_cast<int64_t>(ids.size()) - *imdb_budget;
    ids.resize(static_cast<size_t>(*imdb_budget));
    ctx.Count("enrich.deferred_by_imdb_budget", deferred);
    spdlog::warn(
        "enrich_fetch: IMDB budget {} today (plan: {} of {} left, resets in {} s): {} titles wait for a "
        "later day",
        *imdb_budget, imdb_stats.quota_remaining, imdb_stats.quota_limit, imdb_stats.quota_reset_seconds,
        deferred);
  }
  if (imdb_budget) ctx.Count("enrich.imdb_budget", *imdb_budget);
  auto titles = ctx.apis->imdb().Titles(ids);
  RETURN_IF_ERROR(StopIfCancelled(ctx, titles, "enrich_fetch"));

  const TableDef& def = TableByName(tables::kImdbTitles);
  Table out = ReservedTable(def.name, ids.size());
  for (size_t k = 0; k < ids.size(); ++k) {
    out.column("id").AppendString(ids[k]);
    out.column("http_status").AppendInt32(titles[k].http_status());
    out.column("attempts").AppendInt32(titles[k].attempts());
    if (titles[k].ok()) {
      out.column("error").AppendNull();
      out.column("title_json").AppendString(EncodeRawImdbTitle(titles[k].value()));
    } else {
      out.column("error").AppendString(Redact(titles[k].status().ToString()));
      out.column("title_json").AppendNull();
      ctx.Count("enrich.imdb_failed", 1);
    }
  }
  RETURN_IF_ERROR(ctx.lake->Write(def, out, ctx.load_date));
  ctx.Count("rows.stg_imdb_titles", static_cast<int64_t>(out.num_rows()));
  return Status::OK();
}

StageDecl EnrichFetchStage() {
  // Yesterday's content_detail says which titles are due; enrich rewrites it
  // after this step, so the read must not wait for (or race) that write.
  return {"enrich_fetch",
          {Today(tables::kContentIds), Previous(tables::kContentDetail)},
          {std::string(tables::kImdbTitles)},
          {Api::kImdb},
          &RunEnrichFetchStage};
}

}  // namespace cinelake
