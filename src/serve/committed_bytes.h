// CommittedBytes: reading one file of a gold commit (lake/gold_commit.h) as
// it was committed, for the loaders of what serve shows (gold.h, catalog_load.h).
//
// Plain functions over a Storage: safe from any thread the Storage is.
// Errors: Corruption naming the snapshot path when neither the snapshot copy
// nor the live file holds the committed bytes (size and CRC-32).
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"
#include "lake/gold_commit.h"
#include "lake/storage.h"

namespace cinelake::serve {

// Whether `bytes` (read from `path`) are the ones `want` describes.
bool MatchesCommitted(const GoldFile& want, const std::string& path, std::string_view bytes);

// The committed bytes of one file: its snapshot copy, or the live file
// while that still holds the same bytes.
Result<std::string> CommittedBytes(const Storage& storage, const GoldCommit& commit, const GoldFile& file);

}  // namespace cinelake::serve
