#include "sources/tmdb_export_file.h"

#include <cstdio>

#include "sources/tmdb_export_gunzip.h"

namespace cinelake {

std::string ExportFileName(ExportKind kind, Date date) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s_%02u_%02u_%04d.json.gz",
                kind == ExportKind::kMovie ? "movie_ids" : "tv_series_ids", date.month(), date.day(),
                date.year());
  return buf;
}

Result<ExportFile> FetchExportFile(const std::string& base_url, ExportKind kind, Date date,
                                   const StreamDownloadOptions& options, const std::atomic<bool>* cancel) {
  const std::string name = ExportFileName(kind, date);
  ExportFile file;
  // Sized for a full TMDB file up front: growing 1.2M-row vectors would copy them.
  file.batch.Reserve(kind == ExportKind::kMovie ? 1'300'000 : 220'000,
                     kind == ExportKind::kMovie ? 24 << 20 : 4 << 20);
  ExportLineParser parser;
  GzipLineStream gunzip(name, [&](std::string_view lines) {
    parser.ParseBlock(lines, &file.batch);
    return Status::OK();
  });
  ASSIGN_OR_RETURN(file.http_status, StreamDownload(
                                         base_url + "/" + name, options,
                                         [&](std::string_view chunk) { return gunzip.Feed(chunk); }, cancel));
  file.compressed_bytes = gunzip.compressed_bytes();
  if (file.http_status != 200) {
    file.batch = ExportBatch();
    return file;
  }
  RETURN_IF_ERROR(gunzip.Finish());
  file.text_bytes = gunzip.text_bytes();
  return file;
}

}  // namespace cinelake
