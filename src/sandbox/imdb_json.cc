// The imdb236 wire JSON: see imdb_json.h.
#include "sandbox/imdb_json.h"

#include <cmath>

#include "sandbox/vocabulary.h"
#include "sandbox/wire_json.h"

namespace cinelake::sandbox {
namespace {

WireJson ImdbPersonRef(const Person& p) {
  return WireJson{
      {"id", p.imdb_id}, {"url", "https://www.imdb.com/name/" + p.imdb_id + "/"}, {"fullName", p.name}};
}

// imdb236 sends a whole-number rating as an integer (8, not 8.0).
WireJson Rating(double rating) {
  double whole = std::round(rating);
  if (std::fabs(rating - whole) < 1e-9) return WireJson(static_cast<int64_t>(whole));
  return WireJson(rating);
}

WireJson Thumbnails(const std::string& image) {
  WireJson arr = WireJson::array();
  if (image.empty()) return arr;  // a null primaryImage comes with no thumbnails
  std::string base = image.substr(0, image.rfind('.'));
  arr.push_back(WireJson{{"url", base + "._V1_QL75_UX380_.jpg"}, {"width", 380}, {"height", 562}});
  return arr;
}

// A crew entry of `cast`: real answers list the crew there, one entry per job.
WireJson CrewEntry(const Person& p, const char* job) {
  WireJson e = ImdbPersonRef(p);
  e["primaryImage"] = Nullable(p.image_url);
  e["thumbnails"] = Thumbnails(p.image_url);
  e["job"] = job;
  e["characters"] = WireJson::array();
  return e;
}

// Popular-list entries carry every field of the detail but the people.
WireJson ImdbTitleObject(const World& w, const Title& t, Date date, bool full) {
  TitleFacts f = w.Facts(t, date);
  bool series = t.kind == Kind::kSeries;
  WireJson j;
  j["id"] = t.imdb_id;
  j["url"] = "https://www.imdb.com/title/" + t.imdb_id + "/";
  j["primaryTitle"] = t.primary_title;
  j["originalTitle"] = t.original_title;
  j["type"] = t.type;
  j["description"] = t.overview;
  j["primaryImage"] = Nullable(t.primary_image);
  j["thumbnails"] = Thumbnails(t.primary_image);
  j["trailer"] = Nullable(t.trailer);
  j["contentRating"] = t.content_rating;
  j["isAdult"] = false;
  j["startYear"] = Date{t.release_day}.year();
  if (series && f.status == "Ended")
    j["endYear"] = Date{w.LastEpisodeDay(t)}.year();
  else
    j["endYear"] = nullptr;
  j["releaseDate"] = DayString(t.release_day);
  WireJson interests = WireJson::array();
  for (int i : t.interests) interests.push_back(w.interest(i));
  j["interests"] = interests;
  j["countriesOfOrigin"] = WireJson::array({t.country});
  j["spokenLanguages"] = WireJson::array({t.original_language});
  WireJson genres = WireJson::array();
  for (int g : t.genres) genres.push_back(std::string(vocab::Genres()[g].imdb_name));
  j["genres"] = genres;
  j["runtimeMinutes"] = f.runtime ? WireJson(*f.runtime) : WireJson(nullptr);
  j["averageRating"] = f.rating ? Rating(*f.rating) : WireJson(nullptr);
  j["numVotes"] = f.released ? WireJson(World::Votes(t, date.days)) : WireJson(nullptr);
  j["metascore"] = t.metascore > 0 && f.released ? WireJson(t.metascore) : WireJson(nullptr);
  if (!series) {
    j["budget"] = t.budget > 0 ? WireJson(t.budget) : WireJson(nullptr);
    j["grossWorldwide"] = f.revenue > 0 ? WireJson(f.revenue) : WireJson(nullptr);
  } else {
    j["budget"] = nullptr;
    j["grossWorldwide"] = nullptr;
  }
  WireJson companies = WireJson::array();
  for (int c : t.companies) {
    companies.push_back(WireJson{{"id", w.company(c).imdb_id}, {"name", w.company(c).name}});
  }
  j["productionCompanies"] = companies;
  if (!full) return j;

  // No episodes: real details carry none (TMDB's seasons are the source).
  WireJson directors = WireJson::array(), writers = WireJson::array(), cast = WireJson::array();
  for (int p : t.directors) directors.push_back(ImdbPersonRef(w.person(p)));
  for (int p : t.writers) writers.push_back(ImdbPersonRef(w.person(p)));
  for (const CastMember& m : t.cast) {
    const Person& p = w.person(m.person);
    WireJson e = ImdbPersonRef(p);
    e["primaryImage"] = Nullable(p.image_url);
    e["thumbnails"] = Thumbnails(p.image_url);
    e["job"] = p.female ? "actress" : "actor";
    e["characters"] = m.characters;
    cast.push_back(std::move(e));
  }
  for (int p : t.directors) cast.push_back(CrewEntry(w.person(p), "director"));
  for (int p : t.writers) cast.push_back(CrewEntry(w.person(p), "writer"));
  for (int p : t.directors) cast.push_back(CrewEntry(w.person(p), "producer"));  // the same person again
  if (!t.writers.empty()) cast.push_back(CrewEntry(w.person(t.writers.back()), "composer"));
  j["directors"] = directors;
  j["writers"] = writers;
  j["cast"] = cast;
  return j;
}

}  // namespace

std::string ImdbListJson(const World& w, Kind kind, Date date) {
  WireJson arr = WireJson::array();
  for (const Title* t : w.PopularList(kind, date)) arr.push_back(ImdbTitleObject(w, *t, date, false));
  return arr.dump();
}

Result<std::string> ImdbTitleJson(const World& w, std::string_view imdb_id, Date date) {
  const Title* t = w.FindImdb(imdb_id);
  if (t == nullptr || !World::Announced(*t, date)) return UnknownOn("title", imdb_id, date);
  return ImdbTitleObject(w, *t, date, true).dump();
}

Result<std::string> ImdbTmdbIdJson(const World& w, std::string_view imdb_id, Date date) {
  const Title* t = w.FindImdb(imdb_id);
  if (t == nullptr || !World::Announced(*t, date)) return UnknownOn("title", imdb_id, date);
  WireJson j;
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

}  // namespace cinelake::sandbox
