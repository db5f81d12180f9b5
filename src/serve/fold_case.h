// FoldCase: lower-cases UTF-8 text for case-insensitive title search.
//
// Contract: ASCII, Latin-1 Supplement, Latin Extended-A, Greek and Cyrillic
// capitals become their small letters (the scripts the sources' titles use
// that have case); every other code point, and any byte that is not part of
// valid UTF-8, is copied unchanged. Folding never merges a multi-byte
// character with its neighbours, so a folded needle found in a folded title
// is a substring of whole characters.
//
// A pure function: the result is the caller's; safe from any thread; no
// errors (invalid UTF-8 is copied, not refused).
#pragma once

#include <string>
#include <string_view>

namespace cinelake::serve {

std::string FoldCase(std::string_view text);

}  // namespace cinelake::serve
