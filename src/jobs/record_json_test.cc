#include "jobs/record_json.h"

#include <gtest/gtest.h>

#include "jobs/raw_imdb_title.h"
#include "jobs/raw_tmdb_details.h"

namespace cinelake {
namespace {

TEST(RecordJsonTest, ImdbTitlesRoundTripWithEveryFieldAndEveryNull) {
  ImdbTitle full;
  full.id = "tt1";
  full.type = "tvSeries";
  full.primary_title = "Amélie";
  full.release_date = "2001-04-25";
  full.start_year = 2001;
  full.runtime_minutes = 122;
  full.average_rating = 8.3;
  full.num_votes = int64_t{1} << 40;
  full.genres = {"Comedy", "Romance"};
  full.directors.push_back({std::string("nm1"), std::string("J-P J"), std::nullopt});
  full.cast.push_back({std::string("nm2"),
                       std::string("A T"),
                       std::nullopt,
                       std::string("https://i/2.jpg"),
                       std::string("actress"),
                       {"Amélie Poulain", ""}});
  ImdbEpisode e;
  e.season_number = 1;
  e.episode_number = 10;
  e.average_rating = 7.25;
  full.episodes.push_back(e);
  for (const ImdbTitle& t : {full, ImdbTitle{}}) {
    auto back = DecodeRawImdbTitle(EncodeRawImdbTitle(t), "row");
    ASSERT_TRUE(back.ok()) << back.status().ToString();
    EXPECT_TRUE(*back == t);
  }
}

TEST(RecordJsonTest, TmdbDetailsRoundTripForMoviesAndSeries) {
  TmdbDetails movie;
  movie.ref = {TmdbRef::Kind::kMovie, 27205};
  TmdbMovie m;
  m.popularity = 12.345;
  m.budget = 160000000;
  m.production_companies.push_back({int64_t{9}, std::string("Legendary"), std::nullopt});
  movie.movie = m;
  TmdbDetails tv;
  tv.ref = {TmdbRef::Kind::kTv, 1399};
  TmdbTv s;
  s.details.values["status"] = std::string("Ended");
  s.details.values["tagline"] = std::string("Winter is coming.");
  s.in_production = false;
  s.created_by.push_back({int64_t{7}, std::string("D B"), std::string("/p.jpg")});
  s.seasons.push_back(
      {1, std::string("Season 1"), std::nullopt, std::string("2011-04-17"), 10, std::nullopt, 8.5});
  s.episode_run_time = {57, 60};
  tv.tv = s;
  for (const TmdbDetails& d : {movie, tv}) {
    auto back = DecodeRawTmdbDetails(EncodeRawTmdbDetails(d), "row");
    ASSERT_TRUE(back.ok()) << back.status().ToString();
    EXPECT_TRUE(back->ref == d.ref);
    EXPECT_TRUE(back->movie == d.movie);
    EXPECT_TRUE(back->tv == d.tv);
  }
}

// details_json as written before the pass-through fields were declared in one
// table (each was a member, at the top level): it reads back the same, and
// writes again as it was.
TEST(RecordJsonTest, DetailsWrittenByEarlierVersionsStillRead) {
  const std::string old_row =
      R"({"movie":{"budget":14800000,"homepage":"https://u.example.com/","id":33226,"imdb_id":"tt0678506",)"
      R"("original_language":"fr","original_title":"Les Ombres","overview":"A map.","popularity":88.904,)"
      R"("poster_path":"/p.jpg","production_companies":[],"release_date":"2011-11-30","revenue":25749849,)"
      R"("status":"Released","tagline":null,"title":"The Undertow"},"ref":"movie/33226"})";
  auto d = DecodeRawTmdbDetails(old_row, "row");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  ASSERT_TRUE(d->movie.has_value());
  EXPECT_EQ(d->movie->details.Text("homepage"), "https://u.example.com/");
  EXPECT_EQ(d->movie->details.Text("original_language"), "fr");
  EXPECT_EQ(d->movie->details.Text("status"), "Released");
  EXPECT_EQ(d->movie->details.Find("tagline"), nullptr);
  EXPECT_EQ(d->movie->budget, 14800000);
  EXPECT_EQ(EncodeRawTmdbDetails(*d), old_row);
  // A mistyped pass-through field is corruption, as a mistyped member was.
  auto bad = DecodeRawTmdbDetails(R"({"ref":"tv/1","tv":{"tagline":5}})", "row for tt7");
  EXPECT_EQ(bad.status().code(), Status::Code::kCorruption);
}

TEST(RecordJsonTest, BadJsonIsCorruptionNamingTheRow) {
  for (const char* bad :
       {"", "[]", "{\"ref\": \"book/1\"}", "{\"ref\": \"tv/1\", \"tv\": {\"seasons\": 3}}"}) {
    auto d = DecodeRawTmdbDetails(bad, "raw/stg_tmdb_details row for tt9");
    ASSERT_FALSE(d.ok()) << bad;
    EXPECT_EQ(d.status().code(), Status::Code::kCorruption);
    EXPECT_NE(d.status().message().find("row for tt9"), std::string::npos);
  }
  auto t = DecodeRawImdbTitle("{\"genres\": 5}", "raw/stg_imdb_titles row for tt8");
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.status().message().find("row for tt8"), std::string::npos);
}

}  // namespace
}  // namespace cinelake
