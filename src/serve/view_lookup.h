// JSON of the answers that are not about one day: the date list, title
// search and the multi-title trends (docs/dashboard-api.md).
//
// Pure functions over an immutable GoldSnapshot and the rules' results;
// safe from any thread; no errors.
#pragma once

#include <string>

#include "serve/gold_snapshot.h"
#include "serve/rules_search.h"
#include "serve/rules_trends.h"
#include "serve/view_json.h"

namespace cinelake::serve {

json DatesJson(const GoldSnapshot& s);
json SearchJson(const GoldSnapshot& s, const std::string& query, const SearchResult& result);
json TrendsJson(const GoldSnapshot& s, Date from, Date to, const TrendsResult& result);

}  // namespace cinelake::serve
