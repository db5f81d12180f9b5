// The credentials the sandbox's stand-ins accept unless told otherwise, and
// the RapidAPI host header imdb236 requires. Not secrets: the sandbox is a
// local test double, and these are what its clients send to it.
//
// Thread-safety: constants only.
#pragma once

#include <string_view>

namespace cinelake::sandbox {

inline constexpr std::string_view kImdbHost = "imdb236.p.rapidapi.com";
inline constexpr std::string_view kDefaultImdbKey = "sandbox-imdb-key";
inline constexpr std::string_view kDefaultTmdbToken = "sandbox-tmdb-token";

}  // namespace cinelake::sandbox
