// The imdb236 (RapidAPI) wire JSON of the sandbox world, in the shapes the
// real answers have: list entries carry every detail field but the people;
// a detail's `cast` carries the crew (director, writer, producer, composer),
// one entry per job, the same person several times; no detail carries
// episodes; a whole-number averageRating is an integer; a missing image is
// null with no thumbnails. Extra fields consumers must ignore are included.
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
// /{tt}: the full title object (with people; no episodes).
Result<std::string> ImdbTitleJson(const World& world, std::string_view imdb_id, Date date);
// /{tt}/tmdb-id: {"imdbId", "tmdbId"} with tmdbId a "movie/ID" path or, for
// a few titles, a bare string or number (as the real service varies).
Result<std::string> ImdbTmdbIdJson(const World& world, std::string_view imdb_id, Date date);

}  // namespace cinelake::sandbox
