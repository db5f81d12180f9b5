// The dashboard's JSON API: one endpoint per visual or page, computed from a
// Snapshot of the gold tables (docs/dashboard-api.md documents each answer).
//
// HandleApi() is pure: a snapshot, a decoded path and query in, a status code
// and a JSON body out; no I/O, no clock. "Today" is the ?date= asked for or
// the latest loadDate; "yesterday" is the latest earlier loadDate. A malformed
// parameter answers 400 with {"error": "..."} naming the parameter; an unknown
// title, season or date answers 404. Every string in a body is JSON-escaped,
// and '<', '>' and '&' are written as \u003c, \u003e, \u0026 as well, so a
// body is inert even if something sniffs it as HTML.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "common/date.h"
#include "serve/gold.h"
#include "serve/snapshot.h"

namespace cinelake::serve {

struct ApiResponse {
  int status = 200;
  std::string body;
};

using Query = std::multimap<std::string, std::string>;

// path starts with "/api/".
ApiResponse HandleApi(const Snapshot& snap, std::string_view path, const Query& query);

// Builds a snapshot and precomputes its per-day landing answers.
std::shared_ptr<const Snapshot> PrepareSnapshot(const GoldTables& gold);

// The dashboard's definitions (dashboard.md), exposed for tests.
bool IsBingeWorthy(const Title& t);           // series, rating >= 7, avg episode <= 45 min, total <= 480 min
bool IsQuickWatch(const Title& t);            // movie, rating >= 7, known runtime <= 90 min
bool IsOncoming(const Title& t, Date today);  // release date after today
bool IsGlobalReach(const Title& t);           // movie, revenue >= 500,000,000
// "Normal", "Mid-Season", "Final" (Ended series, last season), "Season Final"; "-" when blank.
std::string EpisodeTypeLabel(const Title& t, const Season& season, std::string_view episode_type);
// Calendar difference "X yrs Y mths Z days" from `from` to a later `to`.
std::string TimeLeft(Date from, Date to);
// A climb (negative rank_change) as "+12", a drop as "−33" (U+2212), no change "0".
std::string FormatRankChange(int rank_change);

}  // namespace cinelake::serve
