// The IMDB request budget of a day's enrichment (issue: RapidAPI plans cap
// requests per month as well as per second).
//
// The popular lists come first: they are fetched before enrichment and
// every later day of the plan's period needs them again, so the derived
// budget keeps, for each day until the quota resets, what today's ingest
// spent (the lists and any IMDB mapping of new titles; at least
// kListRequestsPerDay * kListReserveFactor), and shares the rest evenly over
// those days.
// Enrichment then spends its budget by priority: titles never enriched, then
// those whose last attempt failed (or was deferred), then the oldest
// enrichment first. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "jobs/refresh_policy.h"
#include "sources/api_stats.h"

namespace cinelake {

inline constexpr int64_t kListRequestsPerDay = 2;  // most-popular movies and TV
inline constexpr int64_t kListReserveFactor = 3;   // room for each list call's retries

// Title details today may ask for; nullopt = no limit (none configured and
// the plan never said what is left). `imdb` is the IMDB client's stats after
// today's ingest. `configured` > 0 caps the derived one.
std::optional<int64_t> ImdbDailyBudget(int64_t configured, const ApiStats& imdb);

// `ids` in the order their enrichment is worth the quota (see above); ties
// keep their order in `ids`.
std::vector<std::string> ByEnrichmentPriority(const std::vector<std::string>& ids,
                                              const std::map<std::string, EnrichmentState>& state);

}  // namespace cinelake
