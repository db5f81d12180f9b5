// Figures a title's rows and pages derive from its gold columns: the runtime
// shown in lists, return on investment, a season's mean episode rating.
//
// Pure functions over values; safe from any thread; no errors (nullopt when
// the inputs are missing).
#pragma once

#include <optional>

#include "serve/gold_snapshot.h"

namespace cinelake::serve {

// A movie's runtime; a series' average episode runtime rounded (its own
// runtime when no episode has one).
std::optional<int> ListRuntime(const Title& t);
// (revenue - budget) / budget; nullopt without both, or with budget 0.
std::optional<double> ReturnOnInvestment(const Title& t);
// Mean rating over the season's rated episodes.
std::optional<double> SeasonAverageRating(const Season& season);

}  // namespace cinelake::serve
