// Turning one title's decoded IMDB and TMDB records into stg rows.
//
// Pure functions of their inputs (no I/O), so the field mapping in
// data-model.md ("Where each field comes from") is tested directly.
//
// Thread-safety: pure functions, no shared state. Errors: none; a missing field gives a NULL cell.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sources/records.h"
#include "table/table.h"

namespace cinelake {

// The jobs of imdb236 `cast` entries that are the cast proper (billing
// order); every other job there is crew.
bool IsActingJob(std::string_view job);

// TMDB image path -> full URL at the given size; nullopt when there is no path.
std::optional<std::string> TmdbImageUrl(const std::optional<std::string>& path, const char* size);

// The TMDB-side fields of an episode, from a season fetch or kept from stg.
struct EpisodeTmdbPart {
  std::optional<std::string> name;
  std::optional<std::string> still_path;
  std::optional<std::string> episode_type;
  std::optional<std::string> air_date;
  std::optional<int32_t> runtime;
  std::optional<double> vote_average;
  std::optional<int64_t> vote_count;
};
using EpisodeKey = std::pair<int32_t, int32_t>;  // (season, episode)

// The stg tables being built, one Table per content_* table (by name).
struct StgTables {
  std::map<std::string, Table> tables;
  Table& operator[](const std::string& name) { return tables.at(name); }
  static StgTables Empty();  // every enrichable stg table, no rows
};

// content_detail's row of one title: IMDB fields from `imdb` (a detail, or
// a popular-list entry, which carries the same fields but the people), TMDB
// fields from `tmdb` (may be null). A null updated_at marks a title whose
// IMDB detail has not been had yet (the next run asks again).
void AppendDetailRow(const std::string& content_id, const std::string& listed_type, const ImdbTitle& imdb,
                     const TmdbDetails* tmdb, int64_t created_at, std::optional<int64_t> updated_at,
                     Table* detail);

// content_season rows from `tv` (none when null) and content_episode rows:
// TMDB's episodes, merged on (season, episode) with IMDB's when given.
void AppendSeriesRows(const std::string& content_id, const TmdbTv* tv,
                      const std::vector<ImdbEpisode>& imdb_episodes,
                      const std::map<EpisodeKey, EpisodeTmdbPart>& tmdb_episodes, StgTables* out);

// Fills every field `title` lacks from the title's popular-list entry.
void FillFromListEntry(const ImdbTitle& entry, ImdbTitle* title);

// Appends to `out` row `row` of `base`, each column replaced by `patch`'s
// (row `patch_row`, same schema) where that one is not null.
void AppendPatchedRow(const Table& base, size_t row, const Table& patch, size_t patch_row, Table* out);

// Appends every stg row for one title. `imdb` is required; `tmdb` may be
// missing (TMDB fields stay null). `tmdb_episodes` holds the TMDB side of
// each episode (fresh or kept). created_at is preserved by the caller.
void AppendTitleRows(const std::string& content_id, const std::string& listed_type, const ImdbTitle& imdb,
                     const TmdbDetails* tmdb, const std::map<EpisodeKey, EpisodeTmdbPart>& tmdb_episodes,
                     int64_t created_at, int64_t updated_at, StgTables* out);

}  // namespace cinelake
