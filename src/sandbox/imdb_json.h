// The imdb236 (RapidAPI) wire JSON of the sandbox world: camelCase field
// names and shapes per apis.md, plus a few extra fields real responses carry
// (consumers must ignore them).
//
// Pure functions of (world, question, date): the same inputs give the same
// bytes, from any thread. The world is borrowed for the call. Errors:
// NotFound when the title is unknown or not yet announced on the date.
#pragma once

#include <string>
#include <string_view>

#include "common/date.h"
#include "common/status.h"
#include "sandbox/world.h"

namespace cinelake::sandbox {

// most-popular-movies | most-popular-tv: exactly 100 title objects.
std::string ImdbListJson(const World& world, Kind kind, Date date);
// /{tt}: the full title object (credits, companies, aired episodes).
Result<std::string> ImdbTitleJson(const World& world, std::string_view imdb_id, Date date);
// /{tt}/tmdb-id: {"imdbId", "tmdbId"} with tmdbId a "movie/ID" path or, for
// a few titles, a bare string or number (as the real service varies).
Result<std::string> ImdbTmdbIdJson(const World& world, std::string_view imdb_id, Date date);

}  // namespace cinelake::sandbox
