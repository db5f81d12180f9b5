// One TMDB daily export file fetched, gunzipped and parsed as it streams:
// libcurl's write callback feeds GzipLineStream, whose lines go straight to
// ExportLineParser's columns. The file is never held whole, compressed or not.
//
// Names as TMDB publishes them (apis.md, "Daily export files"):
//   movie_ids_MM_DD_YYYY.json.gz, tv_series_ids_MM_DD_YYYY.json.gz
//
// FetchExportFile makes one attempt. A 200 whose gzip stream is complete gives
// the parsed batch; any other HTTP status is returned with an empty batch (404
// = not published, or already deleted). Errors: Network (transport, stall),
// Corruption (bad or truncated gzip, a line over the length limit), Aborted.
// Thread-safe: every call is independent.
#pragma once

#include <atomic>
#include <string>

#include "common/date.h"
#include "common/status.h"
#include "sources/tmdb_export_download.h"
#include "sources/tmdb_export_lines.h"

namespace cinelake {

enum class ExportKind { kMovie, kSeries };

std::string ExportFileName(ExportKind kind, Date date);

struct ExportFile {
  int http_status = 0;
  ExportBatch batch;  // the kept lines when http_status == 200
  int64_t compressed_bytes = 0;
  int64_t text_bytes = 0;
};

// `base_url` without the trailing slash: "http://files.tmdb.org/p/exports".
Result<ExportFile> FetchExportFile(const std::string& base_url, ExportKind kind, Date date,
                                   const StreamDownloadOptions& options,
                                   const std::atomic<bool>* cancel = nullptr);

}  // namespace cinelake
