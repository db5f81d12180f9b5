// LoadCatalog: builds the CatalogIndex (catalog_index.h) from a lake: the
// committed partitions of gold/fact_catalog_popularity (or the live ones in a
// lake without a gold commit), each decoded with only the seven columns the
// index keeps, one day at a time, so memory holds one day's columns and the
// index, never the history's rows.
//
// Names come from raw/tmdb_export (the gold fact has none): its newest
// partition up to the latest catalog day first, then older ones while titles
// are still unnamed, at most kNameDays partitions (each is the whole export:
// a title absent from all of them, long gone from TMDB, is shown by its TMDB
// path and is not found by name).
//
// The days' history streams go to an unlinked temporary file in
// $CINELAKE_CATALOG_DIR, else $TMPDIR, else /tmp (catalog_index_history.h):
// set it to a disk, not a tmpfs, at TMDB's size (about 3 bytes a title-day,
// 1.45 GB for a year of 1.4 million titles).
//
// Thread-safety: as the Lake. Ownership: the index is shared and immutable.
// Errors: none returned; a partition that cannot be read is left out and
// named in *unreadable (the rest still loads), as gold.h does for its tables.
// When the history files cannot be written the catalog is served empty and
// *unreadable names "catalog history files" with the I/O error.
#pragma once

#include <memory>
#include <vector>

#include "lake/gold_commit.h"
#include "lake/lake.h"
#include "serve/catalog_index.h"

namespace cinelake::serve {

inline constexpr int kNameDays = 7;

// commit: the gold commit to read, or nullptr to read `live`.
std::shared_ptr<const CatalogIndex> LoadCatalog(const Lake& lake, const GoldCommit* commit,
                                                const std::vector<LiveGoldFile>& live,
                                                std::vector<UnreadableFile>* unreadable);

}  // namespace cinelake::serve
