#include "jobs/fact/fact_stage.h"

#include <algorithm>
#include <map>
#include <vector>

#include "jobs/cancellation.h"
#include "jobs/fact/fact_popularity.h"
#include "lake/schemas.h"

namespace cinelake {

namespace {

Status ComputeDay(const JobContext& ctx, Date day, const std::vector<Date>& raw_dates,
                  std::map<Date, Table>* cache) {
  Lake& lake = *ctx.lake;
  const TableDef& raw = TableByName(tables::kPopularity);
  const TableDef& fact = TableByName(tables::kFactPopularity);
  auto load = [&](Date d) -> Result<const Table*> {
    auto it = cache->find(d);
    if (it == cache->end()) {
      auto t = lake.Read(raw, d, {"id", "type", "popularity"});
      if (!t.ok()) {
        if (t.status().IsNotFound()) {
          return Status::NotFound("fact_popularity for " + d.ToString() + ": raw snapshot " +
                                  lake.Location(Lake::PartitionDir(raw, d)) + " is missing");
        }
        return t.status();
      }
      it = cache->emplace(d, std::move(t).value()).first;
    }
    return &it->second;
  };
  ASSIGN_OR_RETURN(const Table* today, load(day));
  std::optional<fact::PreviousSnapshot> previous;
  auto pos = std::lower_bound(raw_dates.begin(), raw_dates.end(), day);
  if (pos != raw_dates.begin()) {
    Date prev = *(pos - 1);
    ASSIGN_OR_RETURN(const Table* rows, load(prev));
    previous = fact::PreviousSnapshot{prev, rows};
  }
  fact::FactStats stats;
  auto built = fact::BuildFactPopularity(*today, previous, &stats);
  if (!built.ok()) return built.status().WithContext("fact_popularity for " + day.ToString());
  RETURN_IF_ERROR(StopIfCancelled(ctx, "fact stage before " + day.ToString()));
  RETURN_IF_ERROR(lake.Write(fact, *built, day));
  ctx.Count("rows.fact_popularity", static_cast<int64_t>(built->num_rows()));
  ctx.Count("fact.leavers", stats.leavers);
  ctx.Count("fact.new_joiners", stats.new_joiners);
  ctx.Count("fact.skipped_rows", stats.skipped_rows + stats.duplicate_ids);
  // Only the two newest snapshots can be needed again (days run ascending).
  while (cache->size() > 2) cache->erase(cache->begin());
  return Status::OK();
}

}  // namespace

Status RunFactStage(const JobContext& ctx) {
  if (ctx.lake == nullptr) return Status::Internal("fact stage: no lake");
  const TableDef& raw = TableByName(tables::kPopularity);
  const TableDef& fact = TableByName(tables::kFactPopularity);
  ASSIGN_OR_RETURN(std::vector<Date> raw_dates, ctx.lake->Partitions(raw));
  if (!std::binary_search(raw_dates.begin(), raw_dates.end(), ctx.load_date)) {
    return Status::NotFound("fact_popularity for " + ctx.load_date.ToString() + ": raw snapshot " +
                            ctx.lake->Location(Lake::PartitionDir(raw, ctx.load_date)) + " is missing");
  }
  ASSIGN_OR_RETURN(std::vector<Date> fact_dates, ctx.lake->Partitions(fact));

  std::vector<Date> days{ctx.load_date};
  for (Date d : fact_dates) {
    if (d > ctx.load_date) days.push_back(d);
  }
  std::map<Date, Table> cache;
  for (size_t i = 0; i < days.size(); ++i) {
    if (ctx.Cancelled()) return Status::Aborted("fact stage cancelled before " + days[i].ToString());
    RETURN_IF_ERROR(ComputeDay(ctx, days[i], raw_dates, &cache));
    if (i > 0) ctx.Count("fact.partitions_recomputed", 1);
  }
  return Status::OK();
}

StageDecl FactStage() {
  // Only the popularity snapshots: the fact runs beside enrich and model.
  return {"fact", {Today(tables::kPopularity)}, {std::string(tables::kFactPopularity)}, {}, &RunFactStage};
}

}  // namespace cinelake
