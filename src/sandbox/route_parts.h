// Path parsing the sandbox's renderers share when they Match() a route.
// Pure functions, thread-safe; malformed input is `false` / no match.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace cinelake::sandbox {

// Splits "a/b/c" into its segments (views into `path`).
std::vector<std::string_view> PathSegments(std::string_view path);
// A decimal id of 1..12 digits.
bool ParseId(std::string_view s, int64_t* out);
// "tt" and 7..10 digits.
bool IsTitleId(std::string_view s);

}  // namespace cinelake::sandbox
