// Decoding TMDB's "watch/providers" sub-resource (append_to_response on a
// movie or tv detail call), whose data TMDB takes from JustWatch:
//
//   "watch/providers": {"results": {"US": {"link": "...",
//       "flatrate": [{"logo_path", "provider_id", "provider_name", "display_priority"}],
//       "rent": [...], "buy": [...], "free": [...], "ads": [...]}, ...}}
//
// Only the countries asked are kept. "flatrate" becomes offer_type
// "subscription"; rent, buy, free and ads keep their names; other lists are
// ignored. An entry without a positive integer provider_id is skipped with a
// warning naming where; a repeated (country, offer_type, provider_id) keeps
// the first. The offers come sorted by (country, offer_type, provider_id).
// Pure functions, thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "sources/records.h"

namespace cinelake {

// The sub-resource's name as asked in append_to_response and as answered.
inline constexpr std::string_view kWatchProvidersResource = "watch/providers";

// The offer_type of a TMDB list name ("flatrate" -> "subscription"), or
// nullopt for a list cinelake does not keep.
std::optional<std::string> WatchOfferTypeOf(std::string_view list_name);

// A /movie/{id} or /tv/{id} answer (kind picks which) with its
// "watch/providers" offers in `countries`. watch_providers stays nullopt when
// the answer has no "watch/providers" key; a present but malformed one is
// warned about and reads as no offers. ref is left for the caller.
Result<TmdbDetails> DecodeTmdbDetailsWithProviders(std::string_view body, TmdbRef::Kind kind,
                                                   const std::vector<std::string>& countries,
                                                   const std::string& where,
                                                   std::vector<std::string>* warnings);

}  // namespace cinelake
