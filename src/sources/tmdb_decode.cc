#include "sources/tmdb_decode.h"

#include <cstdint>

#include "sources/json_reader.h"
#include "sources/tmdb_detail_fields.h"

namespace cinelake {
namespace {

std::vector<TmdbCompany> ReadCompanies(JsonReader& r, const char* name) {
  std::vector<TmdbCompany> out;
  r.ObjectArray(name, [&](JsonReader& c) {
    using C = TmdbCompany;
    TmdbCompany company;
    c.Fields(&company, Bind{"id", &C::id}, Bind{"name", &C::name}, Bind{"logo_path", &C::logo_path});
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
  using S = TmdbSeason;
  using E = TmdbEpisode;
  TmdbSeason s;
  r.Fields(&s, Bind{"id", &S::id}, Bind{"season_number", &S::season_number}, Bind{"name", &S::name},
           Bind{"overview", &S::overview}, Bind{"air_date", &S::air_date},
           Bind{"poster_path", &S::poster_path});
  r.ObjectArray("episodes", [&](JsonReader& e) {
    TmdbEpisode ep;
    e.Fields(&ep, Bind{"episode_number", &E::episode_number}, Bind{"season_number", &E::season_number},
             Bind{"name", &E::name}, Bind{"air_date", &E::air_date}, Bind{"episode_type", &E::episode_type},
             Bind{"still_path", &E::still_path}, Bind{"runtime", &E::runtime},
             Bind{"vote_average", &E::vote_average}, Bind{"vote_count", &E::vote_count});
    s.episodes.push_back(std::move(ep));
  });
  return s;
}

// The pass-through fields (tmdb_detail_fields.h) the answer carries.
DetailScalars ReadDetailScalars(JsonReader& r, bool tv) {
  DetailScalars out;
  for (const TmdbDetailField& f : TmdbDetailFields()) {
    if (!(tv ? f.on_tv : f.on_movie)) continue;
    std::optional<DetailValue> v;
    switch (f.kind) {
      case DetailKind::kText: v = r.String(f.key); break;
      case DetailKind::kInt64: v = r.Int(f.key); break;
      case DetailKind::kDouble: v = r.Double(f.key); break;
      case DetailKind::kBool: v = r.Bool(f.key); break;
    }
    if (v) out.values.emplace(f.key, std::move(*v));
  }
  return out;
}

TmdbMovie ReadMovie(JsonReader& r) {
  using M = TmdbMovie;
  TmdbMovie m;
  r.Fields(&m, Bind{"id", &M::id}, Bind{"imdb_id", &M::imdb_id}, Bind{"title", &M::title},
           Bind{"original_title", &M::original_title}, Bind{"release_date", &M::release_date},
           Bind{"popularity", &M::popularity}, Bind{"overview", &M::overview}, Bind{"budget", &M::budget},
           Bind{"revenue", &M::revenue}, Bind{"poster_path", &M::poster_path});
  m.production_companies = ReadCompanies(r, "production_companies");
  m.details = ReadDetailScalars(r, false);
  return m;
}

TmdbTv ReadTv(JsonReader& r) {
  using T = TmdbTv;
  TmdbTv t;
  r.Fields(&t, Bind{"id", &T::id}, Bind{"name", &T::name}, Bind{"original_name", &T::original_name},
           Bind{"first_air_date", &T::first_air_date}, Bind{"popularity", &T::popularity},
           Bind{"overview", &T::overview}, Bind{"in_production", &T::in_production},
           Bind{"poster_path", &T::poster_path});
  t.details = ReadDetailScalars(r, true);
  r.ObjectArray("created_by", [&](JsonReader& c) {
    using C = TmdbCreator;
    TmdbCreator creator;
    c.Fields(&creator, Bind{"id", &C::id}, Bind{"name", &C::name}, Bind{"profile_path", &C::profile_path});
    t.created_by.push_back(std::move(creator));
  });
  t.networks = ReadCompanies(r, "networks");
  t.production_companies = ReadCompanies(r, "production_companies");
  r.ObjectArray("seasons", [&](JsonReader& s) {
    using S = TmdbSeasonSummary;
    TmdbSeasonSummary season;
    s.Fields(&season, Bind{"season_number", &S::season_number}, Bind{"name", &S::name},
             Bind{"overview", &S::overview}, Bind{"air_date", &S::air_date},
             Bind{"episode_count", &S::episode_count}, Bind{"poster_path", &S::poster_path},
             Bind{"vote_average", &S::vote_average});
    t.seasons.push_back(std::move(season));
  });
  t.episode_run_time = ReadInt32Array(r, "episode_run_time");
  return t;
}

}  // namespace

Result<TmdbMovie> DecodeTmdbMovie(std::string_view body, const std::string& where,
                                  std::vector<std::string>* warnings) {
  return ReadJsonObject(body, where, warnings, ReadMovie);
}

Result<TmdbTv> DecodeTmdbTv(std::string_view body, const std::string& where,
                            std::vector<std::string>* warnings) {
  return ReadJsonObject(body, where, warnings, ReadTv);
}

Result<TmdbSeason> DecodeTmdbSeason(std::string_view body, const std::string& where,
                                    std::vector<std::string>* warnings) {
  return ReadJsonObject(body, where, warnings, ReadSeason);
}

Result<TmdbDetails> DecodeTmdbTvWithSeasons(std::string_view body, const std::string& where,
                                            std::vector<std::string>* warnings) {
  TmdbDetails d;
  ASSIGN_OR_RETURN(TmdbTv tv, DecodeTmdbTv(body, where, warnings));
  // DecodeTmdbTv parsed the same body; parse again for the appended keys
  // (the DOM of a per-thread parser does not outlive the next parse).
  ASSIGN_OR_RETURN(simdjson::dom::object object, ParseJsonObject(body, where));
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
  return ReadJsonObject(body, where, warnings, [&](JsonReader& r) {
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
  });
}

}  // namespace cinelake
