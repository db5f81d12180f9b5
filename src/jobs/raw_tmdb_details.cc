#include "jobs/raw_tmdb_details.h"

#include "jobs/record_json.h"

namespace cinelake {

std::string EncodeRawTmdbDetails(const TmdbDetails& d) {
  nlohmann::json j = {{"ref", d.ref.path()}};
  if (d.movie) j["movie"] = *d.movie;
  if (d.tv) j["tv"] = *d.tv;
  if (d.watch_providers) j["watch_providers"] = *d.watch_providers;
  return j.dump();
}

Result<TmdbDetails> DecodeRawTmdbDetails(std::string_view text, const std::string& where) {
  nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) {
    return Status::Corruption(where + ": details_json is not a JSON object");
  }
  try {
    TmdbDetails d;
    auto ref = TmdbRef::Parse(j.at("ref").get<std::string>());
    if (!ref.ok()) return Status::Corruption(where + ": " + ref.status().message());
    d.ref = *ref;
    if (j.contains("movie")) d.movie = j.at("movie").get<TmdbMovie>();
    if (j.contains("tv")) d.tv = j.at("tv").get<TmdbTv>();
    if (j.contains("watch_providers")) {
      d.watch_providers = j.at("watch_providers").get<std::vector<TmdbWatchOffer>>();
    }
    return d;
  } catch (const nlohmann::json::exception& e) {
    return Status::Corruption(where + ": details_json: " + e.what());
  }
}

}  // namespace cinelake
