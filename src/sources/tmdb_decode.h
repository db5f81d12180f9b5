// Decoders from TMDB v3 JSON bodies to records (records.h). Same rules as
// imdb_decode.h: a malformed body is kCorruption, field problems are warnings.
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "sources/records.h"

namespace cinelake {

Result<TmdbMovie> DecodeTmdbMovie(std::string_view body, const std::string& where,
                                  std::vector<std::string>* warnings);
Result<TmdbTv> DecodeTmdbTv(std::string_view body, const std::string& where,
                            std::vector<std::string>* warnings);
Result<TmdbSeason> DecodeTmdbSeason(std::string_view body, const std::string& where,
                                    std::vector<std::string>* warnings);
// A /tv/{id}?append_to_response=season/1,... answer: the tv record and each
// "season/N" object in it (TmdbDetails::seasons, in answer order). ref is
// left for the caller.
Result<TmdbDetails> DecodeTmdbTvWithSeasons(std::string_view body, const std::string& where,
                                            std::vector<std::string>* warnings);
// /find answer: the first movie_results / tv_results id; when both answer,
// prefer_tv picks tv. nullopt when neither has an id.
Result<std::optional<TmdbRef>> DecodeTmdbFind(std::string_view body, bool prefer_tv, const std::string& where,
                                              std::vector<std::string>* warnings);

}  // namespace cinelake
