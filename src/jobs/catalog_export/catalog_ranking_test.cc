#include "jobs/catalog_export/catalog_ranking.h"

#include <gtest/gtest.h>

#include <string>

#include "jobs/catalog_export/raw_export.h"
#include "jobs/testing/psv.h"
#include "lake/schemas.h"

namespace cinelake::catalog_export {
namespace {

Table Snapshot(const std::string& rows) {
  auto t = testing::ParsePsv("id|content_type|popularity\n" + rows, TableByName(tables::kTmdbExport).schema,
                             "test");
  EXPECT_TRUE(t.ok()) << t.status().ToString();
  return std::move(t).value();
}

std::string Fact(const Table& today, const Table* prev = nullptr, const ImdbIdsByTmdb& imdb = {}) {
  std::optional<CatalogSnapshot> p;
  if (prev != nullptr) p = CatalogSnapshot{Date::FromYmd(2026, 11, 1), prev};
  auto t = BuildFactCatalogPopularity(today, p, imdb);
  EXPECT_TRUE(t.ok()) << t.status().ToString();
  return t.ok() ? testing::FormatPsv(*t) : "";
}

constexpr const char* kHeader =
    "tmdb_id|rank|popularity|rank_change|is_new_joiner|is_leaver|content_type|rank_in_type|"
    "rank_change_in_type|prev_load_date|content_id\n";

TEST(CatalogRankingTest, TiesGoToMoviesThenLowerIdsAndRankWithinType) {
  // 5.004 and 5.0 both read 5.00: a tie on the published value.
  Table today = Snapshot("9|tvSeries|5.0\n20|movie|5.004\n3|movie|5.0\n7|tvSeries|6.5\n");
  EXPECT_EQ(Fact(today), std::string(kHeader) +
                             "tv/7|1|6.50|0|true|false|tvSeries|1|0|NULL|NULL\n"
                             "movie/3|2|5.00|0|true|false|movie|1|0|NULL|NULL\n"
                             "movie/20|3|5.00|0|true|false|movie|2|0|NULL|NULL\n"
                             "tv/9|4|5.00|0|true|false|tvSeries|2|0|NULL|NULL\n");
}

TEST(CatalogRankingTest, ChangesJoinersAndALeaverOnce) {
  Table day1 = Snapshot("1|movie|10\n2|movie|20\n3|tvSeries|30\n");
  Table day2 = Snapshot("1|movie|40\n3|tvSeries|30\n4|movie|1\n");
  EXPECT_EQ(Fact(day2, &day1), std::string(kHeader) +
                                   "movie/1|1|40.00|-2|false|false|movie|1|-1|2026-11-01|NULL\n"
                                   "tv/3|2|30.00|1|false|false|tvSeries|1|0|2026-11-01|NULL\n"
                                   "movie/4|3|1.00|0|true|false|movie|2|0|2026-11-01|NULL\n"
                                   "movie/2|NULL|0.00|999|false|true|movie|NULL|999|2026-11-01|NULL\n");
  // The next day compares with day2's ranked titles only: movie/2 does not leave again.
  Table day3 = Snapshot("1|movie|40\n3|tvSeries|30\n4|movie|1\n2|movie|5\n");
  std::string third = Fact(day3, &day2);
  EXPECT_EQ(third.find("|false|true|"), std::string::npos) << third;
  EXPECT_NE(third.find("movie/2|3|5.00|0|true|false|movie|2|0|"), std::string::npos) << third;
}

TEST(CatalogRankingTest, ATitleChangingTypeIsOneLeaverAndOneJoiner) {
  Table day1 = Snapshot("5|movie|10\n");
  Table day2 = Snapshot("5|tvSeries|10\n");
  EXPECT_EQ(Fact(day2, &day1), std::string(kHeader) +
                                   "tv/5|1|10.00|0|true|false|tvSeries|1|0|2026-11-01|NULL\n"
                                   "movie/5|NULL|0.00|999|false|true|movie|NULL|999|2026-11-01|NULL\n");
}

TEST(CatalogRankingTest, ImdbIdsFromTheLatestListDayUpToTheDay) {
  auto lists = testing::ParsePsv(
      "id|tmdb_id|loadDate\ntt0000002|movie/1|2026-11-01\ntt0000001|movie/1|2026-11-02\n"
      "tt0000009|movie/1|2026-11-05\ntt0000003|tv/3|2026-11-01\ntt0000004|person/3|2026-11-01\n",
      Schema({Field{"id", DataType::kString, false}, Field{"tmdb_id", DataType::kString, true},
              Field{"loadDate", DataType::kDate, true}}),
      "lists");
  ASSERT_TRUE(lists.ok()) << lists.status().ToString();
  ImdbIdsByTmdb ids = ImdbIdsFromContentIds(*lists, Date::FromYmd(2026, 11, 3));
  ASSERT_EQ(ids.size(), 2u);
  EXPECT_EQ(ids[0], (std::pair<uint64_t, std::string>{TitleKey(false, 1), "tt0000001"}));
  EXPECT_EQ(ids[1], (std::pair<uint64_t, std::string>{TitleKey(true, 3), "tt0000003"}));
  Table today = Snapshot("1|movie|2\n3|tvSeries|1\n");
  EXPECT_EQ(Fact(today, nullptr, ids), std::string(kHeader) +
                                           "movie/1|1|2.00|0|true|false|movie|1|0|NULL|tt0000001\n"
                                           "tv/3|2|1.00|0|true|false|tvSeries|1|0|NULL|tt0000003\n");
}

TEST(CatalogRankingTest, RefusesRepeatedTitlesAndUnknownTypes) {
  EXPECT_FALSE(BuildFactCatalogPopularity(Snapshot("1|movie|2\n1|movie|3\n"), std::nullopt, {}).ok());
  EXPECT_FALSE(BuildFactCatalogPopularity(Snapshot("1|person|2\n"), std::nullopt, {}).ok());
}

TEST(CatalogRankingTest, CentsAgreeWithTheFactOnHalfCents) {
  // 0.125 is exact in binary; 2.675 reads as 2.675 but is 2.67499999... in binary.
  Table today = Snapshot("1|movie|0.125\n2|movie|2.675\n3|movie|1.005\n");
  std::string out = Fact(today);
  EXPECT_NE(out.find("movie/2|1|2.68|"), std::string::npos) << out;
  EXPECT_NE(out.find("movie/3|2|1.01|"), std::string::npos) << out;
  EXPECT_NE(out.find("movie/1|3|0.13|"), std::string::npos) << out;
}

TEST(RawExportTest, RepeatedIdsKeepTheHighestPopularityThenTheFirstLine) {
  ExportBatch movies;
  auto add = [](ExportBatch* b, int64_t id, double pop, std::string_view title) {
    if (!b->id.empty() && id <= b->id.back()) b->ids_ascending = false;
    b->id.push_back(id);
    b->popularity.push_back(pop);
    b->adult.push_back(0);
    b->video.push_back(-1);
    b->title_valid.push_back(1);
    b->title_bytes.append(title);
    b->title_end.push_back(b->title_bytes.size());
  };
  add(&movies, 5, 1.0, "low");
  add(&movies, 2, 3.0, "two");
  add(&movies, 5, 4.0, "high first");
  add(&movies, 5, 4.0, "high second");
  ExportBatch series;
  add(&series, 5, 2.0, "a series");
  RawExportStats stats;
  Table t = BuildRawExport(movies, series, &stats);
  EXPECT_EQ(stats.duplicate_ids, 2);
  EXPECT_EQ(testing::FormatPsv(t),
            "id|content_type|title|popularity|adult|video\n"
            "2|movie|two|3|false|NULL\n"
            "5|movie|high first|4|false|NULL\n"
            "5|tvSeries|a series|2|false|NULL\n");
}

}  // namespace
}  // namespace cinelake::catalog_export
