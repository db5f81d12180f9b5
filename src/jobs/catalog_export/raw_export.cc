#include "jobs/catalog_export/raw_export.h"

#include <algorithm>
#include <numeric>
#include <vector>

#include "jobs/catalog_export/catalog_ranking.h"
#include "jobs/table_ops.h"
#include "lake/schemas.h"

namespace cinelake::catalog_export {

namespace {

// The lines to keep, in id order.
std::vector<uint32_t> KeptLines(const ExportBatch& batch, int64_t* duplicates) {
  std::vector<uint32_t> lines(batch.size());
  std::iota(lines.begin(), lines.end(), 0);
  if (batch.ids_ascending) return lines;  // no id repeats
  std::sort(lines.begin(), lines.end(), [&](uint32_t a, uint32_t b) {
    if (batch.id[a] != batch.id[b]) return batch.id[a] < batch.id[b];
    if (batch.popularity[a] != batch.popularity[b]) return batch.popularity[a] > batch.popularity[b];
    return a < b;
  });
  size_t out = 0;
  for (size_t k = 0; k < lines.size(); ++k) {
    if (out > 0 && batch.id[lines[k]] == batch.id[lines[out - 1]]) {
      ++*duplicates;
      continue;
    }
    lines[out++] = lines[k];
  }
  lines.resize(out);
  return lines;
}

void AppendFlag(Column* column, int8_t flag) {
  if (flag < 0)
    column->AppendNull();
  else
    column->AppendBool(flag != 0);
}

}  // namespace

Table BuildRawExport(const ExportBatch& movies, const ExportBatch& series, RawExportStats* stats) {
  RawExportStats s;
  std::vector<uint32_t> movie_lines = KeptLines(movies, &s.duplicate_ids);
  std::vector<uint32_t> series_lines = KeptLines(series, &s.duplicate_ids);
  const size_t total = movie_lines.size() + series_lines.size();
  Table out = ReservedTable(tables::kTmdbExport, total);
  auto [id, type, title, popularity, adult, video] =
      ColumnsNamed(out, {"id", "content_type", "title", "popularity", "adult", "video"});
  auto append = [&](const ExportBatch& batch, const std::vector<uint32_t>& lines, std::string_view kind) {
    for (uint32_t i : lines) {
      id->AppendInt64(batch.id[i]);
      type->AppendString(kind);
      if (batch.title_valid[i])
        title->AppendString(batch.title(i));
      else
        title->AppendNull();
      popularity->AppendDouble(batch.popularity[i]);
      AppendFlag(adult, batch.adult[i]);
      AppendFlag(video, batch.video[i]);
    }
  };
  append(movies, movie_lines, kMovieType);
  append(series, series_lines, kSeriesType);
  s.rows = static_cast<int64_t>(total);
  if (stats != nullptr) *stats = s;
  return out;
}

}  // namespace cinelake::catalog_export
