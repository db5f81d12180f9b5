// JSON of the Catalog page's answers (docs/dashboard-api.md, "Catalog"): the
// day's lists, a search's titles, one title's trend, and the catalog rank
// shown on the detail pages.
//
// The lists of a day: the catalog top kCatalogTop; the breakouts, titles
// ranked within the top kBreakoutRank today that were not on the previous
// snapshot (ranked below it, or absent: a new joiner), best rank first, at
// most kCatalogListMax of them with their total; the climbers, titles in the
// top CatalogIndex::kTopKept that climbed the most places since the previous
// snapshot (new joiners excluded), at most kCatalogListMax, ties by rank.
// A first day (no previous snapshot) has no breakouts and no climbers.
//
// Pure functions over an immutable CatalogIndex; `day` indexes its days().
// Safe from any thread. Errors: CatalogTrendJson returns the history file's
// read error; CatalogRankJson logs it and answers null.
#pragma once

#include <string_view>
#include <vector>

#include "common/date.h"
#include "serve/catalog_index.h"
#include "serve/view_json.h"

namespace cinelake::serve {

inline constexpr uint32_t kCatalogTop = 100;
inline constexpr uint32_t kBreakoutRank = 1000;
inline constexpr size_t kCatalogListMax = 100;
inline constexpr size_t kCatalogSearchMax = 50;

json CatalogDayJson(const CatalogIndex& c, int day);
json CatalogSearchJson(const CatalogIndex& c, std::string_view query, const std::vector<uint32_t>& titles,
                       bool more);
Result<json> CatalogTrendJson(const CatalogIndex& c, uint32_t title);
// The catalog's view of an IMDB title on the latest catalog day at or before
// `date`: {date, tmdb_id, rank, popularity, ranked}; null when the title was
// never mapped to a catalog title or no catalog day is that old.
json CatalogRankJson(const CatalogIndex& c, std::string_view content_id, Date date);

}  // namespace cinelake::serve
