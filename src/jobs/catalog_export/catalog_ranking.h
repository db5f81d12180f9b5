// fact_catalog_popularity: one day of the whole TMDB catalog ranked and
// compared with the latest earlier snapshot, by fact_popularity's rules
// (data-model.md defects 1-3) applied to every title of TMDB's export.
//
// Pure functions over Tables; the stage (fact_catalog_stage.h) reads the lake.
// Snapshots are raw/tmdb_export rows (id, content_type, popularity; other
// columns are ignored), in any order. Rules:
//  - A title is (content_type, id): movie/603 and tv/603 are two titles, so a
//    title "changing type" is one title leaving and another joining.
//  - popularity is rounded to DECIMAL(10,2) first, as fact_popularity does
//    (fact::PopularityCents), and ranks use the rounded value: rank 1 =
//    highest; ties by content_type (movie before tvSeries), then by id
//    ascending. rank_in_type is the same order within the type.
//  - rank_change = rank - previous rank (negative = climbed); 0 for a new
//    joiner (not ranked on the previous snapshot); a leaver (ranked on the
//    previous snapshot, absent today) appears once, with rank and
//    rank_in_type NULL, popularity 0.00 and both changes 999.
//  - First day (no previous snapshot): every title a joiner, prev_load_date NULL.
//  - content_id: the IMDB id cinelake mapped to that TMDB path (ImdbIdsByTmdb).
//  - Row order: ranked rows by rank, then leavers by (content_type, id).
//
// Errors: InvalidArgument for a snapshot lacking a column, with an unknown
// content_type, a non-positive id, a repeated title, or a popularity that
// DECIMAL(10,2) cannot hold. Thread-safe (no shared state).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/date.h"
#include "common/status.h"
#include "table/table.h"

namespace cinelake::catalog_export {

inline constexpr std::string_view kMovieType = "movie";
inline constexpr std::string_view kSeriesType = "tvSeries";

// (content_type, id) as one ordered number: movies first, then series, by id.
inline uint64_t TitleKey(bool series, int64_t id) {
  return (series ? uint64_t{1} << 62 : 0) | static_cast<uint64_t>(id);
}
std::string TmdbPath(uint64_t title_key);  // "movie/603", "tv/1399"

// IMDB ids by TMDB title, sorted by key.
using ImdbIdsByTmdb = std::vector<std::pair<uint64_t, std::string>>;
// From raw/stg_contentIDs rows of every day (id, tmdb_id, loadDate), the days
// up to `through`: per TMDB path the latest day's IMDB id (the smallest on a
// tie). Rows whose tmdb_id is no movie/<n> or tv/<n> are ignored.
ImdbIdsByTmdb ImdbIdsFromContentIds(const Table& content_ids, Date through);

struct CatalogSnapshot {
  Date load_date;
  const Table* rows = nullptr;
};

struct CatalogStats {
  int64_t ranked = 0;
  int64_t leavers = 0;
  int64_t new_joiners = 0;
  int64_t mapped = 0;  // rows with an IMDB id
};

Result<Table> BuildFactCatalogPopularity(const Table& today, const std::optional<CatalogSnapshot>& previous,
                                         const ImdbIdsByTmdb& imdb_ids, CatalogStats* stats = nullptr);

}  // namespace cinelake::catalog_export
