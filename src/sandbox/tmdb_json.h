// The TMDB v3 wire JSON of the sandbox world: snake_case field names and
// shapes of the real answers (seasons announced without a date carry
// episode_count 0; episode_run_time may be []; unaired episodes have a null
// runtime), plus a few extra fields real responses carry.
//
// Pure functions of (world, question, date): the same inputs give the same
// bytes, from any thread. The world is borrowed for the call. Errors:
// NotFound when the id (or season) is unknown or not yet announced.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "common/status.h"
#include "sandbox/world.h"

namespace cinelake::sandbox {

// `watch_providers` (append_to_response=watch/providers): the title's offers
// inside the answer under "watch/providers" (watch_providers.h).
Result<std::string> TmdbMovieJson(const World& world, int64_t id, Date date, bool watch_providers = false);
// `appended_seasons` (append_to_response=season/N,...): those seasons inside
// the answer under "season/N", at most 20 sub-resources in all, unknown ones left out.
Result<std::string> TmdbTvJson(const World& world, int64_t id, Date date,
                               const std::vector<int>& appended_seasons = {}, bool watch_providers = false);
Result<std::string> TmdbSeasonJson(const World& world, int64_t id, int season, Date date);
// /find/{tt}: unknown ids (and "") give empty result arrays, as TMDB does.
std::string TmdbFindJson(const World& world, std::string_view imdb_id, Date date);

}  // namespace cinelake::sandbox
