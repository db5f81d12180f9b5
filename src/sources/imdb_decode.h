// Decoders from imdb236 JSON bodies to records (records.h).
//
// A malformed body (not JSON, or the wrong top-level type) is kCorruption;
// field problems are warnings appended to `warnings`, never errors. `where`
// prefixes messages ("imdb /tt1375666"). Internal to src/sources; exposed for
// tests and fuzzing.
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "sources/records.h"

namespace cinelake {

Result<ImdbTitle> DecodeImdbTitle(std::string_view body, const std::string& where,
                                  std::vector<std::string>* warnings);
// A list of more than max_titles elements is kNotSupported, before any is decoded.
Result<std::vector<ImdbTitle>> DecodeImdbTitleList(std::string_view body, const std::string& where,
                                                   std::vector<std::string>* warnings,
                                                   size_t max_titles = SIZE_MAX);
// The /{id}/tmdb-id answer: {"tmdbId": "movie/27205" | "tv/1399" | 27205 | "27205" | null}.
// A bare number takes its kind from imdb_type; nullopt for null/empty or an
// unknown type (with a warning).
Result<std::optional<TmdbRef>> DecodeImdbTmdbId(std::string_view body, const std::string& imdb_type,
                                                const std::string& where, std::vector<std::string>* warnings);

}  // namespace cinelake
