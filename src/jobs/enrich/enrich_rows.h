// Turning one title's decoded IMDB and TMDB records into stg rows.
//
// Pure functions of their inputs (no I/O), so the field mapping in
// data-model.md ("Where each field comes from") is tested directly.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sources/records.h"
#include "table/table.h"

namespace cinelake {

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
};
using EpisodeKey = std::pair<int32_t, int32_t>;  // (season, episode)

// The stg tables being built, one Table per content_* table (by name).
struct StgTables {
  std::map<std::string, Table> tables;
  Table& operator[](const std::string& name) { return tables.at(name); }
  static StgTables Empty();  // every enrichable stg table, no rows
};

// Appends every stg row for one title. `imdb` is required; `tmdb` may be
// missing (TMDB fields stay null). `tmdb_episodes` holds the TMDB side of
// each episode (fresh or kept). created_at is preserved by the caller.
void AppendTitleRows(const std::string& content_id, const std::string& listed_type, const ImdbTitle& imdb,
                     const TmdbDetails* tmdb, const std::map<EpisodeKey, EpisodeTmdbPart>& tmdb_episodes,
                     int64_t created_at, int64_t updated_at, StgTables* out);

}  // namespace cinelake
