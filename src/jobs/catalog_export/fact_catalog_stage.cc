#include "jobs/catalog_export/fact_catalog_stage.h"

#include <algorithm>
#include <optional>
#include <set>

#include "jobs/catalog_export/catalog_ranking.h"
#include "lake/schemas.h"

namespace cinelake {

namespace {

// The days to (re)compute, ascending.
std::vector<Date> DaysDue(const std::vector<Date>& raw_dates, const std::vector<Date>& fact_dates,
                          Date load_date) {
  std::set<Date> due;
  for (Date d : raw_dates) {
    if (!std::binary_search(fact_dates.begin(), fact_dates.end(), d)) due.insert(d);
  }
  if (std::binary_search(raw_dates.begin(), raw_dates.end(), load_date)) due.insert(load_date);
  if (due.empty()) return {};
  Date first = *due.begin();
  for (Date d : fact_dates) {
    if (d > first && std::binary_search(raw_dates.begin(), raw_dates.end(), d)) due.insert(d);
  }
  return {due.begin(), due.end()};
}

}  // namespace

Status RunFactCatalogStage(const JobContext& ctx) {
  if (ctx.lake == nullptr) return Status::Internal("fact_catalog stage: no lake");
  Lake& lake = *ctx.lake;
  const TableDef& raw = TableByName(tables::kTmdbExport);
  const TableDef& fact = TableByName(tables::kFactCatalogPopularity);
  ASSIGN_OR_RETURN(std::vector<Date> raw_dates, lake.Partitions(raw));
  ASSIGN_OR_RETURN(std::vector<Date> fact_dates, lake.Partitions(fact));
  std::vector<Date> days = DaysDue(raw_dates, fact_dates, ctx.load_date);
  if (days.empty()) return Status::OK();

  const TableDef& lists = TableByName(tables::kContentIds);
  ASSIGN_OR_RETURN(std::vector<Date> list_dates, lake.Partitions(lists));
  Table content_ids;
  if (!list_dates.empty()) {
    ASSIGN_OR_RETURN(content_ids, lake.ReadAllPartitions(lists, {"id", "tmdb_id"}));
  }
  const std::vector<std::string> columns{"id", "content_type", "popularity"};
  std::optional<std::pair<Date, Table>> held;  // the last snapshot read, often the next day's previous
  auto snapshot = [&](Date d) -> Result<Table> {
    if (held && held->first == d) return std::move(held->second);
    return lake.Read(raw, d, columns);
  };
  for (Date day : days) {
    if (ctx.Cancelled()) return Status::Aborted("fact_catalog stage cancelled before " + day.ToString());
    auto pos = std::lower_bound(raw_dates.begin(), raw_dates.end(), day);
    std::optional<std::pair<Date, Table>> previous;
    if (pos != raw_dates.begin()) {
      Date prev = *(pos - 1);
      ASSIGN_OR_RETURN(Table rows, snapshot(prev));
      previous.emplace(prev, std::move(rows));
    }
    ASSIGN_OR_RETURN(Table today, snapshot(day));
    std::optional<catalog_export::CatalogSnapshot> prev_snapshot;
    if (previous) prev_snapshot = catalog_export::CatalogSnapshot{previous->first, &previous->second};
    catalog_export::CatalogStats stats;
    auto built = catalog_export::BuildFactCatalogPopularity(
        today, prev_snapshot, catalog_export::ImdbIdsFromContentIds(content_ids, day), &stats);
    if (!built.ok()) return built.status().WithContext("fact_catalog_popularity for " + day.ToString());
    parquet::WriteOptions options;
    options.codec = parquet::Codec::kZstd;
    // Gold is written once a day and read by every dashboard and query
    // engine: a slower, denser zstd level pays for itself.
    options.zstd_level = 12;
    RETURN_IF_ERROR(lake.Write(fact, *built, day, options));
    ctx.Count("rows.fact_catalog_popularity", static_cast<int64_t>(built->num_rows()));
    ctx.Count("catalog.partitions_computed", 1);
    ctx.Count("catalog.leavers", stats.leavers);
    ctx.Count("catalog.new_joiners", stats.new_joiners);
    held.emplace(day, std::move(today));
  }
  return Status::OK();
}

StageDecl FactCatalogStage() {
  return {"fact_catalog",
          {Today(tables::kTmdbExport), Today(tables::kContentIds)},
          {std::string(tables::kFactCatalogPopularity)},
          {},
          &RunFactCatalogStage};
}

}  // namespace cinelake
