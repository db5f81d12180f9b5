// Title search (dashboard-api.md /api/search): case-folded substring matches
// of a title's primary or original title; prefix matches first, then by the
// latest day's rank (unranked last), then by title.
//
// A pure function over an immutable GoldSnapshot; safe from any thread; no
// errors (the caller checks the query's length).
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "serve/gold_snapshot.h"

namespace cinelake::serve {

inline constexpr size_t kMaxSearchChars = 100;
inline constexpr size_t kSearchResults = 20;

struct SearchHit {
  int title;
  std::optional<int> rank;  // on the latest day
};

struct SearchResult {
  size_t total = 0;              // every match
  std::vector<SearchHit> shown;  // the first kSearchResults, in order
};

SearchResult SearchTitles(const GoldSnapshot& s, std::string_view text);

}  // namespace cinelake::serve
