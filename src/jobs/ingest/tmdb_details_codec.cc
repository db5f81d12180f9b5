#include "jobs/ingest/tmdb_details_codec.h"

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

json CompanyJson(const TmdbCompany& c) {
  json j = json::object();
  Put(j, "id", c.id);
  Put(j, "name", c.name);
  Put(j, "logo_path", c.logo_path);
  return j;
}

TmdbCompany CompanyFrom(const json& j) {
  TmdbCompany c;
  Get(j, "id", &c.id);
  Get(j, "name", &c.name);
  Get(j, "logo_path", &c.logo_path);
  return c;
}

json Companies(const std::vector<TmdbCompany>& list) {
  json a = json::array();
  for (const auto& c : list) a.push_back(CompanyJson(c));
  return a;
}

std::vector<TmdbCompany> CompaniesFrom(const json& j, const char* key) {
  std::vector<TmdbCompany> out;
  auto it = j.find(key);
  if (it == j.end() || !it->is_array()) return out;
  for (const auto& c : *it) out.push_back(CompanyFrom(c));
  return out;
}

}  // namespace

std::string EncodeTmdbDetails(const TmdbDetails& d) {
  json j = json::object();
  j["ref"] = d.ref.path();
  if (d.movie) {
    const TmdbMovie& m = *d.movie;
    json mj = json::object();
    Put(mj, "id", m.id);
    Put(mj, "imdb_id", m.imdb_id);
    Put(mj, "title", m.title);
    Put(mj, "original_title", m.original_title);
    Put(mj, "release_date", m.release_date);
    Put(mj, "popularity", m.popularity);
    Put(mj, "homepage", m.homepage);
    Put(mj, "overview", m.overview);
    Put(mj, "original_language", m.original_language);
    Put(mj, "status", m.status);
    Put(mj, "tagline", m.tagline);
    Put(mj, "budget", m.budget);
    Put(mj, "revenue", m.revenue);
    Put(mj, "poster_path", m.poster_path);
    mj["production_companies"] = Companies(m.production_companies);
    j["movie"] = std::move(mj);
  }
  if (d.tv) {
    const TmdbTv& t = *d.tv;
    json tj = json::object();
    Put(tj, "id", t.id);
    Put(tj, "name", t.name);
    Put(tj, "original_name", t.original_name);
    Put(tj, "first_air_date", t.first_air_date);
    Put(tj, "popularity", t.popularity);
    Put(tj, "homepage", t.homepage);
    Put(tj, "overview", t.overview);
    Put(tj, "original_language", t.original_language);
    Put(tj, "status", t.status);
    Put(tj, "tagline", t.tagline);
    Put(tj, "in_production", t.in_production);
    Put(tj, "poster_path", t.poster_path);
    json creators = json::array();
    for (const auto& c : t.created_by) {
      json cj = json::object();
      Put(cj, "id", c.id);
      Put(cj, "name", c.name);
      Put(cj, "profile_path", c.profile_path);
      creators.push_back(std::move(cj));
    }
    tj["created_by"] = std::move(creators);
    tj["networks"] = Companies(t.networks);
    tj["production_companies"] = Companies(t.production_companies);
    json seasons = json::array();
    for (const auto& s : t.seasons) {
      json sj = json::object();
      Put(sj, "season_number", s.season_number);
      Put(sj, "name", s.name);
      Put(sj, "overview", s.overview);
      Put(sj, "air_date", s.air_date);
      Put(sj, "episode_count", s.episode_count);
      Put(sj, "poster_path", s.poster_path);
      seasons.push_back(std::move(sj));
    }
    tj["seasons"] = std::move(seasons);
    j["tv"] = std::move(tj);
  }
  return j.dump();
}

Result<TmdbDetails> DecodeTmdbDetails(std::string_view text, const std::string& where) {
  json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object())
    return Status::Corruption(where + ": details_json is not a JSON object");
  try {
    TmdbDetails d;
    auto ref = TmdbRef::Parse(j.at("ref").get<std::string>());
    if (!ref.ok()) return Status::Corruption(where + ": " + ref.status().message());
    d.ref = *ref;
    if (auto it = j.find("movie"); it != j.end()) {
      const json& mj = *it;
      TmdbMovie m;
      Get(mj, "id", &m.id);
      Get(mj, "imdb_id", &m.imdb_id);
      Get(mj, "title", &m.title);
      Get(mj, "original_title", &m.original_title);
      Get(mj, "release_date", &m.release_date);
      Get(mj, "popularity", &m.popularity);
      Get(mj, "homepage", &m.homepage);
      Get(mj, "overview", &m.overview);
      Get(mj, "original_language", &m.original_language);
      Get(mj, "status", &m.status);
      Get(mj, "tagline", &m.tagline);
      Get(mj, "budget", &m.budget);
      Get(mj, "revenue", &m.revenue);
      Get(mj, "poster_path", &m.poster_path);
      m.production_companies = CompaniesFrom(mj, "production_companies");
      d.movie = std::move(m);
    }
    if (auto it = j.find("tv"); it != j.end()) {
      const json& tj = *it;
      TmdbTv t;
      Get(tj, "id", &t.id);
      Get(tj, "name", &t.name);
      Get(tj, "original_name", &t.original_name);
      Get(tj, "first_air_date", &t.first_air_date);
      Get(tj, "popularity", &t.popularity);
      Get(tj, "homepage", &t.homepage);
      Get(tj, "overview", &t.overview);
      Get(tj, "original_language", &t.original_language);
      Get(tj, "status", &t.status);
      Get(tj, "tagline", &t.tagline);
      Get(tj, "in_production", &t.in_production);
      Get(tj, "poster_path", &t.poster_path);
      if (auto c = tj.find("created_by"); c != tj.end() && c->is_array()) {
        for (const auto& cj : *c) {
          TmdbCreator cr;
          Get(cj, "id", &cr.id);
          Get(cj, "name", &cr.name);
          Get(cj, "profile_path", &cr.profile_path);
          t.created_by.push_back(std::move(cr));
        }
      }
      t.networks = CompaniesFrom(tj, "networks");
      t.production_companies = CompaniesFrom(tj, "production_companies");
      if (auto s = tj.find("seasons"); s != tj.end() && s->is_array()) {
        for (const auto& sj : *s) {
          TmdbSeasonSummary ss;
          Get(sj, "season_number", &ss.season_number);
          Get(sj, "name", &ss.name);
          Get(sj, "overview", &ss.overview);
          Get(sj, "air_date", &ss.air_date);
          Get(sj, "episode_count", &ss.episode_count);
          Get(sj, "poster_path", &ss.poster_path);
          t.seasons.push_back(std::move(ss));
        }
      }
      d.tv = std::move(t);
    }
    return d;
  } catch (const json::exception& e) {
    return Status::Corruption(where + ": details_json: " + e.what());
  }
}

}  // namespace cinelake
