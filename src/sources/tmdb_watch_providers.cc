#include "sources/tmdb_watch_providers.h"

#include <algorithm>
#include <tuple>

#include "sources/json_reader.h"
#include "sources/tmdb_decode.h"

namespace cinelake {
namespace {

constexpr std::string_view kOfferLists[] = {"flatrate", "rent", "buy", "free", "ads"};

void Warn(std::vector<std::string>* warnings, const std::string& message) {
  if (warnings != nullptr) warnings->push_back(message);
}

// The offers of one country's object ({"link", "flatrate": [...], ...}).
void ReadCountry(simdjson::dom::object country_object, const std::string& country, const std::string& where,
                 std::vector<std::string>* warnings, std::vector<TmdbWatchOffer>* out) {
  JsonReader r(country_object, where, warnings);
  for (std::string_view list : kOfferLists) {
    std::string offer_type = *WatchOfferTypeOf(list);
    std::string list_name(list);
    r.ObjectArray(list_name.c_str(), [&](JsonReader& item) {
      std::optional<int64_t> id = item.Int("provider_id");
      if (!id || *id <= 0) {
        item.Warn("a " + list_name + " entry has no positive provider_id, skipped");
        return;
      }
      TmdbWatchOffer offer;
      offer.country = country;
      offer.offer_type = offer_type;
      offer.provider_id = *id;
      offer.provider_name = item.String("provider_name");
      offer.logo_path = item.String("logo_path");
      offer.display_priority = item.Int32("display_priority");
      out->push_back(std::move(offer));
    });
  }
}

std::vector<TmdbWatchOffer> ReadWatchProviders(simdjson::dom::element resource,
                                               const std::vector<std::string>& countries,
                                               const std::string& where, std::vector<std::string>* warnings) {
  std::vector<TmdbWatchOffer> offers;
  simdjson::dom::object object;
  simdjson::dom::object results;
  if (resource.get_object().get(object) != simdjson::SUCCESS ||
      object["results"].get_object().get(results) != simdjson::SUCCESS) {
    Warn(warnings, where + ": expected an object with a \"results\" object, read as no offers");
    return offers;
  }
  for (const std::string& country : countries) {
    simdjson::dom::element value;
    if (results[country].get(value) != simdjson::SUCCESS || value.is_null()) continue;
    simdjson::dom::object country_object;
    if (value.get_object().get(country_object) != simdjson::SUCCESS) {
      Warn(warnings, where + " results." + country + ": is " + JsonTypeName(value.type()) +
                         ", expected an object, skipped");
      continue;
    }
    ReadCountry(country_object, country, where + " results." + country, warnings, &offers);
  }
  auto key = [](const TmdbWatchOffer& o) { return std::tie(o.country, o.offer_type, o.provider_id); };
  std::stable_sort(offers.begin(), offers.end(),
                   [&](const auto& a, const auto& b) { return key(a) < key(b); });
  auto repeated = std::unique(offers.begin(), offers.end(),
                              [&](const auto& a, const auto& b) { return key(a) == key(b); });
  if (repeated != offers.end()) {
    Warn(warnings, where + ": " + std::to_string(offers.end() - repeated) + " repeated offers, first kept");
    offers.erase(repeated, offers.end());
  }
  return offers;
}

}  // namespace

std::optional<std::string> WatchOfferTypeOf(std::string_view list_name) {
  if (list_name == "flatrate") return "subscription";
  if (list_name == "rent" || list_name == "buy" || list_name == "free" || list_name == "ads") {
    return std::string(list_name);
  }
  return std::nullopt;
}

Result<TmdbDetails> DecodeTmdbDetailsWithProviders(std::string_view body, TmdbRef::Kind kind,
                                                   const std::vector<std::string>& countries,
                                                   const std::string& where,
                                                   std::vector<std::string>* warnings) {
  TmdbDetails d;
  if (kind == TmdbRef::Kind::kMovie) {
    ASSIGN_OR_RETURN(d.movie, DecodeTmdbMovie(body, where, warnings));
  } else {
    ASSIGN_OR_RETURN(d.tv, DecodeTmdbTv(body, where, warnings));
  }
  // Parsed again for the appended key (the DOM of the per-thread parser
  // does not outlive the next parse).
  ASSIGN_OR_RETURN(simdjson::dom::element root, ParseJson(body, where));
  simdjson::dom::element resource;
  if (root[kWatchProvidersResource].get(resource) == simdjson::SUCCESS) {
    d.watch_providers = ReadWatchProviders(resource, countries, where + " watch/providers", warnings);
  }
  return d;
}

}  // namespace cinelake
