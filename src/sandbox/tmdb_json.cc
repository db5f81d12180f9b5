// The TMDB v3 wire JSON: see tmdb_json.h.
#include "sandbox/tmdb_json.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "sandbox/rng.h"
#include "sandbox/vocabulary.h"
#include "sandbox/watch_providers.h"
#include "sandbox/wire_json.h"

namespace cinelake::sandbox {
namespace {

std::string Hex24(uint64_t a, uint64_t b) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%08llx%016llx", static_cast<unsigned long long>(a & 0xffffffffULL),
                static_cast<unsigned long long>(b));
  return buf;
}

// Seasons further ahead than this are announced without a date or episodes.
constexpr int32_t kScheduledLeadDays = 60;
// TMDB answers at most this many append_to_response sub-resources.
constexpr size_t kMaxAppended = 20;

double Round(double v, double scale) {
  return std::round(v * scale) / scale;
}

double TmdbVoteAverage(const Title& t) {
  double bias = 0.6 * (Unit(Hash(t.key, 11)) - 0.5);
  return Round(std::clamp(t.rating + bias, 0.0, 10.0), 1000.0);
}

WireJson TmdbCompanies(const World& w, const std::vector<int>& ids, bool networks) {
  WireJson arr = WireJson::array();
  for (int i : ids) {
    const Company& c = networks ? w.network(i) : w.company(i);
    arr.push_back(WireJson{
        {"id", c.id}, {"logo_path", Nullable(c.logo_path)}, {"name", c.name}, {"origin_country", c.country}});
  }
  return arr;
}

// The title a movie or tv call names, once announced by the date; else the
// NotFound TMDB answers with.
Result<const Title*> AnnouncedTitle(const World& w, Kind kind, int64_t id, Date date) {
  const Title* t = w.FindTmdb(kind, id);
  if (t == nullptr || !World::Announced(*t, date))
    return UnknownOn(kind == Kind::kMovie ? "movie" : "tv", std::to_string(id), date);
  return t;
}

// The keys movie and TV details share, from "origin_country" to
// "production_companies" in TMDB's order; the original title's key is
// "original_title" for a movie, "original_name" for a series.
void PutOriginToCompanies(const World& w, const Title& t, Date date, const char* original_title_key,
                          WireJson& j) {
  j["origin_country"] = WireJson::array({t.country});
  j["original_language"] = t.original_language;
  j[original_title_key] = t.original_title;
  j["overview"] = t.overview;
  j["popularity"] = w.Popularity(t, date);
  j["poster_path"] = Nullable(t.poster_path);
  j["production_companies"] = TmdbCompanies(w, t.companies, false);
}

WireJson TmdbGenres(const Title& t) {
  WireJson arr = WireJson::array();
  auto genres = vocab::Genres();
  std::vector<int> seen;
  for (int g : t.genres) {
    if (std::find(seen.begin(), seen.end(), genres[g].tmdb_id) != seen.end()) continue;
    seen.push_back(genres[g].tmdb_id);
    arr.push_back(WireJson{{"id", genres[g].tmdb_id}, {"name", std::string(genres[g].tmdb_name)}});
  }
  return arr;
}

WireJson TmdbGenreIds(const Title& t) {
  WireJson arr = WireJson::array();
  for (const auto& g : TmdbGenres(t)) arr.push_back(g["id"]);
  return arr;
}

Result<WireJson> TmdbSeasonObject(const World& w, const Title* t, int64_t id, int season, Date date) {
  for (const Season& s : w.VisibleSeasons(*t, date)) {
    if (s.number != season) continue;
    WireJson episodes = WireJson::array();
    double rating_sum = 0;
    int rated = 0;
    for (int n = 1; n <= s.episode_count; ++n) {
      Episode e = w.EpisodeOf(*t, s, n);
      bool aired = e.air_day <= date.days;
      double va =
          aired ? Round(std::clamp(e.rating + 0.4 * (Unit(Hash(t->key, season, n, 5)) - 0.5), 0.0, 10.0),
                        1000.0)
                : 0.0;
      if (aired) {
        rating_sum += va;
        ++rated;
      }
      episodes.push_back(WireJson{{"air_date", DayString(e.air_day)},
                                  {"episode_number", e.number},
                                  {"episode_type", e.type},
                                  {"id", t->tmdb_id * 10000 + season * 100 + n},
                                  {"name", e.name},
                                  {"overview", ""},
                                  {"production_code", ""},
                                  {"runtime", e.runtime > 0 ? WireJson(e.runtime) : WireJson(nullptr)},
                                  {"season_number", e.season},
                                  {"show_id", t->tmdb_id},
                                  {"still_path", aired ? Nullable(e.still_path) : WireJson(nullptr)},
                                  {"vote_average", va},
                                  {"vote_count", aired ? e.votes / 25 : 0}});
    }
    WireJson j;
    j["_id"] = Hex24(t->key ^ static_cast<uint64_t>(season), Hash(t->key, season));
    j["air_date"] = DayString(s.air_day);
    j["episodes"] = episodes;
    j["name"] = season == 0 ? std::string("Specials") : "Season " + std::to_string(season);
    j["overview"] = season == 1 ? t->overview : std::string();
    j["id"] = t->tmdb_id * 100 + season;
    j["poster_path"] = Nullable(s.poster_path);
    j["season_number"] = season;
    j["vote_average"] = rated > 0 ? Round(rating_sum / rated, 10.0) : 0.0;
    return j;
  }
  return UnknownOn("season", std::to_string(id) + "/season/" + std::to_string(season), date);
}

}  // namespace

Result<std::string> TmdbMovieJson(const World& w, int64_t id, Date date, bool watch_providers) {
  ASSIGN_OR_RETURN(const Title* t, AnnouncedTitle(w, Kind::kMovie, id, date));
  TitleFacts f = w.Facts(*t, date);
  WireJson j;
  j["adult"] = false;
  j["backdrop_path"] = Nullable(t->backdrop_path);
  j["belongs_to_collection"] = nullptr;
  j["budget"] = t->budget;
  j["genres"] = TmdbGenres(*t);
  j["homepage"] = t->homepage;
  j["id"] = t->tmdb_id;
  j["imdb_id"] = t->imdb_id;
  PutOriginToCompanies(w, *t, date, "original_title", j);
  j["production_countries"] = WireJson::array({WireJson{{"iso_3166_1", t->country}}});
  j["release_date"] = DayString(t->release_day);
  j["revenue"] = f.revenue;
  j["runtime"] = f.runtime ? *f.runtime : 0;
  j["spoken_languages"] = WireJson::array({WireJson{{"iso_639_1", t->original_language}}});
  j["status"] = f.status;
  j["tagline"] = t->tagline;
  j["title"] = t->primary_title;
  j["video"] = false;
  j["vote_average"] = f.released ? TmdbVoteAverage(*t) : 0.0;
  j["vote_count"] = f.released ? World::Votes(*t, date.days) / 20 : 0;
  if (watch_providers) j["watch/providers"] = WatchProvidersJson(*t, date);
  return j.dump();
}

Result<std::string> TmdbTvJson(const World& w, int64_t id, Date date,
                               const std::vector<int>& appended_seasons, bool watch_providers) {
  ASSIGN_OR_RETURN(const Title* t, AnnouncedTitle(w, Kind::kSeries, id, date));
  TitleFacts f = w.Facts(*t, date);
  WireJson j;
  j["adult"] = false;
  j["backdrop_path"] = Nullable(t->backdrop_path);
  WireJson creators = WireJson::array();
  for (int p : t->creators) {
    const Person& person = w.person(p);
    creators.push_back(WireJson{{"id", person.tmdb_id},
                                {"credit_id", Hex24(t->key, Hash(t->key, person.tmdb_id))},
                                {"name", person.name},
                                {"original_name", person.name},
                                {"gender", person.female ? 1 : 2},
                                {"profile_path", Nullable(person.profile_path)}});
  }
  j["created_by"] = creators;
  j["episode_run_time"] = t->runtime > 0 ? WireJson::array({t->runtime}) : WireJson::array();
  j["first_air_date"] = DayString(t->release_day);
  j["genres"] = TmdbGenres(*t);
  j["homepage"] = t->homepage;
  j["id"] = t->tmdb_id;
  j["in_production"] = f.status != "Ended";
  j["languages"] = WireJson::array({t->original_language});
  int32_t last_aired = -1;
  int episodes = 0, seasons = 0;
  WireJson season_arr = WireJson::array();
  for (const Season& s : w.VisibleSeasons(*t, date)) {
    double rating_sum = 0;
    int rated = 0;
    for (int n = 1; n <= s.episode_count; ++n) {
      Episode e = w.EpisodeOf(*t, s, n);
      if (e.air_day > date.days) break;
      last_aired = std::max(last_aired, e.air_day);
      rating_sum += e.rating;
      ++rated;
    }
    if (s.number > 0) {
      ++seasons;
      episodes += s.episode_count;
    }
    // A season announced but not yet scheduled: no date, no episodes yet.
    bool announced = s.air_day > date.days + kScheduledLeadDays;
    season_arr.push_back(
        WireJson{{"air_date", announced ? WireJson(nullptr) : WireJson(DayString(s.air_day))},
                 {"episode_count", announced ? 0 : s.episode_count},
                 {"id", t->tmdb_id * 100 + s.number},
                 {"name", s.number == 0 ? std::string("Specials") : "Season " + std::to_string(s.number)},
                 {"overview", s.number == 1 ? t->overview : std::string()},
                 {"poster_path", announced ? WireJson(nullptr) : Nullable(s.poster_path)},
                 {"season_number", s.number},
                 {"vote_average", rated > 0 ? Round(rating_sum / rated, 10.0) : 0.0}});
  }
  j["last_air_date"] = last_aired >= 0 ? WireJson(DayString(last_aired)) : WireJson(nullptr);
  j["name"] = t->primary_title;
  j["networks"] = TmdbCompanies(w, t->networks, true);
  j["number_of_episodes"] = episodes;
  j["number_of_seasons"] = seasons;
  PutOriginToCompanies(w, *t, date, "original_name", j);
  j["seasons"] = season_arr;
  j["status"] = f.status;
  j["tagline"] = t->tagline;
  j["type"] = t->type == "tvMiniSeries" ? "Miniseries" : "Scripted";
  j["vote_average"] = f.released ? TmdbVoteAverage(*t) : 0.0;
  j["vote_count"] = f.released ? World::Votes(*t, date.days) / 20 : 0;
  // append_to_response=season/N: each answered season inside, under its
  // name; one TMDB does not know is left out, as TMDB does.
  size_t appended = 0;
  if (watch_providers) {
    j["watch/providers"] = WatchProvidersJson(*t, date);
    ++appended;
  }
  for (int n : appended_seasons) {
    if (appended == kMaxAppended) break;
    Result<WireJson> season = TmdbSeasonObject(w, t, id, n, date);
    if (!season.ok()) continue;
    j["season/" + std::to_string(n)] = std::move(*season);
    ++appended;
  }
  return j.dump();
}

Result<std::string> TmdbSeasonJson(const World& w, int64_t id, int season, Date date) {
  ASSIGN_OR_RETURN(const Title* t, AnnouncedTitle(w, Kind::kSeries, id, date));
  ASSIGN_OR_RETURN(WireJson j, TmdbSeasonObject(w, t, id, season, date));
  return j.dump();
}

std::string TmdbFindJson(const World& w, std::string_view imdb_id, Date date) {
  WireJson movies = WireJson::array(), tv = WireJson::array();
  const Title* t = w.FindImdb(imdb_id);
  if (t != nullptr && World::Announced(*t, date)) {
    bool released = date.days >= t->release_day;
    WireJson r;
    r["adult"] = false;
    r["backdrop_path"] = Nullable(t->backdrop_path);
    r["id"] = t->tmdb_id;
    if (t->kind == Kind::kMovie) {
      r["title"] = t->primary_title;
      r["original_title"] = t->original_title;
    } else {
      r["name"] = t->primary_title;
      r["original_name"] = t->original_title;
    }
    r["overview"] = t->overview;
    r["poster_path"] = Nullable(t->poster_path);
    r["media_type"] = t->kind == Kind::kMovie ? "movie" : "tv";
    r["original_language"] = t->original_language;
    r["genre_ids"] = TmdbGenreIds(*t);
    r["popularity"] = w.Popularity(*t, date);
    r[t->kind == Kind::kMovie ? "release_date" : "first_air_date"] = DayString(t->release_day);
    if (t->kind == Kind::kMovie) r["video"] = false;
    r["vote_average"] = released ? TmdbVoteAverage(*t) : 0.0;
    r["vote_count"] = released ? World::Votes(*t, date.days) / 20 : 0;
    (t->kind == Kind::kMovie ? movies : tv).push_back(std::move(r));
  }
  WireJson j;
  j["movie_results"] = movies;
  j["person_results"] = WireJson::array();
  j["tv_results"] = tv;
  j["tv_episode_results"] = WireJson::array();
  j["tv_season_results"] = WireJson::array();
  return j.dump();
}

}  // namespace cinelake::sandbox
