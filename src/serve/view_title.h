// JSON of a title's pages (docs/dashboard-api.md): the detail page and a
// season's episode list.
//
// Pure functions over an immutable GoldSnapshot; `title` indexes
// GoldSnapshot::titles, `day` GoldSnapshot::days, `season` one of the title's
// seasons. Safe from any thread; no errors.
#pragma once

#include "serve/gold_snapshot.h"
#include "serve/view_json.h"

namespace cinelake::serve {

json TitleDetailJson(const GoldSnapshot& s, int title, int day);
json SeasonEpisodesJson(const Title& t, const Season& season);

}  // namespace cinelake::serve
