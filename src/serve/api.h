// The dashboard's JSON API: one endpoint per visual or page, answered from a
// PreparedGold (docs/dashboard-api.md documents each answer).
//
// The endpoints are declared once, in ApiRoutes(); HandleApi() dispatches a
// request through that table. Both are pure: a snapshot, a method and a
// request target in, a status code and a JSON body out; no I/O, no clock.
// "Today" is the ?date= asked for or the latest loadDate; "yesterday" is the
// day's prev_load_date (Day::prev_date). /api/health is answered by the
// server (health.h), not here.
//
// Ownership: the caller keeps `gold` alive for the call (a shared_ptr copy
// from the SnapshotHolder). Thread-safety: safe from any number of threads.
// Errors, as bodies {"error": "..."}: a malformed parameter 400 naming the
// parameter; an unknown path, title, season, KPI or a date without a
// snapshot 404; a known path asked with another method 405 (with Allow).
// Every string in a body is JSON-escaped, and '<', '>' and '&' as \u003c,
// \u003e, \u0026 too, so a body is inert even if something sniffs it as HTML.
#pragma once

#include <string>
#include <string_view>

#include "serve/prepared_gold.h"
#include "serve/query_string.h"
#include "serve/route_table.h"

namespace cinelake::serve {

// The API's endpoints, built once.
const RouteTable& ApiRoutes();

// target: the raw request target, "/api/...?query" (percent-encoded).
ApiResponse HandleApi(const PreparedGold& gold, std::string_view method, std::string_view target);
// The same with path and query already decoded.
ApiResponse HandleApi(const PreparedGold& gold, std::string_view method, std::string path, Query query);

}  // namespace cinelake::serve
