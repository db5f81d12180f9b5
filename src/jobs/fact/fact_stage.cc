#include "jobs/fact/fact_stage.h"

#include <algorithm>
#include <optional>
#include <set>
#include <vector>

#include "common/log.h"
#include "jobs/cancellation.h"
#include "jobs/fact/fact_popularity.h"
#include "lake/schemas.h"

namespace cinelake {

namespace {

Result<Table> ReadSnapshot(const Lake& lake, Date day) {
  const TableDef& raw = TableByName(tables::kPopularity);
  auto t = lake.Read(raw, day, {"id", "type", "popularity"});
  if (!t.ok() && t.status().IsNotFound()) {
    return Status::NotFound("fact_popularity for " + day.ToString() + ": raw snapshot " +
                            lake.Location(Lake::PartitionDir(raw, day)) + " is missing");
  }
  return t;
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
  std::set<Date> to_write{ctx.load_date};
  // An earlier partition that no longer reads (a damaged disk, a bad copy)
  // is rebuilt from its raw snapshot, as a re-run of its day would.
  for (Date d : fact_dates) {
    if (d >= ctx.load_date || !std::binary_search(raw_dates.begin(), raw_dates.end(), d)) continue;
    Status readable = ctx.lake->Read(fact, d).status();
    if (readable.ok()) continue;
    spdlog::warn("fact: rebuilding an unreadable partition from its raw snapshot: {}",
                 Redact(readable.ToString()));
    to_write.insert(d);
    ctx.Count("fact.partitions_repaired", 1);
  }
  for (Date d : fact_dates) {
    if (d > ctx.load_date) to_write.insert(d);
  }
  // A later fact partition whose raw snapshot is gone cannot be recomputed.
  for (Date d : to_write) {
    if (!std::binary_search(raw_dates.begin(), raw_dates.end(), d))
      return ReadSnapshot(*ctx.lake, d).status();
  }

  // The chart measures need every earlier snapshot, so the fold starts at the
  // first one; days before load_date are ranked again but not written.
  fact::ChartHistory history;
  std::optional<Table> previous_rows;
  std::optional<Date> previous_date;
  const Date last = *to_write.rbegin();
  for (Date day : raw_dates) {
    if (day > last) break;
    if (ctx.Cancelled()) return Status::Aborted("fact stage cancelled before " + day.ToString());
    ASSIGN_OR_RETURN(Table today, ReadSnapshot(*ctx.lake, day));
    std::optional<fact::PreviousSnapshot> previous;
    if (previous_rows) previous = fact::PreviousSnapshot{*previous_date, &*previous_rows};
    fact::FactStats stats;
    auto built = fact::BuildFactPopularity(day, today, previous, &history, &stats);
    if (!built.ok()) return built.status().WithContext("fact_popularity for " + day.ToString());
    if (to_write.contains(day)) {
      RETURN_IF_ERROR(ctx.lake->Write(fact, *built, day));
      ctx.Count("rows.fact_popularity", static_cast<int64_t>(built->num_rows()));
      ctx.Count("fact.leavers", stats.leavers);
      ctx.Count("fact.new_joiners", stats.new_joiners);
      ctx.Count("fact.skipped_rows", stats.skipped_rows + stats.duplicate_ids);
      if (day > ctx.load_date) ctx.Count("fact.partitions_recomputed", 1);
    }
    previous_rows = std::move(today);
    previous_date = day;
  }
  return Status::OK();
}

StageDecl FactStage() {
  // Only the popularity snapshots: the fact runs beside enrich and model.
  return {"fact", {Today(tables::kPopularity)}, {std::string(tables::kFactPopularity)}, {}, &RunFactStage};
}

}  // namespace cinelake
