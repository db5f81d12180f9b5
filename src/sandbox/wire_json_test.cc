#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "sandbox/imdb_json.h"
#include "sandbox/tmdb_json.h"

namespace cinelake::sandbox {
namespace {

using nlohmann::json;

const World& SharedWorld() {
  static const World* world = new World(42);
  return *world;
}

TEST(SandboxImdbJsonTest, ImdbTitleHasTheRealShape) {
  const World& w = SharedWorld();
  Date day = Date::FromYmd(2026, 4, 2);
  const Title* series = w.PopularList(Kind::kSeries, day)[3];
  json j = json::parse(*ImdbTitleJson(w, series->imdb_id, day));
  for (const char* f : {"id", "type", "primaryTitle", "originalTitle", "releaseDate", "startYear", "endYear",
                        "trailer", "runtimeMinutes", "primaryImage", "thumbnails", "averageRating",
                        "numVotes", "genres", "interests", "directors", "writers", "cast"}) {
    EXPECT_TRUE(j.contains(f)) << f;
  }
  EXPECT_FALSE(j.contains("episodes"));  // real details carry none
  ASSERT_FALSE(j["cast"].empty());
  for (const char* f : {"id", "fullName", "url", "primaryImage", "job", "characters"}) {
    EXPECT_TRUE(j["cast"][0].contains(f)) << f;
  }
  EXPECT_EQ(j["cast"][0]["id"].get<std::string>().substr(0, 2), "nm");
  EXPECT_TRUE(j["cast"][0]["characters"].is_array());
}

TEST(SandboxImdbJsonTest, CastCarriesTheCrewOnePerJob) {
  const World& w = SharedWorld();
  Date day = Date::FromYmd(2026, 4, 2);
  const Title* movie = w.PopularList(Kind::kMovie, day)[2];
  json j = json::parse(*ImdbTitleJson(w, movie->imdb_id, day));
  ASSERT_FALSE(j["directors"].empty());
  std::string director = j["directors"][0]["id"];
  std::vector<std::string> director_jobs;
  bool actors_first = true, crew_seen = false;
  for (const auto& c : j["cast"]) {
    std::string job = c["job"];
    bool acting = job == "actor" || job == "actress";
    if (!acting) crew_seen = true;
    if (acting && crew_seen) actors_first = false;
    if (c["id"] == director) director_jobs.push_back(job);
  }
  EXPECT_TRUE(actors_first);
  EXPECT_EQ(director_jobs, (std::vector<std::string>{"director", "producer"}));
}

TEST(SandboxImdbJsonTest, ListEntriesCarryTheDetailFieldsAndSomeIntegerRatings) {
  const World& w = SharedWorld();
  Date day = Date::FromYmd(2026, 4, 2);
  int integers = 0, rated = 0;
  for (Kind kind : {Kind::kMovie, Kind::kSeries}) {
    json list = json::parse(ImdbListJson(w, kind, day));
    ASSERT_EQ(list.size(), 100u);
    for (const auto& e : list) {
      for (const char* f : {"primaryTitle", "originalTitle", "description", "primaryImage", "thumbnails",
                            "releaseDate", "startYear", "runtimeMinutes", "genres", "interests",
                            "averageRating", "numVotes", "budget", "grossWorldwide"}) {
        ASSERT_TRUE(e.contains(f)) << f;
      }
      EXPECT_FALSE(e.contains("cast"));
      if (e["averageRating"].is_number()) ++rated;
      if (e["averageRating"].is_number_integer()) ++integers;
    }
  }
  EXPECT_GT(integers, 0);
  EXPECT_LT(integers, rated);
}

TEST(SandboxImdbJsonTest, TmdbIdAnswersArePathsWithAFewBareNumbers) {
  const World& w = SharedWorld();
  Date day = Date::FromYmd(2026, 6, 1);
  int paths = 0, bare = 0;
  for (const Title* t : w.AnnouncedTitles(Kind::kMovie, day)) {
    json j = json::parse(*ImdbTmdbIdJson(w, t->imdb_id, day));
    if (j["tmdbId"].is_string() && j["tmdbId"].get<std::string>().rfind("movie/", 0) == 0)
      ++paths;
    else
      ++bare;
  }
  EXPECT_GT(paths, 100);
  EXPECT_GT(bare, 0);
  EXPECT_LT(bare, paths / 10);
}

TEST(SandboxTmdbJsonTest, TmdbBodiesHaveFieldsOfApisMd) {
  const World& w = SharedWorld();
  Date day = Date::FromYmd(2026, 4, 2);
  const Title* movie = w.PopularList(Kind::kMovie, day)[5];
  json m = json::parse(*TmdbMovieJson(w, movie->tmdb_id, day));
  for (const char* f : {"popularity", "homepage", "overview", "original_language", "status", "tagline",
                        "budget", "revenue", "production_companies", "imdb_id"}) {
    EXPECT_TRUE(m.contains(f)) << f;
  }
  EXPECT_TRUE(m["popularity"].is_number_float());
  EXPECT_EQ(m["imdb_id"], movie->imdb_id);

  // A series with a visible season and at least one episode aired.
  for (const Title* s : w.PopularList(Kind::kSeries, day)) {
    json tv = json::parse(*TmdbTvJson(w, s->tmdb_id, day));
    for (const char* f : {"popularity", "homepage", "overview", "original_language", "status", "tagline",
                          "created_by", "networks", "production_companies", "seasons"}) {
      ASSERT_TRUE(tv.contains(f)) << f;
    }
    if (tv["seasons"].empty()) continue;
    int n = tv["seasons"].back()["season_number"];
    json season = json::parse(*TmdbSeasonJson(w, s->tmdb_id, n, day));
    ASSERT_FALSE(season["episodes"].empty());
    for (const char* f : {"episode_number", "season_number", "name", "air_date", "episode_type", "still_path",
                          "runtime", "vote_average", "vote_count"}) {
      EXPECT_TRUE(season["episodes"][0].contains(f)) << f;
    }
    EXPECT_FALSE(TmdbSeasonJson(w, s->tmdb_id, 99, day).ok());
    // The same season inside the series' detail.
    json appended = json::parse(*TmdbTvJson(w, s->tmdb_id, day, {n, 99}));
    EXPECT_EQ(appended["season/" + std::to_string(n)], season);
    EXPECT_FALSE(appended.contains("season/99"));
    return;
  }
  FAIL() << "no series with seasons on the list";
}

TEST(SandboxTmdbJsonTest, FarSeasonsAreAnnouncedWithoutDateOrEpisodes) {
  const World& w = SharedWorld();
  int announced = 0;
  for (int month = 1; month <= 12 && announced == 0; ++month) {
    Date day = Date::FromYmd(2026, month, 1);
    for (const Title* s : w.PopularList(Kind::kSeries, day)) {
      json tv = json::parse(*TmdbTvJson(w, s->tmdb_id, day));
      for (const auto& season : tv["seasons"]) {
        if (!season["air_date"].is_null()) continue;
        ++announced;
        EXPECT_EQ(season["episode_count"], 0);
        EXPECT_TRUE(season["poster_path"].is_null());
      }
    }
  }
  EXPECT_GT(announced, 0);
}

}  // namespace
}  // namespace cinelake::sandbox
