// The JSON kept in raw/stg_imdb_titles.title_json: the decoded IMDB title as
// the enrich_fetch step got it, read back by the enrich step. Our own stable
// encoding (field names as in sources/records.h), so a re-run writes
// identical raw files.
//
// Thread-safety: pure functions. Errors: DecodeRawImdbTitle returns Corruption naming `where`.
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"
#include "sources/records.h"

namespace cinelake {

std::string EncodeRawImdbTitle(const ImdbTitle& title);
// `where` names the row for error messages.
Result<ImdbTitle> DecodeRawImdbTitle(std::string_view json, const std::string& where);

}  // namespace cinelake
