#include "sources/tmdb_decode.h"

#include <cstdint>

#include "sources/json_reader.h"

namespace cinelake {
namespace {

Result<simdjson::dom::object> RootObject(std::string_view body, const std::string& where) {
  ASSIGN_OR_RETURN(simdjson::dom::element root, ParseJson(body, where));
  simdjson::dom::object object;
  if (root.get_object().get(object) != simdjson::SUCCESS) {
    return Status::Corruption(where + ": expected a JSON object, got " + JsonTypeName(root.type()));
  }
  return object;
}

std::vector<TmdbCompany> ReadCompanies(JsonReader& r, const char* name) {
  std::vector<TmdbCompany> out;
  r.ObjectArray(name, [&](JsonReader& c) {
    TmdbCompany company;
    company.id = c.Int("id");
    company.name = c.String("name");
    company.logo_path = c.String("logo_path");
    out.push_back(std::move(company));
  });
  return out;
}

// Elements that are not integers are skipped with a warning.
std::vector<int32_t> ReadInt32Array(JsonReader& r, const char* name) {
  std::vector<int32_t> out;
  std::optional<simdjson::dom::element> raw = r.Raw(name);
  simdjson::dom::array array;
  if (!raw) return out;
  if (raw->get_array().get(array) != simdjson::SUCCESS) {
    r.Warn(std::string("field '") + name + "' is " + JsonTypeName(raw->type()) + ", expected array");
    return out;
  }
  for (simdjson::dom::element item : array) {
    int64_t v = 0;
    double d = 0;
    if (item.get_int64().get(v) == simdjson::SUCCESS && v >= INT32_MIN && v <= INT32_MAX) {
      out.push_back(static_cast<int32_t>(v));
    } else if (item.get_double().get(d) == simdjson::SUCCESS && d == static_cast<int32_t>(d)) {
      out.push_back(static_cast<int32_t>(d));
    } else {
      r.Warn(std::string("field '") + name + "' has a non-integer element, skipped");
    }
  }
  return out;
}

TmdbSeason ReadSeason(JsonReader& r) {
  TmdbSeason s;
  s.id = r.Int("id");
  s.season_number = r.Int32("season_number");
  s.name = r.String("name");
  s.overview = r.String("overview");
  s.air_date = r.String("air_date");
  s.poster_path = r.String("poster_path");
  r.ObjectArray("episodes", [&](JsonReader& e) {
    TmdbEpisode ep;
    ep.episode_number = e.Int32("episode_number");
    ep.season_number = e.Int32("season_number");
    ep.name = e.String("name");
    ep.air_date = e.String("air_date");
    ep.episode_type = e.String("episode_type");
    ep.still_path = e.String("still_path");
    ep.runtime = e.Int32("runtime");
    ep.vote_average = e.Double("vote_average");
    ep.vote_count = e.Int("vote_count");
    s.episodes.push_back(std::move(ep));
  });
  return s;
}

}  // namespace

Result<TmdbMovie> DecodeTmdbMovie(std::string_view body, const std::string& where,
                                  std::vector<std::string>* warnings) {
  ASSIGN_OR_RETURN(simdjson::dom::object object, RootObject(body, where));
  JsonReader r(object, where, warnings);
  TmdbMovie m;
  m.id = r.Int("id");
  m.imdb_id = r.String("imdb_id");
  m.title = r.String("title");
  m.original_title = r.String("original_title");
  m.release_date = r.String("release_date");
  m.popularity = r.Double("popularity");
  m.homepage = r.String("homepage");
  m.overview = r.String("overview");
  m.original_language = r.String("original_language");
  m.status = r.String("status");
  m.tagline = r.String("tagline");
  m.budget = r.Int("budget");
  m.revenue = r.Int("revenue");
  m.poster_path = r.String("poster_path");
  m.production_companies = ReadCompanies(r, "production_companies");
  return m;
}

Result<TmdbTv> DecodeTmdbTv(std::string_view body, const std::string& where,
                            std::vector<std::string>* warnings) {
  ASSIGN_OR_RETURN(simdjson::dom::object object, RootObject(body, where));
  JsonReader r(object, where, warnings);
  TmdbTv t;
  t.id = r.Int("id");
  t.name = r.String("name");
  t.original_name = r.String("original_name");
  t.first_air_date = r.String("first_air_date");
  t.popularity = r.Double("popularity");
  t.homepage = r.String("homepage");
  t.overview = r.String("overview");
  t.original_language = r.String("original_language");
  t.status = r.String("status");
  t.tagline = r.String("tagline");
  t.in_production = r.Bool("in_production");
  t.poster_path = r.String("poster_path");
  r.ObjectArray("created_by", [&](JsonReader& c) {
    TmdbCreator creator;
    creator.id = c.Int("id");
    creator.name = c.String("name");
    creator.profile_path = c.String("profile_path");
    t.created_by.push_back(std::move(creator));
  });
  t.networks = ReadCompanies(r, "networks");
  t.production_companies = ReadCompanies(r, "production_companies");
  r.ObjectArray("seasons", [&](JsonReader& s) {
    TmdbSeasonSummary season;
    season.season_number = s.Int32("season_number");
    season.name = s.String("name");
    season.overview = s.String("overview");
    season.air_date = s.String("air_date");
    season.episode_count = s.Int32("episode_count");
    season.poster_path = s.String("poster_path");
    season.vote_average = s.Double("vote_average");
    t.seasons.push_back(std::move(season));
  });
  t.episode_run_time = ReadInt32Array(r, "episode_run_time");
  return t;
}

Result<TmdbSeason> DecodeTmdbSeason(std::string_view body, const std::string& where,
                                    std::vector<std::string>* warnings) {
  ASSIGN_OR_RETURN(simdjson::dom::object object, RootObject(body, where));
  JsonReader r(object, where, warnings);
  return ReadSeason(r);
}

Result<TmdbDetails> DecodeTmdbTvWithSeasons(std::string_view body, const std::string& where,
                                            std::vector<std::string>* warnings) {
  TmdbDetails d;
  ASSIGN_OR_RETURN(TmdbTv tv, DecodeTmdbTv(body, where, warnings));
  // DecodeTmdbTv parsed the same body; parse again for the appended keys
  // (the DOM of a per-thread parser does not outlive the next parse).
  ASSIGN_OR_RETURN(simdjson::dom::object object, RootObject(body, where));
  for (auto field : object) {
    std::string_view key = field.key;
    if (!key.starts_with("season/")) continue;
    std::string season_where = where + " " + std::string(key);
    simdjson::dom::object season_object;
    if (field.value.get_object().get(season_object) != simdjson::SUCCESS) {
      if (warnings != nullptr)
        warnings->push_back(season_where + ": appended season is not an object, skipped");
      continue;
    }
    JsonReader r(season_object, season_where, warnings);
    d.seasons.push_back(ReadSeason(r));
  }
  d.tv = std::move(tv);
  return d;
}

Result<std::optional<TmdbRef>> DecodeTmdbFind(std::string_view body, bool prefer_tv, const std::string& where,
                                              std::vector<std::string>* warnings) {
  ASSIGN_OR_RETURN(simdjson::dom::object object, RootObject(body, where));
  JsonReader r(object, where, warnings);
  auto first_id = [&](const char* name) {
    std::optional<int64_t> id;
    r.ObjectArray(name, [&](JsonReader& item) {
      if (id) return;
      std::optional<int64_t> v = item.Int("id");
      if (v && *v > 0) id = v;
    });
    return id;
  };
  std::optional<int64_t> movie = first_id("movie_results");
  std::optional<int64_t> tv = first_id("tv_results");
  if (movie && tv) {
    return std::optional<TmdbRef>(prefer_tv ? TmdbRef{TmdbRef::Kind::kTv, *tv}
                                            : TmdbRef{TmdbRef::Kind::kMovie, *movie});
  }
  if (movie) return std::optional<TmdbRef>(TmdbRef{TmdbRef::Kind::kMovie, *movie});
  if (tv) return std::optional<TmdbRef>(TmdbRef{TmdbRef::Kind::kTv, *tv});
  return std::optional<TmdbRef>();
}

}  // namespace cinelake
