#include "jobs/refresh_policy.h"

#include <algorithm>

namespace cinelake {

namespace {
constexpr int64_t kMicrosPerDay = 86'400'000'000LL;
}  // namespace

std::map<std::string, EnrichmentState> ReadEnrichmentState(const Table& d) {
  std::map<std::string, EnrichmentState> out;
  const Column& ids = d.column("content_id");
  const Column& created = d.column("created_at");
  const Column& updated = d.column("updated_at");
  for (size_t r = 0; r < d.num_rows(); ++r) {
    EnrichmentState s;
    if (!created.IsNull(r)) s.created_at = created.Int64(r);
    if (!updated.IsNull(r)) s.updated_at = updated.Int64(r);
    out[std::string(ids.String(r))] = s;
  }
  return out;
}

bool NeedsImdbRefresh(const std::string& id, const std::map<std::string, EnrichmentState>& state,
                      const JobContext& ctx) {
  auto it = state.find(id);
  if (ctx.full_refresh || it == state.end() || !it->second.updated_at) return true;
  const int ttl = std::max(1, ctx.enrich_ttl_days);
  const int64_t age_days = (ctx.LogicalMicros() - *it->second.updated_at) / kMicrosPerDay;
  if (age_days >= ttl) return true;
  if (age_days < 1) return false;
  uint32_t phase = 2166136261u;  // FNV-1a: stable across runs and machines
  for (unsigned char c : id) phase = (phase ^ c) * 16777619u;
  return (static_cast<int64_t>(ctx.load_date.days) + phase) % ttl == 0;
}

}  // namespace cinelake
