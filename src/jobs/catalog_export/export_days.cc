#include "jobs/catalog_export/export_days.h"

#include <vector>

#include "lake/schemas.h"

namespace cinelake {

Result<std::string> DescribeExportDays(const Lake& lake, Date from, Date to) {
  ASSIGN_OR_RETURN(
      Table log, lake.ReadOrEmpty(TableByName(tables::kTmdbExportLog), std::nullopt, {"load_date", "state"}));
  std::vector<Date> loaded, gone, pending;
  for (size_t i = 0; i < log.num_rows(); ++i) {
    Date day{log.column(0).Int32(i)};
    if (day < from || day > to) continue;
    std::string_view state = log.column(1).String(i);
    (state == "loaded" ? loaded : state == "gone" ? gone : pending).push_back(day);
  }
  const int64_t days = to.days - from.days + 1;
  std::string out = "catalog: export files loaded for " + std::to_string(loaded.size()) + " of " +
                    std::to_string(days) + (days == 1 ? " day" : " days");
  if (!loaded.empty()) out += " (" + loaded.front().ToString() + " to " + loaded.back().ToString() + ")";
  if (!gone.empty()) {
    size_t before = 0;
    for (Date d : gone) before += !loaded.empty() && d < loaded.front() ? 1 : 0;
    if (before > 0) {
      out += "; the " + std::to_string(before) + " days before " + loaded.front().ToString() +
             " are gone (TMDB keeps about three months of files)";
    }
    if (gone.size() > before) out += "; " + std::to_string(gone.size() - before) + " other days are missing";
  }
  if (!pending.empty()) {
    out += "; not published yet or failed, fetched by a later run:";
    for (Date d : pending) out += " " + d.ToString();
  }
  return out;
}

}  // namespace cinelake
