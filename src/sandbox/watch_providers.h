// The sandbox's streaming world: which services offer each title, where and
// how, changing over the days (TMDB's "watch/providers" sub-resource, whose
// data comes from JustWatch).
//
// A fixed catalogue of invented services, each with the offer types it
// sells, serves four countries. A released title's offer (country, service,
// type) is on or off per window of days, the windows' length and phase drawn
// per offer, so over a month offers are added, removed, re-added and change
// type (a service moving a title from subscription to rent), at different
// days in different countries. Unreleased titles are offered nowhere.
//
// Pure functions of (world seed, title, date): the same inputs give the same
// bytes from any thread. Nothing fails.
#pragma once

#include <string>
#include <vector>

#include "common/date.h"
#include "sandbox/wire_json.h"
#include "sandbox/world.h"

namespace cinelake::sandbox {

struct WatchOffer {
  std::string country;  // "US"
  std::string list;     // TMDB's list name: flatrate, rent, buy, free, ads
  int provider_id = 0;
  std::string provider_name;
  std::string logo_path;
  int display_priority = 0;
};

// The countries the sandbox answers for.
const std::vector<std::string>& WatchCountries();

// Every offer of `t` on `date`, by (country, list, provider_id).
std::vector<WatchOffer> WatchOffersOn(const Title& t, Date date);

// The "watch/providers" object in the real shape: {"results": {"US":
// {"link": ..., "flatrate": [...], ...}}}; a country with no offer is left
// out, as are empty lists.
WireJson WatchProvidersJson(const Title& t, Date date);

}  // namespace cinelake::sandbox
