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

TEST(SandboxImdbJsonTest, ImdbTitleHasFieldsOfApisMd) {
  const World& w = SharedWorld();
  Date day = Date::FromYmd(2026, 4, 2);
  const Title* series = w.PopularList(Kind::kSeries, day)[3];
  json j = json::parse(*ImdbTitleJson(w, series->imdb_id, day));
  for (const char* f : {"id", "type", "primaryTitle", "originalTitle", "releaseDate", "startYear", "endYear",
                        "trailer", "runtimeMinutes", "primaryImage", "averageRating", "numVotes", "genres",
                        "interests", "directors", "writers", "cast", "episodes"}) {
    EXPECT_TRUE(j.contains(f)) << f;
  }
  ASSERT_FALSE(j["cast"].empty());
  for (const char* f : {"id", "fullName", "url", "primaryImage", "job", "characters"}) {
    EXPECT_TRUE(j["cast"][0].contains(f)) << f;
  }
  EXPECT_EQ(j["cast"][0]["id"].get<std::string>().substr(0, 2), "nm");
  EXPECT_TRUE(j["cast"][0]["characters"].is_array());
  if (!j["episodes"].empty()) {
    for (const char* f : {"seasonNumber", "episodeNumber", "primaryTitle", "originalTitle", "runtimeMinutes",
                          "averageRating", "numVotes"}) {
      EXPECT_TRUE(j["episodes"][0].contains(f)) << f;
    }
  }
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
                          "runtime", "vote_average"}) {
      EXPECT_TRUE(season["episodes"][0].contains(f)) << f;
    }
    EXPECT_FALSE(TmdbSeasonJson(w, s->tmdb_id, 99, day).ok());
    return;
  }
  FAIL() << "no series with seasons on the list";
}

}  // namespace
}  // namespace cinelake::sandbox
