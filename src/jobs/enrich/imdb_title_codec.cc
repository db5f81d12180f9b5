#include "jobs/enrich/imdb_title_codec.h"

#include <nlohmann/json.hpp>

namespace cinelake {

using nlohmann::json;

namespace {

template <typename T>
void Put(json& j, const char* key, const std::optional<T>& v) {
  if (v) j[key] = *v;
}

template <typename T>
void Get(const json& j, const char* key, std::optional<T>* out) {
  auto it = j.find(key);
  if (it != j.end() && !it->is_null()) *out = it->get<T>();
}

std::vector<std::string> Strings(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_array()) return {};
  return it->get<std::vector<std::string>>();
}

json People(const std::vector<ImdbPerson>& people) {
  json a = json::array();
  for (const auto& p : people) {
    json pj = json::object();
    Put(pj, "id", p.id);
    Put(pj, "full_name", p.full_name);
    Put(pj, "url", p.url);
    a.push_back(std::move(pj));
  }
  return a;
}

std::vector<ImdbPerson> PeopleFrom(const json& j, const char* key) {
  std::vector<ImdbPerson> out;
  auto it = j.find(key);
  if (it == j.end() || !it->is_array()) return out;
  for (const auto& pj : *it) {
    ImdbPerson p;
    Get(pj, "id", &p.id);
    Get(pj, "full_name", &p.full_name);
    Get(pj, "url", &p.url);
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace

std::string EncodeImdbTitle(const ImdbTitle& t) {
  json j = json::object();
  Put(j, "id", t.id);
  Put(j, "type", t.type);
  Put(j, "primary_title", t.primary_title);
  Put(j, "original_title", t.original_title);
  Put(j, "release_date", t.release_date);
  Put(j, "start_year", t.start_year);
  Put(j, "end_year", t.end_year);
  Put(j, "trailer", t.trailer);
  Put(j, "runtime_minutes", t.runtime_minutes);
  Put(j, "primary_image", t.primary_image);
  Put(j, "average_rating", t.average_rating);
  Put(j, "num_votes", t.num_votes);
  j["genres"] = t.genres;
  j["interests"] = t.interests;
  j["directors"] = People(t.directors);
  j["writers"] = People(t.writers);
  json cast = json::array();
  for (const auto& c : t.cast) {
    json cj = json::object();
    Put(cj, "id", c.id);
    Put(cj, "full_name", c.full_name);
    Put(cj, "url", c.url);
    Put(cj, "primary_image", c.primary_image);
    Put(cj, "job", c.job);
    cj["characters"] = c.characters;
    cast.push_back(std::move(cj));
  }
  j["cast"] = std::move(cast);
  json episodes = json::array();
  for (const auto& e : t.episodes) {
    json ej = json::object();
    Put(ej, "id", e.id);
    Put(ej, "season_number", e.season_number);
    Put(ej, "episode_number", e.episode_number);
    Put(ej, "primary_title", e.primary_title);
    Put(ej, "original_title", e.original_title);
    Put(ej, "runtime_minutes", e.runtime_minutes);
    Put(ej, "average_rating", e.average_rating);
    Put(ej, "num_votes", e.num_votes);
    episodes.push_back(std::move(ej));
  }
  j["episodes"] = std::move(episodes);
  return j.dump();
}

Result<ImdbTitle> DecodeImdbTitle(std::string_view text, const std::string& where) {
  json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object())
    return Status::Corruption(where + ": title_json is not a JSON object");
  try {
    ImdbTitle t;
    Get(j, "id", &t.id);
    Get(j, "type", &t.type);
    Get(j, "primary_title", &t.primary_title);
    Get(j, "original_title", &t.original_title);
    Get(j, "release_date", &t.release_date);
    Get(j, "start_year", &t.start_year);
    Get(j, "end_year", &t.end_year);
    Get(j, "trailer", &t.trailer);
    Get(j, "runtime_minutes", &t.runtime_minutes);
    Get(j, "primary_image", &t.primary_image);
    Get(j, "average_rating", &t.average_rating);
    Get(j, "num_votes", &t.num_votes);
    t.genres = Strings(j, "genres");
    t.interests = Strings(j, "interests");
    t.directors = PeopleFrom(j, "directors");
    t.writers = PeopleFrom(j, "writers");
    if (auto it = j.find("cast"); it != j.end() && it->is_array()) {
      for (const auto& cj : *it) {
        ImdbCastMember c;
        Get(cj, "id", &c.id);
        Get(cj, "full_name", &c.full_name);
        Get(cj, "url", &c.url);
        Get(cj, "primary_image", &c.primary_image);
        Get(cj, "job", &c.job);
        c.characters = Strings(cj, "characters");
        t.cast.push_back(std::move(c));
      }
    }
    if (auto it = j.find("episodes"); it != j.end() && it->is_array()) {
      for (const auto& ej : *it) {
        ImdbEpisode e;
        Get(ej, "id", &e.id);
        Get(ej, "season_number", &e.season_number);
        Get(ej, "episode_number", &e.episode_number);
        Get(ej, "primary_title", &e.primary_title);
        Get(ej, "original_title", &e.original_title);
        Get(ej, "runtime_minutes", &e.runtime_minutes);
        Get(ej, "average_rating", &e.average_rating);
        Get(ej, "num_votes", &e.num_votes);
        t.episodes.push_back(std::move(e));
      }
    }
    return t;
  } catch (const json::exception& e) {
    return Status::Corruption(where + ": title_json: " + e.what());
  }
}

}  // namespace cinelake
