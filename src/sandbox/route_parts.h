// Path parsing the sandbox's renderers share when they Match() a route.
// Pure functions, thread-safe; malformed input is `false` / no match.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace cinelake::sandbox {

// Splits "a/b/c" into its segments (views into `path`).
std::vector<std::string_view> PathSegments(std::string_view path);
// The segments of `path` after `prefix`; none when `path` does not start with
// it (every route has at least one segment, so none matches no route).
std::vector<std::string_view> SegmentsAfter(std::string_view prefix, std::string_view path);
// A decimal id of 1..12 digits; nullopt otherwise.
std::optional<int64_t> ParseId(std::string_view s);
// "tt" and 7..10 digits.
bool IsTitleId(std::string_view s);

}  // namespace cinelake::sandbox
