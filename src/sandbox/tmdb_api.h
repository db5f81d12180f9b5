// The TMDB v3 stand-in: routes, wire JSON, error bodies, auth.
//
//   /tmdb/3/movie/{id} | tv/{id} | tv/{id}/season/{n} | find/{tt}?external_source=imdb_id
//
// Auth: Authorization: Bearer <token>, else ?api_key=<token>. Errors are
// {"success": false, "status_code", "status_message"} with TMDB's codes: 34
// for an unknown id or season, 5 for /find without external_source=imdb_id.
//
// Borrows the World (which must outlive it); thread-safe (no mutable state).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "sandbox/api_renderer.h"

namespace cinelake::sandbox {

// The TMDB v3 renderer, accepting `token`.
std::unique_ptr<ApiRenderer> MakeTmdbApi(const World& world, std::string token);

}  // namespace cinelake::sandbox
