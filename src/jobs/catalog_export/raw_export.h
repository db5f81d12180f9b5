// raw/tmdb_export rows from the two parsed export files of one day.
//
// Rows come in title order (movies, then series; ids ascending), which is
// what catalog_ranking.h's merges expect. A repeated id within a file keeps
// the line with the highest popularity, the earliest line on a tie: a rule
// that gives the same row whatever else the file holds. Pure; thread-safe.
#pragma once

#include <cstdint>

#include "sources/tmdb_export_lines.h"
#include "table/table.h"

namespace cinelake::catalog_export {

struct RawExportStats {
  int64_t rows = 0;
  int64_t duplicate_ids = 0;  // lines dropped for a repeated id
};

Table BuildRawExport(const ExportBatch& movies, const ExportBatch& series, RawExportStats* stats = nullptr);

}  // namespace cinelake::catalog_export
