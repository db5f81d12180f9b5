// Display text the API writes: the words and signs the dashboard's rules
// decide (docs/dashboard-api.md "Who formats what"). The front end shows these
// verbatim and never derives them; numbers, money, runtimes and dates are the
// front end's to format, and the API never formats those.
//
// Pure functions over values; no ownership, safe from any thread, no errors
// (an unknown value is shown as it is).
#pragma once

#include <string>
#include <string_view>

#include "common/date.h"
#include "serve/gold_snapshot.h"

namespace cinelake::serve {

// "Movie", "TV-Series", "TV-Mini-Series", "TV-Movie", "TV-Special", "Short",
// "Video"; any other type as it is.
std::string TypeLabel(std::string_view type);
// "Normal", "Mid-Season", "Final" (Ended series, last season), "Season Final"; "-" when blank.
std::string EpisodeTypeLabel(const Title& t, const Season& season, std::string_view episode_type);
// Calendar difference "X yrs Y mths Z days" from `from` to a later `to`.
std::string TimeLeft(Date from, Date to);
// A climb (negative rank_change) as "+12", a drop as "−33" (U+2212), no change "0".
std::string FormatRankChange(int rank_change);

}  // namespace cinelake::serve
