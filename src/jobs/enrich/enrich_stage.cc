#include "jobs/enrich/enrich_stage.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "common/log.h"
#include "jobs/cancellation.h"
#include "jobs/enrich/enrich_rows.h"
#include "jobs/enrich/refresh_policy.h"
#include "jobs/raw_imdb_title.h"
#include "jobs/raw_tmdb_details.h"
#include "jobs/table_ops.h"
#include "sources/api_clients.h"
#include "sources/api_deadline.h"

namespace cinelake {
namespace {

struct Listed {
  std::string id;
  std::string type;
  std::optional<TmdbDetails> details;  // today's, from raw
};

using SeasonSignature = std::set<std::tuple<int32_t, int32_t, std::string>>;  // (season, episodes, air_date)

SeasonSignature SignatureOf(const TmdbTv& tv) {
  SeasonSignature s;
  for (const auto& season : tv.seasons) {
    if (season.season_number) {
      s.emplace(*season.season_number, season.episode_count.value_or(-1), season.air_date.value_or(""));
    }
  }
  return s;
}

void AppendError(Table& errors, const std::string& id, const std::string& message, const char* stage,
                 int http_status, int attempts, const JobContext& ctx) {
  errors.column("content_id").AppendString(id);
  errors.column("error").AppendString(Redact(message));
  errors.column("stage").AppendString(stage);
  if (http_status > 0) {
    errors.column("http_status").AppendInt32(http_status);
  } else {
    errors.column("http_status").AppendNull();
  }
  errors.column("attempts").AppendInt32(attempts);
  errors.column("run_id").AppendString(ctx.run_id);
  errors.column("occurred_at").AppendInt64(ctx.WallMicros());
}

}  // namespace

Status RunEnrichStage(const JobContext& ctx) {
  if (ctx.apis == nullptr) return Status::Internal("enrich needs API clients");
  ApiDeadlineScope budget(std::chrono::milliseconds(ctx.apis->config().step_budget_ms));
  Lake& lake = *ctx.lake;
  const int64_t now = ctx.LogicalMicros();

  // Today's titles and the TMDB details ingest fetched for them.
  ASSIGN_OR_RETURN(Table listed_tbl,
                   lake.Read(TableByName(tables::kContentIds), ctx.load_date, {"id", "type"}));
  ASSIGN_OR_RETURN(Table det_tbl, lake.ReadOrEmpty(TableByName(tables::kTmdbDetails), ctx.load_date));
  const TableDef& err_def = TableByName(tables::kContentError);
  Table errors(err_def.schema);

  std::map<std::string, size_t> det_row;
  for (size_t r = 0; r < det_tbl.num_rows(); ++r) det_row[std::string(det_tbl.column("id").String(r))] = r;
  std::vector<Listed> titles;
  for (size_t r = 0; r < listed_tbl.num_rows(); ++r) {
    Listed t{std::string(listed_tbl.column(0).String(r)), std::string(listed_tbl.column(1).String(r)), {}};
    auto it = det_row.find(t.id);
    if (it != det_row.end()) {
      size_t dr = it->second;
      if (!det_tbl.column("details_json").IsNull(dr)) {
        ASSIGN_OR_RETURN(t.details, DecodeRawTmdbDetails(det_tbl.column("details_json").String(dr),
                                                         lake.Location(err_def.path()) + " row for " + t.id));
      } else {
        AppendError(errors, t.id, std::string(det_tbl.column("error").String(dr)), "popularity",
                    det_tbl.column("http_status").Int32(dr), det_tbl.column("attempts").Int32(dr), ctx);
      }
    }
    titles.push_back(std::move(t));
  }

  // What stg already holds.
  StgTables existing;
  for (auto& [name, _] : StgTables::Empty().tables) {
    ASSIGN_OR_RETURN(Table t, lake.ReadOrEmpty(TableByName(name)));
    existing.tables.emplace(name, std::move(t));
  }
  std::map<std::string, EnrichmentState> previous =
      ReadEnrichmentState(existing[std::string(tables::kContentDetail)]);
  std::map<std::string, SeasonSignature> stored_seasons;
  {
    const Table& s = existing[std::string(tables::kContentSeason)];
    for (size_t r = 0; r < s.num_rows(); ++r) {
      stored_seasons[std::string(s.column("content_id").String(r))].emplace(
          s.column("season_number").Int32(r),
          s.column("episode_count").IsNull(r) ? -1 : s.column("episode_count").Int32(r),
          std::string(s.column("air_date").String(r)));
    }
  }

  // The IMDB details enrich_fetch got today, by title.
  ASSIGN_OR_RETURN(Table fetched_tbl, lake.Read(TableByName(tables::kImdbTitles), ctx.load_date));
  std::map<std::string, Fetched<ImdbTitle>> fetched;
  for (size_t r = 0; r < fetched_tbl.num_rows(); ++r) {
    std::string id(fetched_tbl.column("id").String(r));
    FetchInfo info{fetched_tbl.column("attempts").Int32(r), fetched_tbl.column("http_status").Int32(r)};
    if (fetched_tbl.column("title_json").IsNull(r)) {
      fetched.emplace(
          id, Fetched<ImdbTitle>(Status::Network(std::string(fetched_tbl.column("error").String(r))), info));
    } else {
      ASSIGN_OR_RETURN(
          ImdbTitle title,
          DecodeRawImdbTitle(fetched_tbl.column("title_json").String(r),
                             lake.Location(TableByName(tables::kImdbTitles).path()) + " row for " + id));
      fetched.emplace(id, Fetched<ImdbTitle>(std::move(title), info));
    }
  }

  // Which titles to enrich: those enrich_fetch fetched, and series whose TMDB
  // season list changed (their IMDB detail, with the new episodes, is
  // fetched here: a handful a day).
  std::vector<size_t> chosen;
  std::vector<std::string> late_ids;
  std::vector<size_t> late_rows;
  for (size_t i = 0; i < titles.size(); ++i) {
    const Listed& t = titles[i];
    if (fetched.count(t.id)) {
      chosen.push_back(i);
    } else if (t.details && t.details->tv) {
      auto st = stored_seasons.find(t.id);
      SeasonSignature have = st == stored_seasons.end() ? SeasonSignature{} : st->second;
      if (SignatureOf(*t.details->tv) != have) {
        ctx.Count("enrich.season_changes", 1);
        chosen.push_back(i);
        late_ids.push_back(t.id);
      }
    }
  }
  ctx.Count("enrich.titles", static_cast<int64_t>(chosen.size()));
  spdlog::info("enrich: {} of {} titles to enrich ({} for changed seasons)", chosen.size(), titles.size(),
               late_ids.size());
  auto late = ctx.apis->imdb().Titles(late_ids);
  RETURN_IF_ERROR(StopIfCancelled(ctx, late, "enrich: IMDB details of changed series"));
  for (size_t k = 0; k < late_ids.size(); ++k) fetched.emplace(late_ids[k], std::move(late[k]));
  std::vector<const Fetched<ImdbTitle>*> imdb_ptrs;
  for (size_t i : chosen) imdb_ptrs.push_back(&fetched.at(titles[i].id));
  auto imdb_at = [&](size_t k) -> const Fetched<ImdbTitle>& { return *imdb_ptrs[k]; };

  // Existing TMDB episode parts, to keep for seasons that did not change.
  std::map<std::string, std::map<EpisodeKey, EpisodeTmdbPart>> kept_episodes;
  {
    const Table& e = existing[std::string(tables::kContentEpisode)];
    auto opt = [&](const char* col, size_t r) -> std::optional<std::string> {
      if (e.column(col).IsNull(r)) return std::nullopt;
      return std::string(e.column(col).String(r));
    };
    for (size_t r = 0; r < e.num_rows(); ++r) {
      EpisodeTmdbPart part{std::nullopt,       opt("still_path", r), opt("episode_type", r),
                           opt("air_date", r), std::nullopt,         std::nullopt};
      if (!part.still_path && !part.episode_type && !part.air_date) continue;  // no TMDB side
      kept_episodes[std::string(e.column("content_id").String(r))]
                   [{e.column("season_number").Int32(r), e.column("episode_number").Int32(r)}] = part;
    }
  }

  // Seasons to fetch: every season of a newly enriched series whose summary
  // differs from stg (all of them on a full refresh or a first enrichment).
  std::vector<TmdbSeasonKey> season_keys;
  std::vector<std::pair<size_t, int32_t>> season_owner;  // (index into chosen, season)
  for (size_t k = 0; k < chosen.size(); ++k) {
    const Listed& t = titles[chosen[k]];
    if (!imdb_at(k).ok() || !t.details || !t.details->tv || !t.details->tv->id) continue;
    auto st = stored_seasons.find(t.id);
    for (const auto& season : t.details->tv->seasons) {
      if (!season.season_number) continue;
      bool same = !ctx.full_refresh && st != stored_seasons.end() &&
                  st->second.count({*season.season_number, season.episode_count.value_or(-1),
                                    season.air_date.value_or("")}) > 0 &&
                  kept_episodes.count(t.id);
      if (same) continue;
      season_keys.push_back(TmdbSeasonKey{*t.details->tv->id, *season.season_number});
      season_owner.emplace_back(k, *season.season_number);
    }
  }
  auto seasons = ctx.apis->tmdb().SeasonsBatch(season_keys);
  // A cancelled season is not a failed one: it must not become content_error
  // nor leave the series without those episodes.
  RETURN_IF_ERROR(StopIfCancelled(ctx, seasons, "enrich: TMDB seasons"));
  std::map<size_t, std::map<int32_t, const TmdbSeason*>> fetched_seasons;
  for (size_t s = 0; s < seasons.size(); ++s) {
    auto [k, n] = season_owner[s];
    if (seasons[s].ok()) {
      fetched_seasons[k][n] = &seasons[s].value();
    } else {
      AppendError(errors, titles[chosen[k]].id,
                  "season " + std::to_string(n) + ": " + seasons[s].status().ToString(), "enrich.tmdb_season",
                  seasons[s].http_status(), seasons[s].attempts(), ctx);
    }
  }

  StgTables fresh = StgTables::Empty();
  std::set<std::string> replaced;
  for (size_t k = 0; k < chosen.size(); ++k) {
    const Listed& t = titles[chosen[k]];
    auto prev = previous.find(t.id);
    int64_t created = prev != previous.end() && prev->second.created_at ? *prev->second.created_at : now;
    if (!imdb_at(k).ok()) {
      AppendError(errors, t.id, imdb_at(k).status().message(), "enrich.imdb", imdb_at(k).http_status(),
                  imdb_at(k).attempts(), ctx);
      if (prev == previous.end()) {
        // Never enriched: a placeholder detail row keeps the title in the
        // model; its null updated_at makes the next run try again.
        Table& d = fresh[std::string(tables::kContentDetail)];
        for (size_t c = 0; c < d.num_columns(); ++c) {
          const std::string& col = d.schema().field(c).name;
          if (col == "content_id")
            d.column(c).AppendString(t.id);
          else if (col == "content_type")
            d.column(c).AppendString(t.type);
          else if (col == "created_at")
            d.column(c).AppendInt64(created);
          else
            d.column(c).AppendNull();
        }
        replaced.insert(t.id);
      }
      continue;
    }
    std::map<EpisodeKey, EpisodeTmdbPart> episodes;
    if (auto ke = kept_episodes.find(t.id); ke != kept_episodes.end()) episodes = ke->second;
    if (auto fs = fetched_seasons.find(k); fs != fetched_seasons.end()) {
      for (const auto& [n, season] : fs->second) {
        std::erase_if(episodes, [n = n](const auto& kv) { return kv.first.first == n; });
        for (const auto& ep : season->episodes) {
          if (!ep.episode_number) continue;
          episodes[{ep.season_number.value_or(n), *ep.episode_number}] = EpisodeTmdbPart{
              ep.name, ep.still_path, ep.episode_type, ep.air_date, ep.runtime, ep.vote_average};
        }
      }
    }
    if (!t.details) ctx.Count("enrich.tmdb_missing", 1);
    AppendTitleRows(t.id, t.type, imdb_at(k).value(), t.details ? &*t.details : nullptr, episodes, created,
                    now, &fresh);
    replaced.insert(t.id);
  }

  // Once writing starts it finishes even when cancelled: a resumed enrich
  // reads these tables back, and upserting onto half of its own output
  // would not redo the same day (a season already stored is not fetched
  // again, though its episodes were not written yet).
  RETURN_IF_ERROR(StopIfCancelled(ctx, "enrich"));
  // Write every table but content_detail, then content_detail (see header).
  std::vector<std::string> order;
  for (const auto& [name, _] : fresh.tables) {
    if (name != tables::kContentDetail) order.push_back(name);
  }
  order.push_back(std::string(tables::kContentDetail));
  for (const auto& name : order) {
    const TableDef& def = TableByName(name);
    Table merged = UpsertByKey(existing[name], fresh[name], def.key, {"content_id", &replaced});
    RETURN_IF_ERROR(lake.Write(def, merged));
    ctx.Count("rows." + name, static_cast<int64_t>(merged.num_rows()));
  }
  RETURN_IF_ERROR(lake.Write(err_def, SortedBy(errors, {"content_id", "stage"}), ctx.load_date));
  ctx.Count("rows.content_error", static_cast<int64_t>(errors.num_rows()));
  return Status::OK();
}

StageDecl EnrichStage() {
  StageDecl decl{"enrich",
                 {Today(tables::kContentIds), Today(tables::kTmdbDetails), Today(tables::kImdbTitles)},
                 {},
                 {Api::kImdb, Api::kTmdb},
                 &RunEnrichStage};
  for (const auto& [name, _] : StgTables::Empty().tables) {
    decl.reads.push_back(Today(name));  // upserted: this stage's own previous version
    decl.writes.push_back(name);
  }
  decl.writes.push_back(std::string(tables::kContentError));
  return decl;
}

}  // namespace cinelake
