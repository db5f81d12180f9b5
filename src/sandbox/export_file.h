// TMDB daily export files, generated on request and never stored on disk.
//
// A file lists `catalog_size` ids by ascending id, one JSON object per line:
//   movies: {"adult":false,"id":3924,"original_title":"Blondie","popularity":2.87,"video":false}
//   series: {"id":1399,"original_name":"...","popularity":12.5}
// Every world title of the kind announced by the date comes first in priority
// (with the popularity the detail endpoint serves that day); the rest are
// synthetic ids with small popularities, deterministic per (seed, id, date).
// If catalog_size is smaller than the number of world titles, only the first
// catalog_size world titles (by id) are listed.
//
// Pure functions of (world, kind, date, size), thread-safe; the world is
// borrowed for the call. Errors: ExportGzip fails with Internal only when the
// compressor cannot be set up.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/date.h"
#include "common/status.h"
#include "sandbox/world.h"

namespace cinelake::sandbox {

// The uncompressed JSON-lines text.
std::string ExportLines(const World& world, Kind kind, Date date, int64_t catalog_size);

// The gzip file (one gzip member) of ExportLines().
Result<std::string> ExportGzip(const World& world, Kind kind, Date date, int64_t catalog_size);

// Parses an export file name: "movie_ids_MM_DD_YYYY.json.gz" or
// "tv_series_ids_MM_DD_YYYY.json.gz". nullopt when it is neither.
struct ExportName {
  Kind kind;
  Date date;
};
std::optional<ExportName> ParseExportName(std::string_view file_name);
std::string ExportFileName(Kind kind, Date date);

}  // namespace cinelake::sandbox
