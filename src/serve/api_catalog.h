// The Catalog page's endpoints (docs/dashboard-api.md, "Catalog"), handlers
// for ApiRoutes() (api.h):
//   GET /api/catalog[?date=D]          the day's top, breakouts and climbers
//   GET /api/catalog/search?q=TEXT     titles whose name contains TEXT (case-folded)
//   GET /api/catalog/trend?id=PATH     a title's rank and popularity over every kept day
//
// Pure: an immutable PreparedGold and a request in, a response out; safe from
// any thread. Errors as {"error": ...}: a malformed parameter 400 naming it;
// a lake without catalog days, a date without one, or an unknown title 404.
#pragma once

#include "serve/prepared_gold.h"
#include "serve/route_table.h"

namespace cinelake::serve {

inline constexpr size_t kMaxCatalogQueryChars = 100;

ApiResponse GetCatalog(const PreparedGold& gold, const ApiRequest& request);
ApiResponse GetCatalogSearch(const PreparedGold& gold, const ApiRequest& request);
ApiResponse GetCatalogTrend(const PreparedGold& gold, const ApiRequest& request);

}  // namespace cinelake::serve
