// CatalogIndex: trends decoded from the title-major streams, the day lists,
// search order and folding, and the IMDB join, over days built in memory.
#include "serve/catalog_index.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "lake/schemas.h"
#include "serve/view_catalog.h"

namespace cinelake::serve {
namespace {

struct Row {
  Row(std::string id, int r, int64_t pop, int change = 0, bool joined = false, std::string content = "")
      : tmdb_id(std::move(id)),
        rank(r),
        hundredths(pop),
        rank_change(change),
        joiner(joined),
        content_id(std::move(content)) {}
  std::string tmdb_id;
  int rank;  // 0: a leaver
  int64_t hundredths;
  int rank_change;
  bool joiner;
  std::string content_id;
};

Table Day(const std::vector<Row>& rows, std::optional<Date> prev) {
  Table t(TableByName(tables::kFactCatalogPopularity).schema);
  for (const Row& r : rows) {
    t.column("tmdb_id").AppendString(r.tmdb_id);
    if (r.rank > 0) {
      t.column("rank").AppendInt32(r.rank);
      t.column("rank_in_type").AppendInt32(r.rank);
    } else {
      t.column("rank").AppendNull();
      t.column("rank_in_type").AppendNull();
    }
    t.column("popularity").AppendInt64(r.hundredths);
    t.column("rank_change").AppendInt32(r.rank > 0 ? r.rank_change : 999);
    t.column("rank_change_in_type").AppendInt32(r.rank_change);
    t.column("is_new_joiner").AppendBool(r.joiner);
    t.column("is_leaver").AppendBool(r.rank == 0);
    t.column("content_type").AppendString(r.tmdb_id.rfind("tv/", 0) == 0 ? "tvSeries" : "movie");
    if (prev) {
      t.column("prev_load_date").AppendInt32(prev->days);
    } else {
      t.column("prev_load_date").AppendNull();
    }
    if (r.content_id.empty()) {
      t.column("content_id").AppendNull();
    } else {
      t.column("content_id").AppendString(r.content_id);
    }
  }
  return t;
}

const Date kD1 = Date::FromYmd(2026, 10, 1);
const Date kD2 = kD1 + 1;
const Date kD3 = kD1 + 3;  // a missing day between

std::shared_ptr<const CatalogIndex> ThreeDays() {
  CatalogIndex::Builder b;
  EXPECT_TRUE(b.AddDay(kD1, Day({{"movie/10", 1, 50000, 0, true, "tt10"},
                                 {"tv/10", 2, 40000, 0, true},
                                 {"movie/7", 3, 123, 0, true}},
                                std::nullopt))
                  .ok());
  // movie/7 leaves; tv/10 climbs; movie/99 joins.
  EXPECT_TRUE(b.AddDay(kD2, Day({{"tv/10", 1, 61234, -1, false},
                                 {"movie/10", 2, 49999, 1, false, "tt10"},
                                 {"movie/99", 3, 10, 0, true},
                                 {"movie/7", 0, 0}},
                                kD1))
                  .ok());
  // movie/7 returns at the top.
  EXPECT_TRUE(b.AddDay(kD3, Day({{"movie/7", 1, 999999, 0, true},
                                 {"movie/10", 2, 50000, 0, false, "tt10"},
                                 {"tv/10", 3, 100, 2, false},
                                 {"movie/99", 4, 5, 1, false}},
                                kD2))
                  .ok());
  EXPECT_TRUE(b.SetName(CatalogKey{false, 10}, "Blade RUNNER"));
  EXPECT_TRUE(b.SetName(CatalogKey{true, 10}, "ΣΊΣΥΦΟΣ"));
  EXPECT_TRUE(b.SetName(CatalogKey{false, 7}, "Straße der Runner"));
  EXPECT_FALSE(b.SetName(CatalogKey{false, 7}, "renamed later"));  // the first name given stays
  EXPECT_FALSE(b.SetName(CatalogKey{false, 12345}, "not in the catalog"));
  EXPECT_EQ(b.unnamed(), 1u);  // movie/99
  auto c = b.Finish();
  EXPECT_TRUE(c.ok()) << c.status().ToString();
  return c.ok() ? *c : CatalogIndex::Empty();
}

TEST(CatalogKey, ParsesOnlyTmdbPaths) {
  EXPECT_EQ(CatalogKey::ParsePath("movie/603")->Path(), "movie/603");
  EXPECT_TRUE(CatalogKey::ParsePath("tv/1399")->series);
  for (const char* bad : {"", "movie/", "movie/0", "movie/012", "movie/-1", "tv/1x", "film/3",
                          "movie/4294967296", "movie/3/extra", "Movie/3"})
    EXPECT_FALSE(CatalogKey::ParsePath(bad)) << bad;
}

TEST(CatalogIndex, TrendCoversEveryKeptDayWithGaps) {
  auto c = ThreeDays();
  ASSERT_EQ(c->days().size(), 3u);
  int64_t seven = c->FindTitle(CatalogKey{false, 7});
  ASSERT_GE(seven, 0);
  std::vector<CatalogPoint> t = c->Trend(static_cast<uint32_t>(seven)).value();
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0].rank, 3u);
  EXPECT_EQ(t[0].popularity, 123u);
  EXPECT_EQ(t[1].rank, 0u);  // left on day 2
  EXPECT_EQ(t[2].rank, 1u);
  EXPECT_EQ(t[2].popularity, 999999u);
  EXPECT_EQ(t[2].date, kD3);

  auto joined = static_cast<uint32_t>(c->FindTitle(CatalogKey{false, 99}));
  std::vector<CatalogPoint> j = c->Trend(joined).value();
  EXPECT_EQ(j[0].rank, 0u);  // before it appeared
  EXPECT_EQ(j[1].rank, 3u);
  EXPECT_EQ(j[2].rank, 4u);
  EXPECT_EQ(j[2].popularity, 5u);
  for (int d = 0; d < 3; ++d) {
    EXPECT_EQ(c->At(joined, d)->rank, j[d].rank) << d;
    EXPECT_EQ(c->At(static_cast<uint32_t>(seven), d)->rank, t[d].rank) << d;
  }
  EXPECT_EQ(c->latest_rank(joined), 4u);
  EXPECT_EQ(c->FindTitle(CatalogKey{true, 7}), -1);  // tv/7 is another title
}

TEST(CatalogIndex, SearchFoldsCaseInAnyScriptBestRankFirst) {
  auto c = ThreeDays();
  bool more = true;
  std::vector<uint32_t> runner = c->Search("runner", 10, &more);
  ASSERT_EQ(runner.size(), 2u);
  EXPECT_FALSE(more);
  EXPECT_EQ(c->key(runner[0]).Path(), "movie/7");  // rank 1 on the latest day
  EXPECT_EQ(c->key(runner[1]).Path(), "movie/10");
  EXPECT_EQ(c->Search("STRASSE", 10, &more).size(), 1u);  // ß folds to ss
  std::vector<uint32_t> greek = c->Search("σίσυφος", 10, &more);
  ASSERT_EQ(greek.size(), 1u);
  EXPECT_EQ(c->name(greek[0]), "ΣΊΣΥΦΟΣ");
  std::vector<uint32_t> one = c->Search("r", 1, &more);
  EXPECT_EQ(one.size(), 1u);
  EXPECT_TRUE(more);
  EXPECT_TRUE(c->Search("runner\nblade", 10, &more).empty());  // never across two titles
  EXPECT_TRUE(c->Search("nothing like it", 10, &more).empty());
}

TEST(CatalogIndex, DayListsAndTheImdbJoin) {
  auto c = ThreeDays();
  json first = CatalogDayJson(*c, 0);
  EXPECT_TRUE(first["breakouts"].empty());  // no previous snapshot
  EXPECT_TRUE(first["climbers"].empty());
  json day = CatalogDayJson(*c, 2);
  EXPECT_EQ(day["prev_date"], kD2.ToString());
  EXPECT_EQ(day["ranked"], 4);
  ASSERT_EQ(day["top"].size(), 4u);
  EXPECT_EQ(day["top"][0]["tmdb_id"], "movie/7");
  EXPECT_EQ(day["top"][0]["new_joiner"], true);
  EXPECT_EQ(day["top"][0]["title"], "Straße der Runner");
  EXPECT_EQ(day["top"][2]["popularity"], 1.0);
  EXPECT_EQ(day["top"][3]["title"], nullptr);
  ASSERT_EQ(day["breakouts"].size(), 1u);  // the returning title, a joiner
  EXPECT_EQ(day["breakouts"][0]["tmdb_id"], "movie/7");
  json climbers = CatalogDayJson(*c, 1)["climbers"];
  ASSERT_EQ(climbers.size(), 1u);
  EXPECT_EQ(climbers[0]["tmdb_id"], "tv/10");
  EXPECT_EQ(climbers[0]["rank_change"], -1);

  json rank = CatalogRankJson(*c, "tt10", kD2 + 1);  // the latest catalog day at or before
  EXPECT_EQ(rank["date"], kD2.ToString());
  EXPECT_EQ(rank["rank"], 2);
  EXPECT_EQ(rank["tmdb_id"], "movie/10");
  EXPECT_EQ(rank["popularity"], 499.99);
  EXPECT_TRUE(CatalogRankJson(*c, "tt10", kD1 - 1).is_null());
  EXPECT_TRUE(CatalogRankJson(*c, "tt404", kD3).is_null());
}

TEST(CatalogIndex, RefusesDaysOutOfOrderAndTablesWithoutTheColumns) {
  CatalogIndex::Builder b;
  ASSERT_TRUE(b.AddDay(kD2, Day({{"movie/1", 1, 5}}, std::nullopt)).ok());
  EXPECT_FALSE(b.AddDay(kD1, Day({{"movie/1", 1, 5}}, std::nullopt)).ok());
  Status st = b.AddDay(kD3, Table(Schema({Field{"tmdb_id"}})));
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find("rank"), std::string::npos) << st.ToString();
  ASSERT_TRUE(b.AddDay(kD3 + 1, Day({{"bogus", 1, 5}, {"movie/1", 2, 5}}, kD2)).ok());
  EXPECT_EQ(b.skipped_rows(), 1);
}

// 60 titles over 25 days, some joining late, some absent for a while: the
// trends read back from the history file are the days' ranks whatever the
// spill's bucket size (1 title a bucket, a few, one for all).
TEST(CatalogIndex, HistoryOnDiskMatchesTheDaysForAnyBucketSize) {
  constexpr int kTitles = 60, kDays = 25;
  auto present = [](int i, int d) { return (i < 45 || d >= 12) && (i * 31 + d * 17) % 5 != 0; };
  auto hundredths = [](int i, int d) { return static_cast<int64_t>((i * 7919 + d * 104729) % 100000); };
  std::vector<std::vector<int>> ranks(kTitles, std::vector<int>(kDays, 0));
  std::vector<Table> days;
  for (int d = 0; d < kDays; ++d) {
    std::vector<int> ids;
    for (int i = 0; i < kTitles; ++i)
      if (present(i, d)) ids.push_back(i);
    std::sort(ids.begin(), ids.end(), [&](int a, int b) { return hundredths(a, d) > hundredths(b, d); });
    std::vector<Row> rows;
    for (size_t r = 0; r < ids.size(); ++r) {
      ranks[ids[r]][d] = static_cast<int>(r + 1);
      rows.emplace_back("movie/" + std::to_string(ids[r] + 1), static_cast<int>(r + 1),
                        hundredths(ids[r], d));
    }
    days.push_back(Day(rows, d == 0 ? std::nullopt : std::optional<Date>(kD1 + d - 1)));
  }
  std::optional<uint64_t> file_bytes;
  for (uint32_t bucket : {1u, 3u, 7u, 1u << 14}) {
    CatalogIndex::Builder b(HistoryOptions{::testing::TempDir(), bucket});
    for (int d = 0; d < kDays; ++d) ASSERT_TRUE(b.AddDay(kD1 + d, days[d]).ok());
    auto c = b.Finish();
    ASSERT_TRUE(c.ok()) << c.status().ToString();
    ASSERT_EQ((*c)->title_count(), static_cast<size_t>(kTitles));
    if (file_bytes) {
      EXPECT_EQ((*c)->HistoryBytes(), *file_bytes) << bucket;
    }
    file_bytes = (*c)->HistoryBytes();
    for (int i = 0; i < kTitles; ++i) {
      auto t = static_cast<uint32_t>((*c)->FindTitle(CatalogKey{false, static_cast<uint32_t>(i + 1)}));
      auto trend = (*c)->Trend(t);
      ASSERT_TRUE(trend.ok()) << trend.status().ToString();
      for (int d = 0; d < kDays; ++d) {
        ASSERT_EQ((*trend)[d].rank, static_cast<uint32_t>(ranks[i][d]))
            << "bucket " << bucket << " title " << i;
        if (ranks[i][d] > 0) {
          EXPECT_EQ((*trend)[d].popularity, static_cast<uint32_t>(hundredths(i, d)));
        }
        EXPECT_EQ((*c)->At(t, d)->rank, static_cast<uint32_t>(ranks[i][d]));
      }
      EXPECT_EQ((*c)->latest_rank(t), static_cast<uint32_t>(ranks[i][kDays - 1]));
    }
  }
}

TEST(CatalogIndex, AnUnwritableHistoryDirIsAClearError) {
  CatalogIndex::Builder b(HistoryOptions{"/nonexistent/cinelake-history", 4});
  EXPECT_TRUE(b.AddDay(kD1, Day({{"movie/1", 1, 5}}, std::nullopt)).ok());  // the table was fine
  EXPECT_FALSE(b.history_status().ok());
  auto c = b.Finish();
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), Status::Code::kIOError);
  EXPECT_NE(c.status().message().find("/nonexistent/cinelake-history"), std::string::npos)
      << c.status().ToString();
  // No day with a ranked title: no file is needed.
  EXPECT_TRUE(CatalogIndex::Builder(HistoryOptions{"/nonexistent/cinelake-history", 4}).Finish().ok());
}

}  // namespace
}  // namespace cinelake::serve
