// The TMDB v3 wire JSON of the sandbox world: snake_case field names and
// shapes per apis.md, plus a few extra fields real responses carry.
//
// Pure functions of (world, question, date): the same inputs give the same
// bytes, from any thread. The world is borrowed for the call. Errors:
// NotFound when the id (or season) is unknown or not yet announced.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/date.h"
#include "common/status.h"
#include "sandbox/world.h"

namespace cinelake::sandbox {

Result<std::string> TmdbMovieJson(const World& world, int64_t id, Date date);
Result<std::string> TmdbTvJson(const World& world, int64_t id, Date date);
Result<std::string> TmdbSeasonJson(const World& world, int64_t id, int season, Date date);
// /find/{tt}: unknown ids (and "") give empty result arrays, as TMDB does.
std::string TmdbFindJson(const World& world, std::string_view imdb_id, Date date);

}  // namespace cinelake::sandbox
