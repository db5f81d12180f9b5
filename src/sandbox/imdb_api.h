// The imdb236 stand-in (RapidAPI): routes, wire JSON, error bodies, auth.
//
//   /imdb236/api/imdb/most-popular-movies | most-popular-tv | {tt} | {tt}/tmdb-id
//
// Auth: X-RapidAPI-Key must be the configured key and X-RapidAPI-Host
// imdb236.p.rapidapi.com. Errors are {"message": "..."}; an unknown or not
// yet announced title is 404 with the world's reason.
//
// Borrows the World (which must outlive it); thread-safe (no mutable state).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "sandbox/api_keys.h"
#include "sandbox/api_renderer.h"

namespace cinelake::sandbox {

// imdb236's {"message": ...} error bodies. The export host answers its
// injected faults with these too, as the sandbox always has.
Reply MessageError(ApiError error);

// The imdb236 renderer, accepting `key`.
std::unique_ptr<ApiRenderer> MakeImdbApi(const World& world, std::string key);

}  // namespace cinelake::sandbox
