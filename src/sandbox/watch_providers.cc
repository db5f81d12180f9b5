#include "sandbox/watch_providers.h"

#include <string_view>

#include "sandbox/rng.h"

namespace cinelake::sandbox {
namespace {

struct Service {
  int id;
  std::string_view name;
  std::vector<std::string_view> lists;  // what it sells
};

const std::vector<Service>& Services() {
  static const std::vector<Service> services = {
      {8101, "Streamly", {"flatrate"}},
      {8102, "FlickBox", {"flatrate", "ads"}},
      {8103, "Cinemart", {"rent", "buy"}},
      {8104, "Rentaplex", {"rent", "buy"}},
      {8105, "FreeView", {"free"}},
      {8106, "AdReel", {"ads"}},
      {8107, "Marquee Plus", {"flatrate", "rent", "buy"}},
      {8108, "Tubestream", {"flatrate"}},
  };
  return services;
}

// How likely an offer of that list is on in a window.
double ShareOf(std::string_view list) {
  if (list == "flatrate") return 0.3;
  if (list == "rent" || list == "buy") return 0.55;
  return 0.25;  // free, ads
}

uint64_t ListCode(std::string_view list) {
  return HashString(list);
}

}  // namespace

const std::vector<std::string>& WatchCountries() {
  static const std::vector<std::string> countries = {"DE", "FR", "GB", "US"};
  return countries;
}

std::vector<WatchOffer> WatchOffersOn(const Title& t, Date date) {
  std::vector<WatchOffer> out;
  if (date.days < t.release_day) return out;
  for (const std::string& country : WatchCountries()) {
    const uint64_t c = HashString(country);
    // Offer lists sorted by name, then services by id: the answer's order.
    for (std::string_view list : {"ads", "buy", "flatrate", "free", "rent"}) {
      for (const Service& s : Services()) {
        bool sells = false;
        for (std::string_view l : s.lists) sells = sells || l == list;
        if (!sells) continue;
        const uint64_t h = Hash(t.key, c, static_cast<uint64_t>(s.id), ListCode(list));
        // Windows of 6 to 20 days, each offer with its own phase.
        const int32_t length = 6 + static_cast<int32_t>(h % 15);
        const int32_t phase = static_cast<int32_t>((h >> 8) % static_cast<uint64_t>(length));
        const int64_t window = (static_cast<int64_t>(date.days) + phase) / length;
        if (Unit(Hash(h, static_cast<uint64_t>(window))) >= ShareOf(list)) continue;
        out.push_back(WatchOffer{country, std::string(list), s.id, std::string(s.name),
                                 "/wp" + std::to_string(s.id) + ".jpg",
                                 1 + static_cast<int>(Hash(c, static_cast<uint64_t>(s.id)) % 40)});
      }
    }
  }
  return out;
}

WireJson WatchProvidersJson(const Title& t, Date date) {
  WireJson results = WireJson::object();
  const std::string kind = t.kind == Kind::kMovie ? "movie" : "tv";
  for (const WatchOffer& o : WatchOffersOn(t, date)) {
    WireJson& country = results[o.country];
    if (!country.contains("link")) {
      country["link"] = "https://www.themoviedb.org/" + kind + "/" + std::to_string(t.tmdb_id) +
                        "/watch?locale=" + o.country;
    }
    country[o.list].push_back(WireJson{{"logo_path", o.logo_path},
                                       {"provider_id", o.provider_id},
                                       {"provider_name", o.provider_name},
                                       {"display_priority", o.display_priority}});
  }
  return WireJson{{"results", results}};
}

}  // namespace cinelake::sandbox
