// JSON text: the one JSON writer for hand-rendered, byte-exact output.
//
// nlohmann::json serves structured documents; these functions serve the
// places whose exact bytes are a contract (the `parquet cat --json` exchange
// format, export files) and hot loops that should not build a DOM.
// Pure functions, thread-safe; they append to the caller's string and never
// fail: invalid UTF-8 becomes U+FFFD rather than an error.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace cinelake {

// A quoted JSON string: escapes '"', '\\' and control characters; replaces
// each byte of an invalid UTF-8 sequence with \ufffd.
void AppendJsonString(std::string* out, std::string_view s);

// The largest integer a JavaScript (double) reader holds exactly.
inline constexpr int64_t kMaxSafeJsonInteger = (int64_t{1} << 53) - 1;

// An integer; outside +-kMaxSafeJsonInteger it is written as a decimal
// string, so no reader rounds it.
void AppendJsonInt64(std::string* out, int64_t v);

// A double printed with %.17g, so it round-trips; NaN, Infinity and
// -Infinity, which JSON lacks, as those strings.
void AppendJsonDouble(std::string* out, double v);

// Length of the valid UTF-8 sequence starting at s[i], or 0 if it is invalid
// (truncated, overlong, a surrogate, or beyond U+10FFFF).
size_t Utf8SequenceLength(std::string_view s, size_t i);

}  // namespace cinelake
