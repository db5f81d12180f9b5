#include "sandbox/world.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "sandbox/imdb_json.h"
#include "sandbox/tmdb_json.h"

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
  EXPECT_EQ(ImdbListJson(a, Kind::kMovie, day), ImdbListJson(b, Kind::kMovie, day));
  EXPECT_NE(ImdbListJson(a, Kind::kMovie, day), ImdbListJson(c, Kind::kMovie, day));
  const Title* t = a.PopularList(Kind::kSeries, day)[0];
  EXPECT_EQ(*TmdbTvJson(a, t->tmdb_id, day), *TmdbTvJson(b, t->tmdb_id, day));
  EXPECT_EQ(*ImdbTitleJson(a, t->imdb_id, day), *ImdbTitleJson(b, t->imdb_id, day));
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
  EXPECT_FALSE(ImdbTitleJson(w, late->imdb_id, before).ok());
  EXPECT_TRUE(ImdbTitleJson(w, late->imdb_id, before).status().IsNotFound());
  EXPECT_TRUE(ImdbTitleJson(w, late->imdb_id, after).ok());
  EXPECT_FALSE(w.TmdbPopularity(late->kind, late->tmdb_id, before).has_value());
  EXPECT_TRUE(w.TmdbPopularity(late->kind, late->tmdb_id, after).has_value());
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

TEST(SandboxWorldTest, PopularityEvolvesBetweenDays) {
  const World& w = SharedWorld();
  const Title* t = w.PopularList(Kind::kMovie, D(2026, 1, 1))[10];
  std::set<double> values;
  for (int i = 0; i < 10; ++i) values.insert(w.Popularity(*t, D(2026, 1, 1) + i));
  EXPECT_GE(values.size(), 9u);
  EXPECT_NE(ImdbListJson(w, Kind::kMovie, D(2026, 1, 1)), ImdbListJson(w, Kind::kMovie, D(2026, 1, 2)));
}

}  // namespace
}  // namespace cinelake::sandbox
