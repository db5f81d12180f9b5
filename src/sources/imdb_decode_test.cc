#include "sources/imdb_decode.h"

#include <gtest/gtest.h>

#include "common/log.h"
#include "sources/testing/canned.h"

namespace cinelake {
namespace {

TEST(SourcesImdbDecode, FullTitle) {
  std::vector<std::string> warnings;
  Result<ImdbTitle> r = DecodeImdbTitle(testing::ImdbTitleJson("tt1375666"), "imdb /tt1375666", &warnings);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const ImdbTitle& t = *r;
  EXPECT_TRUE(warnings.empty());
  EXPECT_EQ(t.id, "tt1375666");
  EXPECT_EQ(t.type, "movie");
  EXPECT_EQ(t.primary_title, "Inception");
  EXPECT_EQ(t.release_date, "2010-07-16");
  EXPECT_EQ(t.start_year, 2010);
  EXPECT_EQ(t.end_year, std::nullopt);  // null
  EXPECT_EQ(t.runtime_minutes, 148);
  EXPECT_DOUBLE_EQ(*t.average_rating, 8.8);
  EXPECT_EQ(t.num_votes, 2600000);
  EXPECT_EQ(t.genres, (std::vector<std::string>{"Action", "Sci-Fi"}));
  EXPECT_EQ(t.interests.size(), 2u);
  ASSERT_EQ(t.directors.size(), 1u);
  EXPECT_EQ(t.directors[0].full_name, "Christopher Nolan");
  ASSERT_EQ(t.cast.size(), 2u);
  EXPECT_EQ(t.cast[0].job, "actor");
  EXPECT_EQ(t.cast[1].primary_image, std::nullopt);  // missing
  EXPECT_EQ(t.cast[1].characters, (std::vector<std::string>{"Arthur", "Arthur (young)"}));
  ASSERT_EQ(t.episodes.size(), 1u);
  EXPECT_EQ(t.episodes[0].season_number, 1);
  EXPECT_EQ(t.episodes[0].num_votes, 1200);
  EXPECT_EQ(t.episodes[0].original_title, std::nullopt);
}

TEST(SourcesImdbDecode, MistypedFieldsBecomeNulloptWithWarnings) {
  std::vector<std::string> warnings;
  Result<ImdbTitle> r = DecodeImdbTitle(
      R"({"id":"tt1","primaryTitle":42,"startYear":"2010","runtimeMinutes":90.0,"averageRating":"8.1",
          "numVotes":true,"genres":"Drama","interests":["A",7,null],"cast":[{"fullName":["x"]},3],
          "episodes":{"a":1}})",
      "imdb /tt1", &warnings);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->id, "tt1");
  EXPECT_EQ(r->primary_title, std::nullopt);
  EXPECT_EQ(r->start_year, std::nullopt);
  EXPECT_EQ(r->runtime_minutes, 90);  // an integral double is an integer
  EXPECT_EQ(r->average_rating, std::nullopt);
  EXPECT_EQ(r->num_votes, std::nullopt);
  EXPECT_TRUE(r->genres.empty());
  EXPECT_EQ(r->interests, std::vector<std::string>{"A"});
  ASSERT_EQ(r->cast.size(), 1u);
  EXPECT_EQ(r->cast[0].full_name, std::nullopt);
  EXPECT_TRUE(r->episodes.empty());
  // primaryTitle, startYear, averageRating, numVotes, genres, interests[1],
  // cast[0].fullName, cast[1], episodes.
  EXPECT_EQ(warnings.size(), 9u);
  bool named = false;
  for (const auto& w : warnings)
    named |= w.find("imdb /tt1: field 'startYear' is string, expected integer") == 0;
  EXPECT_TRUE(named) << warnings[0];
}

TEST(SourcesImdbDecode, MalformedBodiesAreCorruption) {
  std::vector<std::string> w;
  EXPECT_EQ(DecodeImdbTitle("{\"id\": ", "x", &w).status().code(), Status::Code::kCorruption);
  EXPECT_EQ(DecodeImdbTitle("[1,2]", "x", &w).status().code(), Status::Code::kCorruption);
  EXPECT_EQ(DecodeImdbTitleList("{}", "x", &w).status().code(), Status::Code::kCorruption);
  EXPECT_EQ(DecodeImdbTitleList("", "x", &w).status().code(), Status::Code::kCorruption);
}

TEST(SourcesImdbDecode, ListKeepsOrderAndSkipsNonObjects) {
  std::vector<std::string> w;
  auto r = DecodeImdbTitleList(R"([{"id":"tt3"},null,{"id":"tt1"},{"id":"tt2"}])",
                               "imdb /most-popular-movies", &w);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 3u);
  EXPECT_EQ((*r)[0].id, "tt3");
  EXPECT_EQ((*r)[2].id, "tt2");
  EXPECT_EQ(w.size(), 1u);
}

TEST(SourcesImdbDecode, TmdbIdAsPathOrBareNumber) {
  std::vector<std::string> w;
  auto decode = [&](const std::string& body, const std::string& type) {
    auto r = DecodeImdbTmdbId(body, type, "imdb /tt1/tmdb-id", &w);
    EXPECT_TRUE(r.ok());
    return r.ok() ? *r : std::nullopt;
  };
  EXPECT_EQ(decode(R"({"tmdbId":"movie/27205"})", "tvSeries"), (TmdbRef{TmdbRef::Kind::kMovie, 27205}));
  EXPECT_EQ(decode(R"({"tmdbId":"tv/1399"})", ""), (TmdbRef{TmdbRef::Kind::kTv, 1399}));
  EXPECT_EQ(decode(R"({"tmdbId":1399})", "tvSeries"), (TmdbRef{TmdbRef::Kind::kTv, 1399}));
  EXPECT_EQ(decode(R"({"tmdbId":1399})", "tvMiniSeries"), (TmdbRef{TmdbRef::Kind::kTv, 1399}));
  EXPECT_EQ(decode(R"({"tmdbId":"27205"})", "movie"), (TmdbRef{TmdbRef::Kind::kMovie, 27205}));
  EXPECT_TRUE(w.empty());
  EXPECT_EQ(decode(R"({"tmdbId":null})", "movie"), std::nullopt);
  EXPECT_EQ(decode(R"({"tmdbId":""})", "movie"), std::nullopt);
  EXPECT_EQ(decode(R"({})", "movie"), std::nullopt);
  EXPECT_TRUE(w.empty());
  EXPECT_EQ(decode(R"({"tmdbId":"person/5"})", "movie"), std::nullopt);
  EXPECT_EQ(decode(R"({"tmdbId":55})", "tvEpisode"), std::nullopt);
  EXPECT_EQ(decode(R"({"tmdbId":[1]})", "movie"), std::nullopt);
  EXPECT_EQ(w.size(), 3u);
}

TEST(SourcesRecords, TmdbRefPathRoundTrip) {
  TmdbRef ref{TmdbRef::Kind::kTv, 1399};
  EXPECT_EQ(ref.path(), "tv/1399");
  EXPECT_EQ(*TmdbRef::Parse("tv/1399"), ref);
  EXPECT_EQ(*TmdbRef::Parse("/movie/27205"), (TmdbRef{TmdbRef::Kind::kMovie, 27205}));
  EXPECT_FALSE(TmdbRef::Parse("movie/").ok());
  EXPECT_FALSE(TmdbRef::Parse("movie/12x").ok());
  EXPECT_FALSE(TmdbRef::Parse("person/1").ok());
  EXPECT_EQ(TmdbKindForImdbType("movie"), TmdbRef::Kind::kMovie);
  EXPECT_EQ(TmdbKindForImdbType("tvSeries"), TmdbRef::Kind::kTv);
  EXPECT_EQ(TmdbKindForImdbType("tvEpisode"), std::nullopt);
}

TEST(SourcesImdbDecode, AListOverTheCapIsRefusedAndStringsAreRedacted) {
  std::vector<std::string> w;
  auto over = DecodeImdbTitleList(R"([{"id":"tt1000001"},{"id":"tt1000002"},{"id":"tt1000003"}])",
                                  "imdb /most-popular-movies", &w, 2);
  ASSERT_FALSE(over.ok());
  EXPECT_EQ(over.status().code(), Status::Code::kNotSupported);
  EXPECT_NE(over.status().message().find("list of 3 titles refused (more than 2"), std::string::npos);
  RegisterSecret("echoed-rapidapi-key-77");
  auto ok = DecodeImdbTitleList(R"([{"id":"tt1000001","primaryTitle":"x-rapidapi-key: echoed-rapidapi-key-77",
                                    "genres":["echoed-rapidapi-key-77"]}])",
                                "imdb /most-popular-movies", &w, 2);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ((*ok)[0].primary_title, "x-rapidapi-key: ***");
  EXPECT_EQ((*ok)[0].genres, std::vector<std::string>{"***"});
}

TEST(SourcesImdbDecode, TitleIdsAreTtAndSevenToTenDigits) {
  for (const char* good : {"tt0678506", "tt1375666", "tt10872600", "tt1234567890"})
    EXPECT_TRUE(IsImdbTitleId(good));
  for (const char* bad : {"../../etc/passwd", "<script>", "nm0000001", " tt0678506", "tt0678506 ", "tt123456",
                          "tt12345678901", "TT1375666", "tt", ""}) {
    EXPECT_FALSE(IsImdbTitleId(bad)) << bad;
  }
  EXPECT_FALSE(IsImdbTitleId(std::string_view("tt\0123456", 10)));
  EXPECT_FALSE(IsImdbTitleId("tt1234567\nforged"));
}

}  // namespace
}  // namespace cinelake
