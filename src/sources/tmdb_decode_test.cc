#include "sources/tmdb_decode.h"

#include <gtest/gtest.h>

#include "common/log.h"
#include "sources/testing/canned.h"
#include "sources/tmdb_detail_fields.h"

namespace cinelake {
namespace {

TEST(SourcesTmdbDecode, Movie) {
  std::vector<std::string> w;
  auto r = DecodeTmdbMovie(testing::TmdbMovieJson(27205), "tmdb /movie/27205", &w);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(w.empty());
  EXPECT_EQ(r->id, 27205);
  EXPECT_DOUBLE_EQ(*r->popularity, 83.95);
  EXPECT_EQ(r->budget, 160000000);
  EXPECT_EQ(r->details.Text("status"), "Released");
  ASSERT_EQ(r->production_companies.size(), 2u);
  EXPECT_EQ(r->production_companies[0].logo_path, "/8M99Dkt23MjQMTTWukq4m5XsEuo.png");
  EXPECT_EQ(r->production_companies[1].logo_path, std::nullopt);
}

TEST(SourcesTmdbDecode, TvAndSeason) {
  std::vector<std::string> w;
  auto tv = DecodeTmdbTv(testing::TmdbTvJson(1399), "tmdb /tv/1399", &w);
  ASSERT_TRUE(tv.ok());
  EXPECT_EQ(tv->details.Text("status"), "Ended");
  EXPECT_EQ(tv->in_production, false);
  ASSERT_EQ(tv->created_by.size(), 1u);
  EXPECT_EQ(tv->created_by[0].id, 9813);
  ASSERT_EQ(tv->networks.size(), 1u);
  EXPECT_EQ(tv->networks[0].name, "HBO");
  ASSERT_EQ(tv->seasons.size(), 1u);
  EXPECT_EQ(tv->seasons[0].episode_count, 10);

  auto season = DecodeTmdbSeason(testing::TmdbSeasonJson(1), "tmdb /tv/1399/season/1", &w);
  ASSERT_TRUE(season.ok());
  ASSERT_EQ(season->episodes.size(), 2u);
  EXPECT_EQ(season->episodes[0].episode_type, "standard");
  EXPECT_EQ(season->episodes[1].episode_type, "finale");
  EXPECT_EQ(season->episodes[1].runtime, std::nullopt);
  EXPECT_EQ(season->episodes[1].still_path, std::nullopt);
  EXPECT_TRUE(w.empty());
}

TEST(SourcesTmdbDecode, MistypedFieldWarns) {
  std::vector<std::string> w;
  auto r = DecodeTmdbMovie(R"({"id":"27205","popularity":"high","budget":1.5,"production_companies":{}})",
                           "t", &w);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->id, std::nullopt);
  EXPECT_EQ(r->popularity, std::nullopt);
  EXPECT_EQ(r->budget, std::nullopt);
  EXPECT_TRUE(r->production_companies.empty());
  EXPECT_EQ(w.size(), 4u);
}

TEST(SourcesTmdbDecode, Find) {
  std::vector<std::string> w;
  auto both = R"({"movie_results":[{"id":10}],"tv_results":[{"id":20}],"person_results":[]})";
  EXPECT_EQ(**DecodeTmdbFind(both, false, "f", &w), (TmdbRef{TmdbRef::Kind::kMovie, 10}));
  EXPECT_EQ(**DecodeTmdbFind(both, true, "f", &w), (TmdbRef{TmdbRef::Kind::kTv, 20}));
  EXPECT_EQ(**DecodeTmdbFind(R"({"movie_results":[],"tv_results":[{"id":1399}]})", false, "f", &w),
            (TmdbRef{TmdbRef::Kind::kTv, 1399}));
  auto none = DecodeTmdbFind(R"({"movie_results":[],"tv_results":[]})", false, "f", &w);
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(*none, std::nullopt);
  EXPECT_FALSE(DecodeTmdbFind("<html>", false, "f", &w).ok());
}

TEST(SourcesTmdbDecode, AnEchoedKeyIsRedactedFromEveryString) {
  RegisterSecret("echoed-bearer-token-0042");
  std::vector<std::string> w;
  auto r = DecodeTmdbMovie(
      R"({"id":1,"overview":"Authorization: Bearer echoed-bearer-token-0042","tagline":"echoed-bearer-token-0042",
          "production_companies":[{"id":2,"name":"?api_key=echoed-bearer-token-0042"}]})",
      "tmdb /movie/1", &w);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->overview, "Authorization: Bearer ***");
  EXPECT_EQ(r->details.Text("tagline"), "***");
  ASSERT_EQ(r->production_companies.size(), 1u);
  EXPECT_EQ(r->production_companies[0].name, "?api_key=***");
}

TEST(SourcesTmdbDecode, PassThroughFieldsAreReadFromTheTable) {
  std::vector<std::string> w;
  auto r =
      DecodeTmdbTv(R"({"id":1,"homepage":"https://h","original_language":"ko","status":null,"tagline":7})",
                   "tmdb /tv/1", &w);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->details.Text("homepage"), "https://h");
  EXPECT_EQ(r->details.Text("original_language"), "ko");
  EXPECT_EQ(r->details.Find("status"), nullptr) << "null is absent";
  EXPECT_EQ(r->details.Find("tagline"), nullptr) << "mistyped is absent";
  ASSERT_EQ(w.size(), 1u);
  EXPECT_NE(w[0].find("field 'tagline' is number, expected string"), std::string::npos) << w[0];
  for (const TmdbDetailField& f : TmdbDetailFields()) EXPECT_TRUE(f.on_movie || f.on_tv) << f.key;
}

}  // namespace
}  // namespace cinelake
