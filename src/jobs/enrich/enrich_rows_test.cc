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
  tv.details.values["status"] = std::string("Ended");
  tv.details.values["homepage"] = std::string("https://shoresy.example/");
  tv.overview = "Hockey.";
  tv.created_by.push_back({int64_t{77}, std::string("Creator"), std::string("/c.jpg")});
  tv.networks.push_back({int64_t{5}, std::string("Hulu"), std::string("/hulu.png")});
  tv.networks.push_back({int64_t{6}, std::string("NoLogo"), std::nullopt});
  tv.seasons.push_back(
      {1, std::string("Season 1"), std::nullopt, std::string("2022-05-01"), 6, std::nullopt, std::nullopt});
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
                 7.0,
                 std::nullopt};
  eps[{1, 3}] = {std::string("Only on TMDB"),
                 std::nullopt,
                 std::string("standard"),
                 std::nullopt,
                 23,
                 6.5,
                 std::nullopt};
  ImdbTitle imdb = SampleSeries();
  TmdbDetails tv = SampleTv();
  AppendTitleRows("tt0000001", "tvSeries", imdb, &tv, eps, 100, 200, &out);

  const Table& d = out[std::string(tables::kContentDetail)];
  ASSERT_EQ(d.num_rows(), 1u);
  EXPECT_EQ(d.column("status").String(0), "Ended");
  EXPECT_EQ(d.column("content_homepage").String(0), "https://shoresy.example/");
  EXPECT_TRUE(d.column("tagline").IsNull(0)) << "not sent";
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

// Each pass-through field lands in a column of that name and kind in
// content_detail, and dim_content has it too (the model copies by name).
TEST(EnrichRowsTest, EveryPassThroughFieldHasItsColumnInStgAndGold) {
  auto type_of = [](DetailKind k) {
    switch (k) {
      case DetailKind::kText: return DataType::kString;
      case DetailKind::kInt64: return DataType::kInt64;
      case DetailKind::kDouble: return DataType::kDouble;
      case DetailKind::kBool: return DataType::kBool;
    }
    return DataType::kString;
  };
  for (const TmdbDetailField& f : TmdbDetailFields()) {
    for (auto table : {tables::kContentDetail, tables::kDimContent}) {
      const Schema& schema = TableByName(table).schema;
      int i = schema.FieldIndex(f.column);
      ASSERT_GE(i, 0) << f.column << " missing from " << table;
      EXPECT_EQ(schema.field(i).type, type_of(f.kind)) << f.column << " in " << table;
    }
  }
}

// imdb236 puts the crew inside `cast`, one entry per job.
ImdbTitle MovieWithCrewInCast() {
  ImdbTitle t;
  t.id = "tt0000002";
  t.type = "movie";
  t.directors.push_back({std::string("nm10"), std::string("Dir"), std::nullopt});
  t.writers.push_back({std::string("nm11"), std::string("Wri"), std::nullopt});
  t.writers.push_back({std::string("nm10"), std::string("Dir"), std::nullopt});
  auto add = [&](const char* id, const char* job, std::optional<std::string> photo,
                 std::vector<std::string> chars) {
    t.cast.push_back({std::string(id), std::string(id), std::nullopt, photo, std::string(job), chars});
  };
  add("nm20", "actress", "https://img/20.jpg", {"Ann"});
  add("nm10", "director", "https://img/10.jpg", {});
  add("nm21", "actor", std::nullopt, {"Bob"});
  add("nm10", "writer", "https://img/10.jpg", {});
  add("nm10", "producer", "https://img/10.jpg", {});
  add("nm30", "composer", std::nullopt, {});
  add("nm11", "writer", "https://img/11.jpg", {});
  add("nm22", "actress", "https://img/22.jpg", {"Cy"});
  return t;
}

TEST(EnrichRowsTest, OnlyActorsAreTheCastAndCrewKeepsItsRolesAndPhotos) {
  StgTables out = StgTables::Empty();
  AppendTitleRows("tt0000002", "movie", MovieWithCrewInCast(), nullptr, {}, 1, 1, &out);
  const Table& p = out[std::string(tables::kContentPerson)];
  std::map<std::pair<std::string, std::string>, size_t> row;  // (person, role) -> row
  for (size_t r = 0; r < p.num_rows(); ++r) {
    ASSERT_TRUE(row.emplace(std::pair{std::string(p.column("person_id").String(r)),
                                      std::string(p.column("role_type").String(r))},
                            r)
                    .second)
        << "one row per (person, role)";
  }
  ASSERT_EQ(p.num_rows(), 8u) << p.ToString();
  auto order = [&](const char* id, const char* role) {
    return p.column("order_no").Int32(row.at({id, role}));
  };
  EXPECT_EQ(order("nm20", "actress"), 1);
  EXPECT_EQ(order("nm21", "actor"), 2);
  EXPECT_EQ(order("nm22", "actress"), 3) << "billing counts actors only";
  const std::vector<std::pair<const char*, const char*>> crew = {{"nm10", "director"},
                                                                 {"nm10", "writer"},
                                                                 {"nm10", "producer"},
                                                                 {"nm11", "writer"},
                                                                 {"nm30", "composer"}};
  for (auto [id, role] : crew) {
    size_t r = row.at({id, role});
    EXPECT_TRUE(p.column("order_no").IsNull(r)) << id << " " << role;
    EXPECT_TRUE(p.column("character_names").IsNull(r)) << id << " " << role;
  }
  EXPECT_EQ(p.column("person_poster").String(row.at({"nm10", "director"})), "https://img/10.jpg");
  EXPECT_EQ(p.column("person_poster").String(row.at({"nm11", "writer"})), "https://img/11.jpg");
  EXPECT_TRUE(p.column("person_poster").IsNull(row.at({"nm30", "composer"})));
}

TEST(EnrichRowsTest, EpisodesFromTmdbSeasonsWithVotesAndNoCopiedOriginalTitle) {
  StgTables out = StgTables::Empty();
  ImdbTitle imdb = SampleSeries();
  imdb.episodes.clear();  // real details carry none
  imdb.runtime_minutes.reset();
  TmdbDetails tv = SampleTv();
  tv.tv->episode_run_time = {44, 50};
  std::map<EpisodeKey, EpisodeTmdbPart> eps;
  eps[{1, 1}] = {std::string("Opening"),
                 std::nullopt,
                 std::string("standard"),
                 std::string("2022-05-01"),
                 26,
                 7.5,
                 int64_t{31}};
  eps[{1, 2}] = {std::string("Unaired"), std::nullopt, std::nullopt, std::nullopt,
                 std::nullopt,           0.0,          int64_t{0}};
  AppendTitleRows("tt0000001", "tvSeries", imdb, &tv, eps, 1, 1, &out);
  EXPECT_EQ(out[std::string(tables::kContentDetail)].column("runtime_minutes").Int32(0), 44)
      << "series runtime from episode_run_time";
  const Table& e = out[std::string(tables::kContentEpisode)];
  ASSERT_EQ(e.num_rows(), 2u);
  EXPECT_EQ(e.column("primary_title").String(0), "Opening");
  EXPECT_TRUE(e.column("original_title").IsNull(0)) << "TMDB has no original title; none is invented";
  EXPECT_EQ(e.column("vote_count").Int32(0), 31);
  EXPECT_EQ(e.column("average_rating").Double(0), 7.5);
  EXPECT_EQ(e.column("runtime_minutes").Int32(0), 26);
  EXPECT_TRUE(e.column("average_rating").IsNull(1)) << "no votes, no rating";
  EXPECT_EQ(e.column("vote_count").Int32(1), 0);
}

TEST(EnrichRowsTest, ListEntryFillsTheDetailAndPatchesKeepStoredValues) {
  ImdbTitle entry;
  entry.primary_title = "Listed";
  entry.primary_image = "https://img/listed.jpg";
  entry.average_rating = 8.0;
  entry.num_votes = 77;
  entry.genres = {"Drama"};
  ImdbTitle detail = MovieWithCrewInCast();
  detail.average_rating = 7.0;
  FillFromListEntry(entry, &detail);
  EXPECT_EQ(detail.primary_title, "Listed");
  EXPECT_EQ(detail.average_rating, 7.0) << "the detail's own value wins";
  EXPECT_EQ(detail.genres, (std::vector<std::string>{"Drama"}));
  EXPECT_EQ(detail.cast.size(), 8u);

  Table stored(TableByName(tables::kContentDetail).schema);
  AppendDetailRow("tt1", "movie", detail, nullptr, 5, int64_t{6}, &stored);
  Table today(stored.schema());
  ImdbTitle fresh;
  fresh.num_votes = 99;
  AppendDetailRow("tt1", "movie", fresh, nullptr, 0, std::nullopt, &today);
  Table out(stored.schema());
  AppendPatchedRow(stored, 0, today, 0, &out);
  EXPECT_EQ(out.column("vote_count").Int32(0), 99);
  EXPECT_EQ(out.column("primary_title").String(0), "Listed");
  EXPECT_EQ(out.column("content_poster").String(0), "https://img/listed.jpg");
  EXPECT_EQ(out.column("updated_at").Int64(0), 6) << "a null in the patch keeps the stored value";
}

}  // namespace
}  // namespace cinelake
