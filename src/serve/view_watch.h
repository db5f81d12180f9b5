// JSON of where to watch (docs/dashboard-api.md): a title's offers on a day,
// per country and offer type, and the landing page's "New on streaming" and
// "Leaving" lists for one country over the last 7 days.
//
// Definitions, over gold/bridge_content_watch_provider (the README's "Where
// to watch"):
//  - offered on day D: valid_from <= D and (valid_to is NULL or >= D);
//  - new on streaming: a subscription, free or ads offer whose valid_from is
//    within the 7 days ending D and later than the title's first check
//    (seen_on_first_check false: it was added while cinelake watched);
//  - leaving: a subscription, free or ads offer whose valid_to (its last day
//    seen) is within the 7 days before D (D-7 .. D-1).
// Logos are TMDB image URLs at w92 (drawn at 40 px).
// Pure functions over an immutable GoldSnapshot; safe from any thread.
#pragma once

#include <string>

#include "serve/gold_snapshot.h"
#include "serve/view_json.h"

namespace cinelake::serve {

inline constexpr int kStreamingWindowDays = 7;
inline constexpr size_t kStreamingListMax = 24;

// {as_of, countries[], offers: {country: {offer_type: [{id, name, logo,
// priority, since}]}}}, offer types in the order subscription, free, ads,
// rent, buy; providers by display priority, then name.
json TitleWatchJson(const GoldSnapshot& s, int title, Date day);

// {date, country, countries[], from, to, added[], leaving[]}; each item
// {id, title, type, poster, provider_id, provider, logo, offer_type, date}.
json StreamingChangesJson(const GoldSnapshot& s, Date day, const std::string& country);

// Whether `country` reads as an ISO 3166-1 alpha-2 code ("US").
bool IsCountryCode(const std::string& country);

}  // namespace cinelake::serve
