// What the export log (raw/tmdb_export_log) says about a range of days: the
// line `cinelake run` and `backfill` end with, so a backfill says how far
// back TMDB's files reached and which days a later run will still fetch.
//
// Pure read of the lake; thread-safe as Lake reads are. An absent log is
// "nothing fetched yet"; a log that cannot be read is its error.
#pragma once

#include <string>

#include "common/date.h"
#include "common/status.h"
#include "lake/lake.h"

namespace cinelake {

// e.g. "catalog: export files loaded for 3 of 5 days (2026-11-18 to
// 2026-11-20); the 2 days before 2026-11-18 are gone (TMDB keeps about three
// months of files)" plus, when some are pending, "; not published yet, fetched
// by a later run: 2026-11-21".
Result<std::string> DescribeExportDays(const Lake& lake, Date from, Date to);

}  // namespace cinelake
