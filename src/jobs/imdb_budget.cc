#include "jobs/imdb_budget.h"

#include <algorithm>
#include <limits>
#include <tuple>

namespace cinelake {
namespace {

constexpr int64_t kSecondsPerDay = 86'400;
constexpr int64_t kDaysWhenResetUnknown = 30;  // RapidAPI plans are monthly

}  // namespace

std::optional<int64_t> ImdbDailyBudget(int64_t configured, const ApiStats& imdb) {
  std::optional<int64_t> budget;
  if (configured > 0) budget = configured;
  if (imdb.quota_remaining < 0) return budget;
  const int64_t days =
      imdb.quota_reset_seconds >= 0
          ? std::max<int64_t>(1, (imdb.quota_reset_seconds + kSecondsPerDay - 1) / kSecondsPerDay)
          : kDaysWhenResetUnknown;
  // What today's ingest spent (the lists, and the new titles' mapping when it
  // fell back to IMDB) is what each later day may need again.
  const int64_t per_day = std::max(kListRequestsPerDay * kListReserveFactor, imdb.requests);
  const int64_t reserve = per_day * days;
  const int64_t share = std::max<int64_t>(0, imdb.quota_remaining - reserve) / days;
  return budget ? std::min(*budget, share) : share;
}

std::vector<std::string> ByEnrichmentPriority(const std::vector<std::string>& ids,
                                              const std::map<std::string, EnrichmentState>& state) {
  // (class, last enrichment, position): 0 never enriched, 1 failed or
  // deferred, 2 due; the oldest enrichment first within class 2.
  using Rank = std::tuple<int, int64_t, size_t>;
  std::vector<std::pair<Rank, const std::string*>> ranked;
  ranked.reserve(ids.size());
  for (size_t i = 0; i < ids.size(); ++i) {
    auto it = state.find(ids[i]);
    Rank r{0, std::numeric_limits<int64_t>::min(), i};
    if (it != state.end()) {
      r = it->second.updated_at ? Rank{2, *it->second.updated_at, i}
                                : Rank{1, std::numeric_limits<int64_t>::min(), i};
    }
    ranked.emplace_back(r, &ids[i]);
  }
  std::sort(ranked.begin(), ranked.end());
  std::vector<std::string> out;
  out.reserve(ids.size());
  for (const auto& [rank, id] : ranked) out.push_back(*id);
  return out;
}

}  // namespace cinelake
