#include "jobs/ingest/ingest_stage.h"

#include <chrono>
#include <future>
#include <map>
#include <set>

#include "common/log.h"
#include "jobs/cancellation.h"
#include "jobs/ingest/export_popularity.h"
#include "jobs/raw_imdb_title.h"
#include "jobs/raw_tmdb_details.h"
#include "jobs/refresh_policy.h"
#include "sources/api_clients.h"
#include "sources/api_deadline.h"

namespace cinelake {
namespace {

struct ListedTitle {
  std::string id;
  std::string type;
  int32_t list_rank = 0;
  std::optional<TmdbRef> ref;
  std::optional<ImdbTitle> entry;  // the list's entry (ingest only)
};

// The TMDB mapping from the latest earlier contentIDs partition.
Result<std::map<std::string, TmdbRef>> PreviousMappings(const JobContext& ctx) {
  const TableDef& def = TableByName(tables::kContentIds);
  ASSIGN_OR_RETURN(std::vector<Date> dates, ctx.lake->Partitions(def));
  std::map<std::string, TmdbRef> out;
  std::optional<Date> prev;
  for (Date d : dates) {
    if (d < ctx.load_date) prev = d;
  }
  if (!prev) return out;
  ASSIGN_OR_RETURN(Table t, ctx.lake->Read(def, *prev, {"id", "tmdb_id"}));
  for (size_t r = 0; r < t.num_rows(); ++r) {
    if (t.column(1).IsNull(r)) continue;
    auto ref = TmdbRef::Parse(t.column(1).String(r));
    if (ref.ok()) out.emplace(std::string(t.column(0).String(r)), *ref);
  }
  return out;
}

// Keeps the list's usable entries. An id that is not an IMDB title id ("tt"
// and digits) never enters the lake: it would become a request path and a
// gold row. Dropped ones are counted (dropped_ids.<list>), reported once
// with an escaped example, and keep their rank taken.
Status CollectList(const JobContext& ctx, const Fetched<std::vector<ImdbTitle>>& list, const char* what,
                   std::vector<ListedTitle>* out) {
  if (!list.ok()) return list.status().WithContext(std::string("IMDB ") + what + " list");
  ctx.Issues(list.info().issues);
  int32_t rank = 0;
  int64_t dropped = 0;
  std::string example;
  for (const auto& t : list.value()) {
    ++rank;
    if (!t.id || t.id->empty()) continue;  // unusable entry; its rank stays taken
    if (!IsImdbTitleId(*t.id)) {
      if (dropped++ == 0) example = Sanitize(*t.id, 80);
      continue;
    }
    out->push_back(ListedTitle{*t.id, t.type.value_or(""), rank, std::nullopt, t});
  }
  if (dropped > 0) {
    ctx.Count(std::string("dropped_ids.") + what, dropped);
    ctx.Issues(
        {ApiIssue{"imdb", std::string("/") + what, "not an IMDB title id", dropped, "'" + example + "'"}});
    spdlog::warn("ingest: dropped {} of {} entries of the {} list that are not IMDB title ids, e.g. '{}'",
                 dropped, rank, what, example);
  }
  return Status::OK();
}

// Which listed titles' TMDB details enrichment uses today: those it
// enriches (refresh_policy.h) and the series still running, whose season
// summaries say which seasons to fetch (data-model.md defect 5). Status and
// enrichment times come from yesterday's stg/content_detail.
class TmdbDetailsNeed {
 public:
  static Result<TmdbDetailsNeed> Read(const JobContext& ctx) {
    ASSIGN_OR_RETURN(Table detail,
                     ctx.lake->ReadOrEmpty(TableByName(tables::kContentDetail), std::nullopt,
                                           {"content_id", "created_at", "updated_at", "status"}));
    TmdbDetailsNeed need(ctx);
    need.state_ = ReadEnrichmentState(detail);
    for (size_t r = 0; r < detail.num_rows(); ++r) {
      if (detail.column("status").IsNull(r)) continue;
      std::string_view status = detail.column("status").String(r);
      if (status == "Ended" || status == "Canceled")
        need.over_.emplace(detail.column("content_id").String(r));
    }
    return need;
  }
  bool operator()(const std::string& id, const TmdbRef& ref) const {
    return NeedsImdbRefresh(id, state_, *ctx_) || (ref.kind == TmdbRef::Kind::kTv && !over_.count(id));
  }

 private:
  explicit TmdbDetailsNeed(const JobContext& ctx) : ctx_(&ctx) {}
  const JobContext* ctx_;
  std::map<std::string, EnrichmentState> state_;
  std::set<std::string> over_;  // series TMDB calls ended or cancelled
};

}  // namespace

Status RunIngestListsStage(const JobContext& ctx) {
  if (ctx.apis == nullptr) return Status::Internal("ingest needs API clients");
  ApiClients& apis = *ctx.apis;
  ApiDeadlineScope budget(std::chrono::milliseconds(apis.config().step_budget_ms));

  auto movies_future = std::async(std::launch::async, [&, deadline = CurrentApiDeadline()] {
    ApiDeadlineScope same_budget(deadline);
    return apis.imdb().MostPopularMovies();
  });
  auto tv = apis.imdb().MostPopularTv();
  auto movies = movies_future.get();
  std::vector<ListedTitle> titles;
  RETURN_IF_ERROR(CollectList(ctx, movies, "most-popular-movies", &titles));
  RETURN_IF_ERROR(CollectList(ctx, tv, "most-popular-tv", &titles));
  ctx.Count("titles.listed", static_cast<int64_t>(titles.size()));

  // A title can sit on both lists in theory; keep its first appearance.
  {
    std::map<std::string, bool> seen;
    std::vector<ListedTitle> unique;
    for (auto& t : titles) {
      if (seen.emplace(t.id, true).second) unique.push_back(std::move(t));
    }
    titles = std::move(unique);
  }

  ASSIGN_OR_RETURN(auto known, PreviousMappings(ctx));
  std::vector<std::string> ids, types;
  std::vector<size_t> pending;
  for (size_t i = 0; i < titles.size(); ++i) {
    auto it = known.find(titles[i].id);
    if (it != known.end()) {
      titles[i].ref = it->second;
    } else {
      pending.push_back(i);
      ids.push_back(titles[i].id);
      types.push_back(titles[i].type);
    }
  }
  if (!pending.empty()) {
    auto mapped = apis.mapper().MapAll(ids, types);
    // A look-up cut by the signal is no answer: never a NULL tmdb_id.
    RETURN_IF_ERROR(StopIfCancelled(ctx, mapped, "ingest: IMDB to TMDB mapping"));
    ApiIssueTally issues;
    for (const auto& m : mapped) issues.AddAll(m.info().issues);
    ctx.Issues(issues.Sorted());
    if (!issues.empty()) spdlog::warn("ingest: mapping {}", issues.Describe());
    for (size_t k = 0; k < pending.size(); ++k) {
      if (mapped[k].ok() && mapped[k].value()) {
        titles[pending[k]].ref = *mapped[k].value();
      } else {
        ctx.Count("titles.unmapped", 1);
        spdlog::warn("ingest: no TMDB id for {}: {}", titles[pending[k]].id,
                     mapped[k].ok() ? "not found" : Redact(mapped[k].status().ToString()));
      }
    }
  }
  ctx.Count("titles.mapped_now", static_cast<int64_t>(pending.size()));

  const TableDef& ids_def = TableByName(tables::kContentIds);
  Table content_ids(ids_def.schema);
  for (const auto& t : titles) {
    content_ids.column("id").AppendString(t.id);
    content_ids.column("type").AppendString(t.type);
    if (t.ref) {
      content_ids.column("tmdb_id").AppendString(t.ref->path());
    } else {
      content_ids.column("tmdb_id").AppendNull();
    }
    content_ids.column("list_rank").AppendInt32(t.list_rank);
    content_ids.column("title_json").AppendString(EncodeRawImdbTitle(*t.entry));
  }
  RETURN_IF_ERROR(StopIfCancelled(ctx, "ingest"));
  RETURN_IF_ERROR(ctx.lake->Write(ids_def, content_ids, ctx.load_date));
  ctx.Count("rows.stg_contentIDs", static_cast<int64_t>(content_ids.num_rows()));
  return Status::OK();
}

Status RunIngestPopularityStage(const JobContext& ctx) {
  if (ctx.apis == nullptr) return Status::Internal("ingest needs API clients");
  ApiDeadlineScope budget(std::chrono::milliseconds(ctx.apis->config().step_budget_ms));
  ASSIGN_OR_RETURN(Table listed, ctx.lake->Read(TableByName(tables::kContentIds), ctx.load_date,
                                                {"id", "type", "tmdb_id"}));
  std::vector<ListedTitle> titles;
  std::vector<TmdbRef> refs;
  std::vector<size_t> ref_rows;
  for (size_t r = 0; r < listed.num_rows(); ++r) {
    if (listed.column(2).IsNull(r)) continue;
    if (!IsImdbTitleId(listed.column(0).String(r))) {  // written before ids were checked
      ctx.Count("dropped_ids.stg_contentIDs", 1);
      continue;
    }
    auto ref = TmdbRef::Parse(listed.column(2).String(r));
    if (!ref.ok()) {
      return Status::Corruption(
          ctx.lake->Location(Lake::PartitionDir(TableByName(tables::kContentIds), ctx.load_date)) + ": " +
          ref.status().message());
    }
    ref_rows.push_back(titles.size());
    refs.push_back(*ref);
    titles.push_back(ListedTitle{std::string(listed.column(0).String(r)),
                                 std::string(listed.column(1).String(r)), 0, *ref, std::nullopt});
  }
  // With today's export in the lake, popularity comes from it and the
  // details only for what enrichment needs; without it, from the details.
  ASSIGN_OR_RETURN(std::optional<ExportPopularity> exported,
                   ReadExportPopularity(*ctx.lake, ctx.load_date, refs));
  std::vector<size_t> asked;  // indices into refs
  if (exported) {
    ASSIGN_OR_RETURN(TmdbDetailsNeed needs, TmdbDetailsNeed::Read(ctx));
    for (size_t k = 0; k < refs.size(); ++k) {
      if (!exported->count(refs[k].path()) || needs(titles[ref_rows[k]].id, refs[k])) asked.push_back(k);
    }
  } else {
    for (size_t k = 0; k < refs.size(); ++k) asked.push_back(k);
  }
  std::vector<TmdbRef> asked_refs;
  for (size_t k : asked) asked_refs.push_back(refs[k]);
  auto details = ctx.apis->tmdb().DetailsBatch(asked_refs);
  // Before the outage rule: cancelled calls are not missing popularities.
  RETURN_IF_ERROR(StopIfCancelled(ctx, details, "popularity"));
  ApiIssueTally issues;
  for (const auto& d : details) issues.AddAll(d.info().issues);
  ctx.Issues(issues.Sorted());
  if (!issues.empty()) spdlog::warn("popularity: {}", issues.Describe());
  ctx.Count("popularity.details_asked", static_cast<int64_t>(asked.size()));

  const TableDef& det_def = TableByName(tables::kTmdbDetails);
  const TableDef& pop_def = TableByName(tables::kPopularity);
  Table det(det_def.schema);
  Table pop(pop_def.schema);
  std::vector<const Fetched<TmdbDetails>*> details_of(refs.size(), nullptr);
  for (size_t q = 0; q < asked.size(); ++q) details_of[asked[q]] = &details[q];
  for (size_t k = 0; k < refs.size(); ++k) {
    const ListedTitle& t = titles[ref_rows[k]];
    std::optional<double> p;
    if (exported) {
      if (auto it = exported->find(refs[k].path()); it != exported->end()) p = it->second;
    }
    if (p) ctx.Count("popularity.from_export", 1);
    if (const Fetched<TmdbDetails>* d = details_of[k]) {
      det.column("id").AppendString(t.id);
      det.column("type").AppendString(t.type);
      det.column("tmdb_id").AppendString(refs[k].path());
      det.column("http_status").AppendInt32(d->http_status());
      det.column("attempts").AppendInt32(d->attempts());
      if (d->ok()) {
        det.column("error").AppendNull();
        det.column("details_json").AppendString(EncodeRawTmdbDetails(d->value()));
        if (!p) {
          p = d->value().popularity();
          if (!p) ctx.Count("popularity.missing_value", 1);
        }
      } else {
        det.column("error").AppendString(Redact(d->status().ToString()));
        det.column("details_json").AppendNull();
        if (!p) {
          ctx.Count(d->status().IsNotFound() ? "popularity.not_found" : "popularity.failed", 1);
          spdlog::warn("ingest: no popularity for {} ({}): {}", t.id, refs[k].path(),
                       Redact(d->status().ToString()));
        }
      }
    }
    if (p) {
      pop.column("id").AppendString(t.id);
      pop.column("type").AppendString(t.type);
      pop.column("tmdb_id").AppendString(refs[k].path());
      pop.column("popularity").AppendDouble(*p);
    }
  }
  // A day where most titles got no popularity is an outage, not news: written,
  // it would turn yesterday's whole list into leavers. Fail (the orchestrator
  // retries the step) and keep the lake as it was.
  if (refs.size() >= 10 && pop.num_rows() * 2 < refs.size()) {
    std::string causes = issues.Describe();
    return Status::Network("TMDB answered popularity for only " + std::to_string(pop.num_rows()) + " of " +
                           std::to_string(refs.size()) + " titles; not writing a partial snapshot for " +
                           ctx.load_date.ToString() + (causes.empty() ? "" : "; " + causes));
  }
  RETURN_IF_ERROR(ctx.lake->Write(det_def, det, ctx.load_date));
  RETURN_IF_ERROR(StopIfCancelled(ctx, "popularity"));
  RETURN_IF_ERROR(ctx.lake->Write(pop_def, pop, ctx.load_date));
  ctx.Count("rows.stg_popularity", static_cast<int64_t>(pop.num_rows()));
  return Status::OK();
}

StageDecl IngestListsStage() {
  // The previous day's mapping is reused, so a title is mapped once.
  return {"ingest",
          {Previous(tables::kContentIds)},
          {std::string(tables::kContentIds)},
          {Api::kImdb, Api::kTmdb},
          &RunIngestListsStage};
}

StageDecl IngestPopularityStage() {
  // Today's export file, when the tmdb_export step has it; yesterday's
  // content_detail says which titles enrichment needs the details of.
  return {"popularity",
          {Today(tables::kContentIds), Today(tables::kTmdbExport), Previous(tables::kContentDetail)},
          {std::string(tables::kTmdbDetails), std::string(tables::kPopularity)},
          {Api::kTmdb},
          &RunIngestPopularityStage};
}

}  // namespace cinelake
