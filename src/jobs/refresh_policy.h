// Which of today's titles need their IMDB detail (again): data-model.md
// defect 5. Shared by the enrich_fetch step, which fetches them, the enrich
// step, which merges what was fetched, and the popularity step, which asks
// TMDB for the details of the same titles.
//
// Thread-safety: pure functions over the caller's tables.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "jobs/job_context.h"
#include "table/table.h"

namespace cinelake {

struct EnrichmentState {
  std::optional<int64_t> created_at;
  std::optional<int64_t> updated_at;  // null: the last attempt failed
};

// content_id -> state, from stg/content_detail (columns content_id,
// created_at, updated_at).
std::map<std::string, EnrichmentState> ReadEnrichmentState(const Table& content_detail);

// Never enriched, last attempt failed, --full-refresh, or due: each title has
// a phase day recurring every TTL days, so its enrichment is never older than
// the TTL and refreshes spread evenly instead of arriving in weekly waves
// (without the phase, a backfill's first day would make every title due on
// the same later day).
bool NeedsImdbRefresh(const std::string& content_id, const std::map<std::string, EnrichmentState>& state,
                      const JobContext& ctx);

}  // namespace cinelake
