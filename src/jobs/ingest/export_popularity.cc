#include "jobs/ingest/export_popularity.h"

#include <algorithm>
#include <set>
#include <utility>

namespace cinelake {
namespace {

// raw/tmdb_export's content_type values (schemas.cc).
constexpr std::string_view kExportMovie = "movie";
constexpr std::string_view kExportSeries = "tvSeries";

}  // namespace

Result<std::optional<ExportPopularity>> ReadExportPopularity(const Lake& lake, Date day,
                                                             const std::vector<TmdbRef>& wanted) {
  const TableDef& def = TableByName(tables::kTmdbExport);
  ASSIGN_OR_RETURN(std::vector<Date> days, lake.Partitions(def));
  // The step writes a day's partition only once both files arrived whole.
  if (std::find(days.begin(), days.end(), day) == days.end()) return std::optional<ExportPopularity>();
  std::set<std::pair<TmdbRef::Kind, int64_t>> want;
  for (const TmdbRef& ref : wanted) want.emplace(ref.kind, ref.id);
  ASSIGN_OR_RETURN(Table t, lake.Read(def, day, {"id", "content_type", "popularity"}));
  ExportPopularity out;
  const Column& ids = t.column(0);
  const Column& types = t.column(1);
  const Column& popularity = t.column(2);
  for (size_t r = 0; r < t.num_rows(); ++r) {
    if (ids.IsNull(r) || types.IsNull(r) || popularity.IsNull(r)) continue;
    std::string_view type = types.String(r);
    TmdbRef ref;
    if (type == kExportMovie) {
      ref.kind = TmdbRef::Kind::kMovie;
    } else if (type == kExportSeries) {
      ref.kind = TmdbRef::Kind::kTv;
    } else {
      continue;
    }
    ref.id = ids.Int64(r);
    if (want.count({ref.kind, ref.id})) out.emplace(ref.path(), popularity.Double(r));
  }
  return std::optional<ExportPopularity>(std::move(out));
}

}  // namespace cinelake
