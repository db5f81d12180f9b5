#include "jobs/enrich/enrich_rows.h"

#include <gtest/gtest.h>

#include "lake/schemas.h"

namespace cinelake {
namespace {

ImdbTitle SampleSeries() {
  ImdbTitle t;
  t.id = "tt0000001";
  t.type = "tvSeries";
  t.primary_title = "Shoresy";
  t.average_rating = 8.6;
  t.num_votes = 12345;
  t.genres = {"Comedy", "Drama", "Comedy"};
  t.interests = {"Sitcom"};
  t.directors.push_back({std::string("nm1"), std::string("Dee Rector"), std::nullopt});
  t.cast.push_back({std::string("nm2"),
                    std::string("Lead"),
                    std::nullopt,
                    std::string("https://img/2.jpg"),
                    std::string("actor"),
                    {"Shoresy", "Narrator"}});
  t.cast.push_back(
      {std::string("nm3"), std::string("Second"), std::nullopt, std::nullopt, std::string("actress"), {}});
  ImdbEpisode e;
  e.season_number = 1;
  e.episode_number = 2;
  e.primary_title = "Pilot Part Two";
  e.runtime_minutes = 24;
  e.average_rating = 8.1;
  e.num_votes = 900;
  t.episodes.push_back(e);
  return t;
}

TmdbDetails SampleTv() {
  TmdbDetails d;
  d.ref = {TmdbRef::Kind::kTv, 42};
  TmdbTv tv;
  tv.status = "Ended";
  tv.overview = "Hockey.";
  tv.created_by.push_back({int64_t{77}, std::string("Creator"), std::string("/c.jpg")});
  tv.networks.push_back({int64_t{5}, std::string("Hulu"), std::string("/hulu.png")});
  tv.networks.push_back({int64_t{6}, std::string("NoLogo"), std::nullopt});
  tv.seasons.push_back(
      {1, std::string("Season 1"), std::nullopt, std::string("2022-05-01"), 6, std::nullopt});
  d.tv = tv;
  return d;
}

TEST(EnrichRowsTest, MapsEveryFieldAsTheDataModelSays) {
  StgTables out = StgTables::Empty();
  std::map<EpisodeKey, EpisodeTmdbPart> eps;
  eps[{1, 2}] = {std::string("TMDB name"),
                 std::string("/still.jpg"),
                 std::string("finale"),
                 std::string("2022-05-08"),
                 25,
                 7.0};
  eps[{1, 3}] = {std::string("Only on TMDB"), std::nullopt, std::string("standard"), std::nullopt, 23, 6.5};
  ImdbTitle imdb = SampleSeries();
  TmdbDetails tv = SampleTv();
  AppendTitleRows("tt0000001", "tvSeries", imdb, &tv, eps, 100, 200, &out);

  const Table& d = out[std::string(tables::kContentDetail)];
  ASSERT_EQ(d.num_rows(), 1u);
  EXPECT_EQ(d.column("status").String(0), "Ended");
  EXPECT_EQ(d.column("vote_count").Int32(0), 12345);
  EXPECT_TRUE(d.column("budget").IsNull(0)) << "series have no budget";
  EXPECT_EQ(d.column("created_at").Int64(0), 100);
  EXPECT_EQ(d.column("updated_at").Int64(0), 200);

  const Table& p = out[std::string(tables::kContentPerson)];
  ASSERT_EQ(p.num_rows(), 4u) << p.ToString();
  EXPECT_EQ(p.column("role_type").String(0), "director");
  EXPECT_EQ(p.column("person_id").String(1), "nm2");
  EXPECT_EQ(p.column("order_no").Int32(1), 1);
  EXPECT_EQ(p.column("character_names").ListSize(1), 2u);
  EXPECT_EQ(p.column("order_no").Int32(2), 2);
  EXPECT_EQ(p.column("role_type").String(2), "actress");
  EXPECT_EQ(p.column("person_id").String(3), "tmdb:77") << "TMDB people never collide with nm ids";
  EXPECT_EQ(p.column("role_type").String(3), "creator");
  EXPECT_EQ(p.column("person_poster").String(3), "https://image.tmdb.org/t/p/w185/c.jpg");

  EXPECT_EQ(out[std::string(tables::kContentGenre)].num_rows(), 2u) << "genres are distinct";
  const Table& n = out[std::string(tables::kContentNetwork)];
  ASSERT_EQ(n.num_rows(), 2u);
  EXPECT_EQ(n.column("network_poster").String(0), "https://image.tmdb.org/t/p/w92/hulu.png");
  EXPECT_TRUE(n.column("network_poster").IsNull(1));
  EXPECT_EQ(out[std::string(tables::kContentSeason)].num_rows(), 1u);

  const Table& e = out[std::string(tables::kContentEpisode)];
  ASSERT_EQ(e.num_rows(), 2u);
  EXPECT_EQ(e.column("primary_title").String(0), "Pilot Part Two") << "IMDB gives the title";
  EXPECT_EQ(e.column("runtime_minutes").Int32(0), 24) << "IMDB gives the runtime";
  EXPECT_EQ(e.column("episode_type").String(0), "finale") << "TMDB gives the type";
  EXPECT_EQ(e.column("still_path").String(0), "https://image.tmdb.org/t/p/w300/still.jpg");
  EXPECT_EQ(e.column("primary_title").String(1), "Only on TMDB");
  EXPECT_TRUE(e.column("vote_count").IsNull(1));
}

TEST(EnrichRowsTest, MissingTmdbLeavesTmdbFieldsNull) {
  StgTables out = StgTables::Empty();
  ImdbTitle imdb = SampleSeries();
  AppendTitleRows("tt0000001", "tvSeries", imdb, nullptr, {}, 1, 1, &out);
  const Table& d = out[std::string(tables::kContentDetail)];
  EXPECT_TRUE(d.column("overview").IsNull(0));
  EXPECT_TRUE(d.column("status").IsNull(0));
  EXPECT_EQ(d.column("primary_title").String(0), "Shoresy");
  EXPECT_EQ(out[std::string(tables::kContentNetwork)].num_rows(), 0u);
  EXPECT_TRUE(TmdbImageUrl(std::string("https://x/y.jpg"), "w92") == std::string("https://x/y.jpg"));
  EXPECT_FALSE(TmdbImageUrl(std::string(""), "w92").has_value());
}

}  // namespace
}  // namespace cinelake
