// UnicodeFold: full Unicode case folding of UTF-8 text (ICU's default
// folding, CaseFolding.txt's C and F mappings), for the catalog search, whose
// titles are in every script TMDB holds.
//
// Folding maps case variants to one form ("Straße" and "STRASSE" both fold
// to "strasse", "ΣΊΣΥΦΟΣ" and "σίσυφος" alike), so a folded needle found in
// a folded title is a case-insensitive match. Text that is not valid UTF-8 is
// folded byte by byte in ASCII only (the rest copied), never refused.
//
// A pure function: the result is the caller's; safe from any thread (each
// thread keeps its own ICU case map); no errors.
#pragma once

#include <string>
#include <string_view>

namespace cinelake::serve {

std::string UnicodeFold(std::string_view text);

}  // namespace cinelake::serve
