// Today's TMDB popularity of the listed titles, read from TMDB's daily export
// files (raw/tmdb_export, written by the catalog branch's tmdb_export step).
//
// The export carries every title TMDB knows with the same popularity its
// details answer gives that day, so the popularity step asks TMDB for the
// details only of the titles enrichment needs (refresh_policy.h) instead of
// all of them. A day whose export is not in the lake (not published yet, a
// failed download, a sandbox without catalog) is nullopt: the caller then
// takes every popularity from the details, as before. Pure read of the lake;
// thread-safe as Lake reads are; a partition that cannot be read is its error.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/date.h"
#include "common/status.h"
#include "lake/lake.h"
#include "sources/records.h"

namespace cinelake {

// TmdbRef::path() -> popularity, for the wanted titles the export lists.
using ExportPopularity = std::map<std::string, double>;

Result<std::optional<ExportPopularity>> ReadExportPopularity(const Lake& lake, Date day,
                                                             const std::vector<TmdbRef>& wanted);

}  // namespace cinelake
