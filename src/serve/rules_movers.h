// Top 10 raises and falls (dashboard.md): a day's biggest climbs
// (rank_change < 0) or drops (rank_change > 0, never 999), new joiners and
// leavers excluded; biggest move first, ties by today's rank.
//
// A pure function over an immutable GoldSnapshot: the rows point into it.
// Safe from any thread; no errors.
#pragma once

#include <vector>

#include "serve/gold_snapshot.h"

namespace cinelake::serve {

enum class Move { kRaise, kFall };

std::vector<const FactRow*> Movers(const Day& day, Move move);

}  // namespace cinelake::serve
