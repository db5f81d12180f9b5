#include "sandbox/world.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

namespace cinelake::sandbox {
namespace {

using nlohmann::json;

Date D(int y, unsigned m, unsigned d) {
  return Date::FromYmd(y, m, d);
}

const World& SharedWorld() {
  static const World* w = new World(42);
  return *w;
}

TEST(SandboxWorldTest, SizesAndIdShapes) {
  const World& w = SharedWorld();
  Date day = D(2026, 5, 1);
  EXPECT_GE(w.AnnouncedTitles(Kind::kMovie, day).size(), 500u);
  EXPECT_GE(w.AnnouncedTitles(Kind::kSeries, day).size(), 250u);
  std::set<std::string> imdb;
  for (const Title& t : w.titles()) {
    ASSERT_TRUE(t.imdb_id.size() == 9 || t.imdb_id.size() == 10) << t.imdb_id;
    ASSERT_EQ(t.imdb_id.substr(0, 2), "tt");
    ASSERT_GT(t.tmdb_id, 0);
    ASSERT_TRUE(imdb.insert(t.imdb_id).second) << "duplicate " << t.imdb_id;
    ASSERT_EQ(w.FindImdb(t.imdb_id), &t);
    ASSERT_EQ(w.FindTmdb(t.kind, t.tmdb_id), &t);
  }
}

TEST(SandboxWorldTest, SameSeedSameBodiesOtherSeedOtherWorld) {
  World a(7), b(7), c(8);
  Date day = D(2026, 3, 14);
  EXPECT_EQ(a.ImdbListJson(Kind::kMovie, day), b.ImdbListJson(Kind::kMovie, day));
  EXPECT_NE(a.ImdbListJson(Kind::kMovie, day), c.ImdbListJson(Kind::kMovie, day));
  const Title* t = a.PopularList(Kind::kSeries, day)[0];
  EXPECT_EQ(*a.TmdbTvJson(t->tmdb_id, day), *b.TmdbTvJson(t->tmdb_id, day));
  EXPECT_EQ(*a.ImdbTitleJson(t->imdb_id, day), *b.ImdbTitleJson(t->imdb_id, day));
}

TEST(SandboxWorldTest, ListsHaveExactlyHundredDistinctAnnouncedTitles) {
  const World& w = SharedWorld();
  for (Date day : {D(2015, 6, 1), D(2026, 1, 1), D(2031, 9, 9), D(2044, 12, 1)}) {
    for (Kind k : {Kind::kMovie, Kind::kSeries}) {
      auto list = w.PopularList(k, day);
      ASSERT_EQ(list.size(), 100u) << day.ToString();
      std::set<const Title*> distinct(list.begin(), list.end());
      EXPECT_EQ(distinct.size(), 100u);
      for (const Title* t : list) {
        EXPECT_EQ(t->kind, k);
        EXPECT_TRUE(World::Announced(*t, day));
      }
    }
  }
}

int Churn(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::set<std::string> sa(a.begin(), a.end());
  int joiners = 0;
  for (const auto& id : b) joiners += sa.count(id) == 0;
  return joiners;
}

TEST(SandboxWorldTest, ListsChurnAtLeastThreeJoinersAndLeaversPerDay) {
  const World& w = SharedWorld();
  for (Kind k : {Kind::kMovie, Kind::kSeries}) {
    Date start = D(2026, 2, 10);
    auto prev = w.PopularIds(k, start);
    int joiners = 0, leavers = 0;
    for (int i = 1; i <= 30; ++i) {
      auto cur = w.PopularIds(k, start + i);
      joiners += Churn(prev, cur);
      leavers += Churn(cur, prev);
      prev = cur;
    }
    EXPECT_GE(joiners / 30.0, 3.0) << (k == Kind::kMovie ? "movies" : "series");
    EXPECT_GE(leavers / 30.0, 3.0);
    EXPECT_LE(joiners / 30.0, 30.0) << "lists should churn, not reshuffle";
  }
}

TEST(SandboxWorldTest, ImdbOrderCorrelatesWithPopularityButNotPerfectly) {
  const World& w = SharedWorld();
  Date day = D(2026, 7, 4);
  auto list = w.PopularList(Kind::kMovie, day);
  int concordant = 0, discordant = 0;
  for (size_t i = 0; i < list.size(); ++i) {
    for (size_t j = i + 1; j < list.size(); ++j) {
      double a = w.Popularity(*list[i], day), b = w.Popularity(*list[j], day);
      if (a > b)
        ++concordant;
      else if (a < b)
        ++discordant;
    }
  }
  EXPECT_GT(concordant, discordant * 2);
  EXPECT_GT(discordant, 0);
}

TEST(SandboxWorldTest, KpiMembersAndSpecialTitlesOnEveryCheckedDate) {
  const World& w = SharedWorld();
  for (Date day : {D(2015, 3, 3), D(2024, 2, 29), D(2026, 11, 23), D(2033, 1, 17), D(2045, 6, 30)}) {
    SCOPED_TRACE(day.ToString());
    bool quick = false, global = false, oncoming = false, binge = false;
    bool xss = false, amelie = false, chihiro = false;
    for (const Title* t : w.PopularList(Kind::kMovie, day)) {
      TitleFacts f = w.Facts(*t, day);
      quick |= f.runtime && *f.runtime <= 90 && f.rating && *f.rating >= 7;
      global |= f.revenue >= 500000000;
      oncoming |= t->release_day > day.days;
      xss |= t->primary_title == World::kXssTitle;
      amelie |= t->primary_title == "Amélie";
      chihiro |= t->primary_title == "千と千尋の神隠し";
    }
    for (const Title* t : w.PopularList(Kind::kSeries, day)) {
      TitleFacts f = w.Facts(*t, day);
      binge |= f.rating && *f.rating >= 7 && f.episodes_aired > 0 && f.avg_episode_runtime <= 45 &&
               f.total_runtime <= 480;
    }
    EXPECT_TRUE(quick);
    EXPECT_TRUE(global);
    EXPECT_TRUE(oncoming);
    EXPECT_TRUE(binge);
    EXPECT_TRUE(xss);
    EXPECT_TRUE(amelie);
    EXPECT_TRUE(chihiro);
  }
}

TEST(SandboxWorldTest, TitlesAppearOverTime) {
  const World& w = SharedWorld();
  const Title* late = nullptr;
  for (const Title& t : w.titles()) {
    if (t.announce_day > D(2030, 1, 1).days) {
      late = &t;
      break;
    }
  }
  ASSERT_NE(late, nullptr);
  Date before = Date{late->announce_day - 1}, after = Date{late->announce_day};
  EXPECT_FALSE(w.ImdbTitleJson(late->imdb_id, before).ok());
  EXPECT_TRUE(w.ImdbTitleJson(late->imdb_id, before).status().IsNotFound());
  EXPECT_TRUE(w.ImdbTitleJson(late->imdb_id, after).ok());
  EXPECT_FALSE(w.TmdbPopularity(late->kind, late->tmdb_id, before).has_value());
  EXPECT_TRUE(w.TmdbPopularity(late->kind, late->tmdb_id, after).has_value());
}

TEST(SandboxWorldTest, ImdbTitleHasFieldsOfApisMd) {
  const World& w = SharedWorld();
  Date day = D(2026, 4, 2);
  const Title* series = w.PopularList(Kind::kSeries, day)[3];
  json j = json::parse(*w.ImdbTitleJson(series->imdb_id, day));
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

TEST(SandboxWorldTest, TmdbBodiesHaveFieldsOfApisMd) {
  const World& w = SharedWorld();
  Date day = D(2026, 4, 2);
  const Title* movie = w.PopularList(Kind::kMovie, day)[5];
  json m = json::parse(*w.TmdbMovieJson(movie->tmdb_id, day));
  for (const char* f : {"popularity", "homepage", "overview", "original_language", "status", "tagline",
                        "budget", "revenue", "production_companies", "imdb_id"}) {
    EXPECT_TRUE(m.contains(f)) << f;
  }
  EXPECT_TRUE(m["popularity"].is_number_float());
  EXPECT_EQ(m["imdb_id"], movie->imdb_id);

  // A series with a visible season and at least one episode aired.
  for (const Title* s : w.PopularList(Kind::kSeries, day)) {
    json tv = json::parse(*w.TmdbTvJson(s->tmdb_id, day));
    for (const char* f : {"popularity", "homepage", "overview", "original_language", "status", "tagline",
                          "created_by", "networks", "production_companies", "seasons"}) {
      ASSERT_TRUE(tv.contains(f)) << f;
    }
    if (tv["seasons"].empty()) continue;
    int n = tv["seasons"].back()["season_number"];
    json season = json::parse(*w.TmdbSeasonJson(s->tmdb_id, n, day));
    ASSERT_FALSE(season["episodes"].empty());
    for (const char* f : {"episode_number", "season_number", "name", "air_date", "episode_type", "still_path",
                          "runtime", "vote_average"}) {
      EXPECT_TRUE(season["episodes"][0].contains(f)) << f;
    }
    EXPECT_FALSE(w.TmdbSeasonJson(s->tmdb_id, 99, day).ok());
    return;
  }
  FAIL() << "no series with seasons on the list";
}

TEST(SandboxWorldTest, SeriesHaveBothStatusesAndAllEpisodeTypes) {
  const World& w = SharedWorld();
  Date day = D(2026, 6, 1);
  std::set<std::string> statuses, types;
  for (const Title* t : w.AnnouncedTitles(Kind::kSeries, day)) {
    statuses.insert(w.TmdbStatus(*t, day));
    for (const Season& s : t->seasons) {
      for (int n = 1; n <= s.episode_count; ++n) types.insert(w.EpisodeOf(*t, s, n).type);
    }
  }
  EXPECT_TRUE(statuses.count("Returning Series"));
  EXPECT_TRUE(statuses.count("Ended"));
  EXPECT_EQ(types, (std::set<std::string>{"finale", "mid_season", "standard"}));
}

TEST(SandboxWorldTest, TmdbIdAnswersArePathsWithAFewBareNumbers) {
  const World& w = SharedWorld();
  Date day = D(2026, 6, 1);
  int paths = 0, bare = 0;
  for (const Title* t : w.AnnouncedTitles(Kind::kMovie, day)) {
    json j = json::parse(*w.ImdbTmdbIdJson(t->imdb_id, day));
    if (j["tmdbId"].is_string() && j["tmdbId"].get<std::string>().rfind("movie/", 0) == 0)
      ++paths;
    else
      ++bare;
  }
  EXPECT_GT(paths, 100);
  EXPECT_GT(bare, 0);
  EXPECT_LT(bare, paths / 10);
}

TEST(SandboxWorldTest, PopularityEvolvesBetweenDays) {
  const World& w = SharedWorld();
  const Title* t = w.PopularList(Kind::kMovie, D(2026, 1, 1))[10];
  std::set<double> values;
  for (int i = 0; i < 10; ++i) values.insert(w.Popularity(*t, D(2026, 1, 1) + i));
  EXPECT_GE(values.size(), 9u);
  EXPECT_NE(w.ImdbListJson(Kind::kMovie, D(2026, 1, 1)), w.ImdbListJson(Kind::kMovie, D(2026, 1, 2)));
}

}  // namespace
}  // namespace cinelake::sandbox
