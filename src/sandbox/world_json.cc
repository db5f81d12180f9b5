// Response bodies of the sandbox: the world rendered in the field names and
// shapes of imdb236 (camelCase) and TMDB v3 (snake_case), per apis.md, plus
// a few extra fields real responses carry (consumers must ignore them).
// Keys keep insertion order (ordered_json), so bodies are byte-stable.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "sandbox/rng.h"
#include "sandbox/vocabulary.h"
#include "sandbox/world.h"

namespace cinelake::sandbox {
namespace {

using Json = nlohmann::ordered_json;

Json Nullable(const std::string& s) {
  return s.empty() ? Json(nullptr) : Json(s);
}

std::string Hex24(uint64_t a, uint64_t b) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%08llx%016llx", static_cast<unsigned long long>(a & 0xffffffffULL),
                static_cast<unsigned long long>(b));
  return buf;
}

double Round(double v, double scale) {
  return std::round(v * scale) / scale;
}

int64_t VotesOn(const Title& t, int32_t day) {
  double age = static_cast<double>(day - t.release_day + 30);
  double f = std::min(1.0, std::sqrt(std::max(0.0, age) / 730.0));
  return std::max<int64_t>(1, static_cast<int64_t>(t.vote_scale * f));
}

double TmdbVoteAverage(const Title& t) {
  double bias = 0.6 * (Unit(Hash(t.key, 11)) - 0.5);
  return Round(std::clamp(t.rating + bias, 0.0, 10.0), 1000.0);
}

Json ImdbPersonRef(const Person& p) {
  return Json{
      {"id", p.imdb_id}, {"url", "https://www.imdb.com/name/" + p.imdb_id + "/"}, {"fullName", p.name}};
}

Json TmdbCompanies(const World& w, const std::vector<int>& ids, bool networks) {
  Json arr = Json::array();
  for (int i : ids) {
    const Company& c = networks ? w.network(i) : w.company(i);
    arr.push_back(Json{
        {"id", c.id}, {"logo_path", Nullable(c.logo_path)}, {"name", c.name}, {"origin_country", c.country}});
  }
  return arr;
}

Json TmdbGenres(const Title& t) {
  Json arr = Json::array();
  auto genres = vocab::Genres();
  std::vector<int> seen;
  for (int g : t.genres) {
    if (std::find(seen.begin(), seen.end(), genres[g].tmdb_id) != seen.end()) continue;
    seen.push_back(genres[g].tmdb_id);
    arr.push_back(Json{{"id", genres[g].tmdb_id}, {"name", std::string(genres[g].tmdb_name)}});
  }
  return arr;
}

Json TmdbGenreIds(const Title& t) {
  Json arr = Json::array();
  for (const auto& g : TmdbGenres(t)) arr.push_back(g["id"]);
  return arr;
}

}  // namespace

namespace {

Json ImdbTitleObject(const World& w, const Title& t, Date date, bool full) {
  TitleFacts f = w.Facts(t, date);
  bool series = t.kind == Kind::kSeries;
  Json j;
  j["id"] = t.imdb_id;
  j["url"] = "https://www.imdb.com/title/" + t.imdb_id + "/";
  j["primaryTitle"] = t.primary_title;
  j["originalTitle"] = t.original_title;
  j["type"] = t.type;
  j["description"] = t.overview;
  j["primaryImage"] = Nullable(t.primary_image);
  j["trailer"] = Nullable(t.trailer);
  j["contentRating"] = t.content_rating;
  j["isAdult"] = false;
  j["startYear"] = Date{t.release_day}.year();
  if (series && f.status == "Ended")
    j["endYear"] = Date{w.LastEpisodeDay(t)}.year();
  else
    j["endYear"] = nullptr;
  j["releaseDate"] = DayString(t.release_day);
  Json interests = Json::array();
  for (int i : t.interests) interests.push_back(w.interest(i));
  j["interests"] = interests;
  j["countriesOfOrigin"] = Json::array({t.country});
  j["spokenLanguages"] = Json::array({t.original_language});
  Json genres = Json::array();
  for (int g : t.genres) genres.push_back(std::string(vocab::Genres()[g].imdb_name));
  j["genres"] = genres;
  j["runtimeMinutes"] = f.runtime ? Json(*f.runtime) : Json(nullptr);
  j["averageRating"] = f.rating ? Json(*f.rating) : Json(nullptr);
  j["numVotes"] = f.released ? Json(VotesOn(t, date.days)) : Json(nullptr);
  j["metascore"] = t.metascore > 0 && f.released ? Json(t.metascore) : Json(nullptr);
  if (!full) return j;

  if (!series) {
    j["budget"] = t.budget > 0 ? Json(t.budget) : Json(nullptr);
    j["grossWorldwide"] = f.revenue > 0 ? Json(f.revenue) : Json(nullptr);
  }
  Json companies = Json::array();
  for (int c : t.companies) {
    companies.push_back(Json{{"id", w.company(c).imdb_id}, {"name", w.company(c).name}});
  }
  j["productionCompanies"] = companies;
  Json directors = Json::array(), writers = Json::array(), cast = Json::array();
  for (int p : t.directors) directors.push_back(ImdbPersonRef(w.person(p)));
  for (int p : t.writers) writers.push_back(ImdbPersonRef(w.person(p)));
  for (const CastMember& m : t.cast) {
    const Person& p = w.person(m.person);
    Json e = ImdbPersonRef(p);
    e["primaryImage"] = Nullable(p.image_url);
    e["job"] = p.female ? "actress" : "actor";
    e["characters"] = m.characters;
    cast.push_back(std::move(e));
  }
  j["directors"] = directors;
  j["writers"] = writers;
  j["cast"] = cast;
  if (series) {
    Json episodes = Json::array();
    for (const Season& s : t.seasons) {
      if (s.number == 0) continue;
      for (int n = 1; n <= s.episode_count; ++n) {
        Episode e = w.EpisodeOf(t, s, n);
        if (e.air_day > date.days) break;
        episodes.push_back(Json{{"seasonNumber", e.season},
                                {"episodeNumber", e.number},
                                {"primaryTitle", e.name},
                                {"originalTitle", e.name},
                                {"runtimeMinutes", e.runtime > 0 ? Json(e.runtime) : Json(nullptr)},
                                {"averageRating", e.rating},
                                {"numVotes", e.votes},
                                {"releaseDate", DayString(e.air_day)}});
      }
    }
    j["episodes"] = episodes;
  }
  return j;
}

Status Unknown(std::string_view what, std::string_view id, Date date) {
  return Status::NotFound(std::string(what) + " " + std::string(id) + " is unknown on " + date.ToString());
}

}  // namespace

std::string World::ImdbListJson(Kind kind, Date date) const {
  Json arr = Json::array();
  for (const Title* t : PopularList(kind, date)) arr.push_back(ImdbTitleObject(*this, *t, date, false));
  return arr.dump();
}

Result<std::string> World::ImdbTitleJson(std::string_view imdb_id, Date date) const {
  const Title* t = FindImdb(imdb_id);
  if (t == nullptr || !Announced(*t, date)) return Unknown("title", imdb_id, date);
  return ImdbTitleObject(*this, *t, date, true).dump();
}

Result<std::string> World::ImdbTmdbIdJson(std::string_view imdb_id, Date date) const {
  const Title* t = FindImdb(imdb_id);
  if (t == nullptr || !Announced(*t, date)) return Unknown("title", imdb_id, date);
  Json j;
  j["imdbId"] = t->imdb_id;
  std::string path = (t->kind == Kind::kMovie ? "movie/" : "tv/") + std::to_string(t->tmdb_id);
  if (t->tmdb_id_style == 1)
    j["tmdbId"] = std::to_string(t->tmdb_id);
  else if (t->tmdb_id_style == 2)
    j["tmdbId"] = t->tmdb_id;
  else
    j["tmdbId"] = path;
  return j.dump();
}

Result<std::string> World::TmdbMovieJson(int64_t id, Date date) const {
  const Title* t = FindTmdb(Kind::kMovie, id);
  if (t == nullptr || !Announced(*t, date)) return Unknown("movie", std::to_string(id), date);
  TitleFacts f = Facts(*t, date);
  Json j;
  j["adult"] = false;
  j["backdrop_path"] = Nullable(t->backdrop_path);
  j["belongs_to_collection"] = nullptr;
  j["budget"] = t->budget;
  j["genres"] = TmdbGenres(*t);
  j["homepage"] = t->homepage;
  j["id"] = t->tmdb_id;
  j["imdb_id"] = t->imdb_id;
  j["origin_country"] = Json::array({t->country});
  j["original_language"] = t->original_language;
  j["original_title"] = t->original_title;
  j["overview"] = t->overview;
  j["popularity"] = Popularity(*t, date);
  j["poster_path"] = Nullable(t->poster_path);
  j["production_companies"] = TmdbCompanies(*this, t->companies, false);
  j["production_countries"] = Json::array({Json{{"iso_3166_1", t->country}}});
  j["release_date"] = DayString(t->release_day);
  j["revenue"] = f.revenue;
  j["runtime"] = f.runtime ? *f.runtime : 0;
  j["spoken_languages"] = Json::array({Json{{"iso_639_1", t->original_language}}});
  j["status"] = f.status;
  j["tagline"] = t->tagline;
  j["title"] = t->primary_title;
  j["video"] = false;
  j["vote_average"] = f.released ? TmdbVoteAverage(*t) : 0.0;
  j["vote_count"] = f.released ? VotesOn(*t, date.days) / 20 : 0;
  return j.dump();
}

Result<std::string> World::TmdbTvJson(int64_t id, Date date) const {
  const Title* t = FindTmdb(Kind::kSeries, id);
  if (t == nullptr || !Announced(*t, date)) return Unknown("tv", std::to_string(id), date);
  TitleFacts f = Facts(*t, date);
  Json j;
  j["adult"] = false;
  j["backdrop_path"] = Nullable(t->backdrop_path);
  Json creators = Json::array();
  for (int p : t->creators) {
    const Person& person = people_[p];
    creators.push_back(Json{{"id", person.tmdb_id},
                            {"credit_id", Hex24(t->key, Hash(t->key, person.tmdb_id))},
                            {"name", person.name},
                            {"original_name", person.name},
                            {"gender", person.female ? 1 : 2},
                            {"profile_path", Nullable(person.profile_path)}});
  }
  j["created_by"] = creators;
  j["episode_run_time"] = Json::array({t->runtime});
  j["first_air_date"] = DayString(t->release_day);
  j["genres"] = TmdbGenres(*t);
  j["homepage"] = t->homepage;
  j["id"] = t->tmdb_id;
  j["in_production"] = f.status != "Ended";
  j["languages"] = Json::array({t->original_language});
  int32_t last_aired = -1;
  int episodes = 0, seasons = 0;
  Json season_arr = Json::array();
  for (const Season& s : VisibleSeasons(*t, date)) {
    double rating_sum = 0;
    int rated = 0;
    for (int n = 1; n <= s.episode_count; ++n) {
      Episode e = EpisodeOf(*t, s, n);
      if (e.air_day > date.days) break;
      last_aired = std::max(last_aired, e.air_day);
      rating_sum += e.rating;
      ++rated;
    }
    if (s.number > 0) {
      ++seasons;
      episodes += s.episode_count;
    }
    season_arr.push_back(
        Json{{"air_date", DayString(s.air_day)},
             {"episode_count", s.episode_count},
             {"id", t->tmdb_id * 100 + s.number},
             {"name", s.number == 0 ? std::string("Specials") : "Season " + std::to_string(s.number)},
             {"overview", s.number == 1 ? t->overview : std::string()},
             {"poster_path", Nullable(s.poster_path)},
             {"season_number", s.number},
             {"vote_average", rated > 0 ? Round(rating_sum / rated, 10.0) : 0.0}});
  }
  j["last_air_date"] = last_aired >= 0 ? Json(DayString(last_aired)) : Json(nullptr);
  j["name"] = t->primary_title;
  j["networks"] = TmdbCompanies(*this, t->networks, true);
  j["number_of_episodes"] = episodes;
  j["number_of_seasons"] = seasons;
  j["origin_country"] = Json::array({t->country});
  j["original_language"] = t->original_language;
  j["original_name"] = t->original_title;
  j["overview"] = t->overview;
  j["popularity"] = Popularity(*t, date);
  j["poster_path"] = Nullable(t->poster_path);
  j["production_companies"] = TmdbCompanies(*this, t->companies, false);
  j["seasons"] = season_arr;
  j["status"] = f.status;
  j["tagline"] = t->tagline;
  j["type"] = t->type == "tvMiniSeries" ? "Miniseries" : "Scripted";
  j["vote_average"] = f.released ? TmdbVoteAverage(*t) : 0.0;
  j["vote_count"] = f.released ? VotesOn(*t, date.days) / 20 : 0;
  return j.dump();
}

Result<std::string> World::TmdbSeasonJson(int64_t id, int season, Date date) const {
  const Title* t = FindTmdb(Kind::kSeries, id);
  if (t == nullptr || !Announced(*t, date)) return Unknown("tv", std::to_string(id), date);
  for (const Season& s : VisibleSeasons(*t, date)) {
    if (s.number != season) continue;
    Json episodes = Json::array();
    double rating_sum = 0;
    int rated = 0;
    for (int n = 1; n <= s.episode_count; ++n) {
      Episode e = EpisodeOf(*t, s, n);
      bool aired = e.air_day <= date.days;
      double va =
          aired ? Round(std::clamp(e.rating + 0.4 * (Unit(Hash(t->key, season, n, 5)) - 0.5), 0.0, 10.0),
                        1000.0)
                : 0.0;
      if (aired) {
        rating_sum += va;
        ++rated;
      }
      episodes.push_back(Json{{"air_date", DayString(e.air_day)},
                              {"episode_number", e.number},
                              {"episode_type", e.type},
                              {"id", t->tmdb_id * 10000 + season * 100 + n},
                              {"name", e.name},
                              {"overview", ""},
                              {"production_code", ""},
                              {"runtime", e.runtime > 0 ? Json(e.runtime) : Json(nullptr)},
                              {"season_number", e.season},
                              {"show_id", t->tmdb_id},
                              {"still_path", aired ? Nullable(e.still_path) : Json(nullptr)},
                              {"vote_average", va},
                              {"vote_count", aired ? e.votes / 25 : 0}});
    }
    Json j;
    j["_id"] = Hex24(t->key ^ static_cast<uint64_t>(season), Hash(t->key, season));
    j["air_date"] = DayString(s.air_day);
    j["episodes"] = episodes;
    j["name"] = season == 0 ? std::string("Specials") : "Season " + std::to_string(season);
    j["overview"] = season == 1 ? t->overview : std::string();
    j["id"] = t->tmdb_id * 100 + season;
    j["poster_path"] = Nullable(s.poster_path);
    j["season_number"] = season;
    j["vote_average"] = rated > 0 ? Round(rating_sum / rated, 10.0) : 0.0;
    return j.dump();
  }
  return Unknown("season", std::to_string(id) + "/season/" + std::to_string(season), date);
}

std::string World::TmdbFindJson(std::string_view imdb_id, Date date) const {
  Json movies = Json::array(), tv = Json::array();
  const Title* t = FindImdb(imdb_id);
  if (t != nullptr && Announced(*t, date)) {
    bool released = date.days >= t->release_day;
    Json r;
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
    r["popularity"] = Popularity(*t, date);
    r[t->kind == Kind::kMovie ? "release_date" : "first_air_date"] = DayString(t->release_day);
    if (t->kind == Kind::kMovie) r["video"] = false;
    r["vote_average"] = released ? TmdbVoteAverage(*t) : 0.0;
    r["vote_count"] = released ? VotesOn(*t, date.days) / 20 : 0;
    (t->kind == Kind::kMovie ? movies : tv).push_back(std::move(r));
  }
  Json j;
  j["movie_results"] = movies;
  j["person_results"] = Json::array();
  j["tv_results"] = tv;
  j["tv_episode_results"] = Json::array();
  j["tv_season_results"] = Json::array();
  return j.dump();
}

}  // namespace cinelake::sandbox
