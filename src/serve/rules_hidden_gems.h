// Top 20 hidden gems (dashboard.md): a day's well-rated titles (7+) with the
// fewest votes, dense-ranked on vote_count; every title of gem rank <= 20 is
// listed, so ties can make the list longer than 20. Ties keep rank order.
//
// A pure function over an immutable GoldSnapshot: the rows point into it.
// Safe from any thread; no errors.
#pragma once

#include <vector>

#include "serve/gold_snapshot.h"

namespace cinelake::serve {

inline constexpr int kGemRanks = 20;

struct Gem {
  const FactRow* row;
  int gem_rank;  // dense rank on vote_count ascending, from 1
};

std::vector<Gem> HiddenGems(const GoldSnapshot& s, const Day& day);

}  // namespace cinelake::serve
