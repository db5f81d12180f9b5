#include "jobs/enrich/enrich_stage.h"

#include <algorithm>
#include <limits>
#include <map>
#include <set>
#include <tuple>

#include "common/log.h"
#include "jobs/cancellation.h"
#include "jobs/enrich/enrich_rows.h"
#include "jobs/enrich/watch_provider_rows.h"
#include "jobs/raw_imdb_title.h"
#include "jobs/raw_tmdb_details.h"
#include "jobs/refresh_policy.h"
#include "jobs/table_ops.h"
#include "sources/api_clients.h"
#include "sources/api_deadline.h"

namespace cinelake {
namespace {

struct Listed {
  std::string id;
  std::string type;
  std::optional<TmdbDetails> details;  // today's, from raw
  std::optional<ImdbTitle> entry;      // today's popular-list entry, from raw
};

// Episode votes change mostly in the weeks after airing.
constexpr int32_t kVotesSettleDays = 28;

using SeasonKey = std::tuple<int32_t, int32_t, std::string>;  // (season, episodes, air_date)
using SeasonSignature = std::set<SeasonKey>;

SeasonKey KeyOf(const TmdbSeasonSummary& season) {
  return {*season.season_number, season.episode_count.value_or(-1), season.air_date.value_or("")};
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
                   lake.Read(TableByName(tables::kContentIds), ctx.load_date, {"id", "type", "title_json"}));
  ASSIGN_OR_RETURN(Table det_tbl, lake.ReadOrEmpty(TableByName(tables::kTmdbDetails), ctx.load_date));
  const TableDef& err_def = TableByName(tables::kContentError);
  Table errors(err_def.schema);

  std::map<std::string, size_t> det_row;
  for (size_t r = 0; r < det_tbl.num_rows(); ++r) det_row[std::string(det_tbl.column("id").String(r))] = r;
  std::vector<Listed> titles;
  for (size_t r = 0; r < listed_tbl.num_rows(); ++r) {
    Listed t{
        std::string(listed_tbl.column(0).String(r)), std::string(listed_tbl.column(1).String(r)), {}, {}};
    if (!listed_tbl.column(2).IsNull(r)) {
      ASSIGN_OR_RETURN(t.entry, DecodeRawImdbTitle(listed_tbl.column(2).String(r),
                                                   lake.Location(TableByName(tables::kContentIds).path()) +
                                                       " row for " + t.id));
    }
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
          s.column("air_date").IsNull(r) ? std::string() : std::string(s.column("air_date").String(r)));
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

  // Which titles to enrich: those enrich_fetch fetched. Episodes come from
  // TMDB alone (real IMDB details carry none), so a series whose seasons
  // changed needs no IMDB call: only its seasons are fetched (below).
  std::vector<size_t> chosen;
  for (size_t i = 0; i < titles.size(); ++i) {
    if (fetched.count(titles[i].id)) chosen.push_back(i);
  }
  ctx.Count("enrich.titles", static_cast<int64_t>(chosen.size()));
  spdlog::info("enrich: {} of {} titles to enrich", chosen.size(), titles.size());
  std::vector<const Fetched<ImdbTitle>*> imdb_ptrs;
  for (size_t i : chosen) imdb_ptrs.push_back(&fetched.at(titles[i].id));
  auto imdb_at = [&](size_t k) -> const Fetched<ImdbTitle>& { return *imdb_ptrs[k]; };

  // Stored episodes, kept for seasons that did not change.
  std::map<std::string, std::map<EpisodeKey, EpisodeTmdbPart>> kept_episodes;
  {
    const Table& e = existing[std::string(tables::kContentEpisode)];
    auto opt = [&](const char* col, size_t r) -> std::optional<std::string> {
      if (e.column(col).IsNull(r)) return std::nullopt;
      return std::string(e.column(col).String(r));
    };
    auto opt_int = [&](const char* col, size_t r) -> std::optional<int32_t> {
      if (e.column(col).IsNull(r)) return std::nullopt;
      return e.column(col).Int32(r);
    };
    for (size_t r = 0; r < e.num_rows(); ++r) {
      std::optional<double> rating;
      if (!e.column("average_rating").IsNull(r)) rating = e.column("average_rating").Double(r);
      std::optional<int32_t> votes = opt_int("vote_count", r);
      kept_episodes[std::string(e.column("content_id").String(r))]
                   [{e.column("season_number").Int32(r), e.column("episode_number").Int32(r)}] =
                       EpisodeTmdbPart{opt("primary_title", r),
                                       opt("still_path", r),
                                       opt("episode_type", r),
                                       opt("air_date", r),
                                       opt_int("runtime_minutes", r),
                                       rating,
                                       votes ? std::optional<int64_t>(*votes) : std::nullopt};
    }
  }

  // Seasons to fetch: of every listed series, those whose summary differs
  // from stg or whose episodes stg lacks, and, of a series enriched today,
  // those still gathering votes (an episode aired in the last
  // kVotesSettleDays, or aired with no votes stored), asked inside the
  // series' detail, up to kMaxAppendedSeasons a request. An announced season
  // (no episodes yet) has nothing to fetch; settled seasons are not asked
  // again, which keeps the daily requests low.
  const std::string today = ctx.load_date.ToString();
  const std::string settle_from = Date{ctx.load_date.days - kVotesSettleDays}.ToString();
  std::vector<TmdbSeasonsRequest> season_requests;
  std::vector<size_t> request_owner;  // index into titles
  for (size_t i = 0; i < titles.size(); ++i) {
    const Listed& t = titles[i];
    if (!t.details || !t.details->tv || !t.details->tv->id) continue;
    auto st = stored_seasons.find(t.id);
    auto ke = kept_episodes.find(t.id);
    auto has_episodes = [&](int32_t n) {
      if (ke == kept_episodes.end()) return false;
      auto it = ke->second.lower_bound({n, std::numeric_limits<int32_t>::min()});
      return it != ke->second.end() && it->first.first == n;
    };
    auto gathering_votes = [&](int32_t n) {
      if (ke == kept_episodes.end()) return false;
      for (auto it = ke->second.lower_bound({n, std::numeric_limits<int32_t>::min()});
           it != ke->second.end() && it->first.first == n; ++it) {
        const EpisodeTmdbPart& ep = it->second;
        if (!ep.air_date || *ep.air_date > today) continue;  // not aired
        if (*ep.air_date >= settle_from || ep.vote_count.value_or(0) == 0) return true;
      }
      return false;
    };
    std::vector<int32_t> wanted;
    for (const auto& season : t.details->tv->seasons) {
      if (!season.season_number || season.episode_count.value_or(1) == 0) continue;
      bool same = !ctx.full_refresh && st != stored_seasons.end() && st->second.count(KeyOf(season)) > 0 &&
                  has_episodes(*season.season_number) &&
                  !(fetched.count(t.id) && gathering_votes(*season.season_number));
      if (!same) wanted.push_back(*season.season_number);
    }
    for (size_t from = 0; from < wanted.size(); from += kMaxAppendedSeasons) {
      size_t to = std::min(wanted.size(), from + kMaxAppendedSeasons);
      season_requests.push_back(TmdbSeasonsRequest{
          *t.details->tv->id, std::vector<int32_t>(wanted.begin() + from, wanted.begin() + to)});
      request_owner.push_back(i);
    }
  }
  auto season_answers = ctx.apis->tmdb().TvWithSeasonsBatch(season_requests);
  // A cancelled season is not a failed one: it must not become content_error
  // nor leave the series without those episodes.
  RETURN_IF_ERROR(StopIfCancelled(ctx, season_answers, "enrich: TMDB seasons"));
  std::map<size_t, std::map<int32_t, const TmdbSeason*>> fetched_seasons;  // by index into titles
  for (size_t q = 0; q < season_answers.size(); ++q) {
    size_t i = request_owner[q];
    const auto& answer = season_answers[q];
    if (!answer.ok()) {
      for (int32_t n : season_requests[q].season_numbers) {
        AppendError(errors, titles[i].id, "season " + std::to_string(n) + ": " + answer.status().ToString(),
                    "enrich.tmdb_season", answer.http_status(), answer.attempts(), ctx);
      }
      continue;
    }
    for (const TmdbSeason& season : answer.value().seasons) {
      if (season.season_number) fetched_seasons[i][*season.season_number] = &season;
    }
  }
  ctx.Count("enrich.season_requests", static_cast<int64_t>(season_requests.size()));
  auto episodes_of = [&](size_t i) {
    const Listed& t = titles[i];
    std::map<EpisodeKey, EpisodeTmdbPart> episodes;
    if (auto ke = kept_episodes.find(t.id); ke != kept_episodes.end()) episodes = ke->second;
    if (auto fs = fetched_seasons.find(i); fs != fetched_seasons.end()) {
      for (const auto& [n, season] : fs->second) {
        std::erase_if(episodes, [n = n](const auto& kv) { return kv.first.first == n; });
        for (const auto& ep : season->episodes) {
          if (!ep.episode_number) continue;
          episodes[{ep.season_number.value_or(n), *ep.episode_number}] =
              EpisodeTmdbPart{ep.name,    ep.still_path,   ep.episode_type, ep.air_date,
                              ep.runtime, ep.vote_average, ep.vote_count};
        }
      }
    }
    return episodes;
  };

  // Rows per table, and per table the titles whose rows they replace.
  StgTables fresh = StgTables::Empty();
  std::map<std::string, std::set<std::string>> replaced;
  auto replace_all = [&](const std::string& id) {
    for (const auto& [name, _] : fresh.tables) replaced[name].insert(id);
  };
  const std::string detail_name(tables::kContentDetail);
  const Table& stored_detail = existing[detail_name];
  std::map<std::string, size_t> stored_detail_row;
  for (size_t r = 0; r < stored_detail.num_rows(); ++r) {
    stored_detail_row[std::string(stored_detail.column("content_id").String(r))] = r;
  }
  std::set<size_t> rebuilt;  // indices into titles
  for (size_t k = 0; k < chosen.size(); ++k) {
    const Listed& t = titles[chosen[k]];
    auto prev = previous.find(t.id);
    int64_t created = prev != previous.end() && prev->second.created_at ? *prev->second.created_at : now;
    if (!imdb_at(k).ok()) {
      AppendError(errors, t.id, imdb_at(k).status().message(), "enrich.imdb", imdb_at(k).http_status(),
                  imdb_at(k).attempts(), ctx);
      if (prev == previous.end()) {
        // Never enriched: a detail row from the list entry and TMDB keeps the
        // title (its title and poster) in the model; its null updated_at makes
        // the next run try again.
        AppendDetailRow(t.id, t.type, t.entry.value_or(ImdbTitle{}), t.details ? &*t.details : nullptr,
                        created, std::nullopt, &fresh[detail_name]);
        replaced[detail_name].insert(t.id);
      }
      continue;
    }
    ImdbTitle imdb = imdb_at(k).value();
    if (t.entry) FillFromListEntry(*t.entry, &imdb);
    if (!t.details) ctx.Count("enrich.tmdb_missing", 1);
    AppendTitleRows(t.id, t.type, imdb, t.details ? &*t.details : nullptr, episodes_of(chosen[k]), created,
                    now, &fresh);
    replace_all(t.id);
    rebuilt.insert(chosen[k]);
  }
  for (size_t i = 0; i < titles.size(); ++i) {
    const Listed& t = titles[i];
    if (rebuilt.count(i)) continue;
    // A series whose seasons changed: its seasons and episodes only.
    if (fetched_seasons.count(i)) {
      AppendSeriesRows(t.id, &*t.details->tv, {}, episodes_of(i), &fresh);
      replaced[std::string(tables::kContentSeason)].insert(t.id);
      replaced[std::string(tables::kContentEpisode)].insert(t.id);
    }
    // Every other listed title: today's list entry and TMDB detail refresh
    // its stored detail row (rating and votes change daily, at no cost);
    // its enrichment times stay, so the refresh policy is unchanged.
    if (!fetched.count(t.id) && !previous.count(t.id) && !replaced[detail_name].count(t.id) &&
        (t.entry || t.details)) {
      // Never enriched, its turn deferred by the IMDB budget (imdb_budget.h):
      // shown from its list entry until then; the null updated_at keeps it due.
      AppendDetailRow(t.id, t.type, t.entry.value_or(ImdbTitle{}), t.details ? &*t.details : nullptr, now,
                      std::nullopt, &fresh[detail_name]);
      replaced[detail_name].insert(t.id);
      ctx.Count("enrich.deferred_new", 1);
      continue;
    }
    auto row = stored_detail_row.find(t.id);
    if (row == stored_detail_row.end() || replaced[detail_name].count(t.id) || (!t.entry && !t.details))
      continue;
    Table today(stored_detail.schema());
    AppendDetailRow(t.id, t.type, t.entry.value_or(ImdbTitle{}), t.details ? &*t.details : nullptr, 0,
                    std::nullopt, &today);
    Table patch(stored_detail.schema());
    for (size_t c = 0; c < patch.num_columns(); ++c) {
      const std::string& col = patch.schema().field(c).name;
      // Without today's TMDB detail (popularity came from the export), the
      // columns TMDB fills before IMDB keep what the last detail gave.
      bool tmdb_first = col == "overview" || col == "budget" || col == "revenue";
      if (col == "content_id" || col == "content_type" || col == "created_at" || col == "updated_at" ||
          (tmdb_first && !t.details)) {
        patch.column(c).AppendNull();  // the stored value stays
      } else {
        patch.column(c).AppendFrom(today.column(c), 0);
      }
    }
    AppendPatchedRow(stored_detail, row->second, patch, 0, &fresh[detail_name]);
    replaced[detail_name].insert(t.id);
    ctx.Count("enrich.details_refreshed_from_lists", 1);
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
    Table merged = UpsertByKey(existing[name], fresh[name], def.key, {"content_id", &replaced[name]});
    RETURN_IF_ERROR(lake.Write(def, merged));
    ctx.Count("rows." + name, static_cast<int64_t>(merged.num_rows()));
  }
  RETURN_IF_ERROR(lake.Write(err_def, SortedBy(errors, {"content_id", "stage"}), ctx.load_date));
  ctx.Count("rows.content_error", static_cast<int64_t>(errors.num_rows()));
  // Where to watch: every listed title's offers from today's detail.
  std::vector<CheckedTitle> checked;
  for (const Listed& t : titles) checked.push_back({t.id, t.details ? &*t.details : nullptr});
  Table offers = WatchProviderRows(checked);
  RETURN_IF_ERROR(lake.Write(TableByName(tables::kContentWatchProvider), offers, ctx.load_date));
  ctx.Count("rows.content_watch_provider", static_cast<int64_t>(offers.num_rows()));
  return Status::OK();
}

StageDecl EnrichStage() {
  StageDecl decl{"enrich",
                 {Today(tables::kContentIds), Today(tables::kTmdbDetails), Today(tables::kImdbTitles)},
                 {},
                 {Api::kTmdb},  // seasons only: IMDB details come from enrich_fetch
                 &RunEnrichStage};
  for (const auto& [name, _] : StgTables::Empty().tables) {
    decl.reads.push_back(Today(name));  // upserted: this stage's own previous version
    decl.writes.push_back(name);
  }
  decl.writes.push_back(std::string(tables::kContentError));
  decl.writes.push_back(std::string(tables::kContentWatchProvider));
  return decl;
}

}  // namespace cinelake
