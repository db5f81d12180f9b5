// Top 10 most popular (dashboard.md): the first ten of a day's titles by rank.
//
// A pure function over an immutable GoldSnapshot: the rows point into it.
// Safe from any thread; no errors.
#pragma once

#include <vector>

#include "serve/gold_snapshot.h"

namespace cinelake::serve {

inline constexpr int kTopN = 10;  // also the length of the networks and movers lists

std::vector<const FactRow*> Top10(const Day& day);

}  // namespace cinelake::serve
