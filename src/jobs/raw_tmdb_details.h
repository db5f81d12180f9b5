// The JSON kept in raw/stg_tmdb_details.details_json: ingest fetches every
// title's TMDB detail for its popularity anyway, keeps the decoded record
// there, and enrich reads it back instead of asking TMDB a second time.
// The encoding is our own (field names as in sources/records.h), stable
// across runs so a re-run writes identical raw files. watch_providers is
// written only when the answer carried them (absent = not asked).
//
// Thread-safety: pure functions. Errors: DecodeRawTmdbDetails returns Corruption naming `where`.
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"
#include "sources/records.h"

namespace cinelake {

std::string EncodeRawTmdbDetails(const TmdbDetails& details);
// `where` names the row for error messages.
Result<TmdbDetails> DecodeRawTmdbDetails(std::string_view json, const std::string& where);

}  // namespace cinelake
