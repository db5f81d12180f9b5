// LoadGold()'s catalog index over a lake on disk: only committed catalog
// days, names from the newest raw export days, a damaged day left out and
// named while the others load.
#include "serve/catalog_load.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "lake/gold_commit.h"
#include "lake/schemas.h"
#include "serve/gold.h"

namespace cinelake::serve {
namespace {

namespace fs = std::filesystem;

const Date kD1 = Date::FromYmd(2026, 10, 1);

Table CatalogDay(const std::vector<std::string>& ids, std::optional<Date> prev) {
  Table t(TableByName(tables::kFactCatalogPopularity).schema);
  int rank = 0;
  for (const std::string& id : ids) {
    ++rank;
    t.column("tmdb_id").AppendString(id);
    t.column("rank").AppendInt32(rank);
    t.column("popularity").AppendInt64(10000 - rank);
    t.column("rank_change").AppendInt32(0);
    t.column("is_new_joiner").AppendBool(!prev);
    t.column("is_leaver").AppendBool(false);
    t.column("content_type").AppendString(id.rfind("tv/", 0) == 0 ? "tvSeries" : "movie");
    t.column("rank_in_type").AppendInt32(rank);
    t.column("rank_change_in_type").AppendInt32(0);
    if (prev) {
      t.column("prev_load_date").AppendInt32(prev->days);
    } else {
      t.column("prev_load_date").AppendNull();
    }
    t.column("content_id").AppendNull();
  }
  return t;
}

Table RawDay(const std::vector<std::pair<int64_t, std::string>>& titles) {
  Table t(TableByName(tables::kTmdbExport).schema);
  for (const auto& [id, title] : titles) {
    t.column("id").AppendInt64(id);
    t.column("content_type").AppendString("movie");
    t.column("title").AppendString(title);
    t.column("popularity").AppendDouble(1.0);
    t.column("adult").AppendBool(false);
    t.column("video").AppendBool(false);
  }
  return t;
}

class CatalogLoadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("cinelake-catalogload-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    auto lake = Lake::Open(dir_.string(), Lake::OpenMode::kCreateIfMissing);
    ASSERT_TRUE(lake.ok()) << lake.status().ToString();
    lake_ = std::move(lake).value();
    const TableDef& fact = TableByName(tables::kFactCatalogPopularity);
    const TableDef& raw = TableByName(tables::kTmdbExport);
    ASSERT_TRUE(lake_->Write(fact, CatalogDay({"movie/1", "movie/2"}, std::nullopt), kD1).ok());
    ASSERT_TRUE(lake_->Write(fact, CatalogDay({"movie/2", "movie/3"}, kD1), kD1 + 1).ok());
    ASSERT_TRUE(lake_->Write(fact, CatalogDay({"movie/3"}, kD1 + 1), kD1 + 2).ok());
    // movie/1 is named only by the older raw day; the newest names the rest.
    ASSERT_TRUE(lake_->Write(raw, RawDay({{1, "One"}, {2, "Old two"}}), kD1).ok());
    ASSERT_TRUE(lake_->Write(raw, RawDay({{2, "Two"}, {3, "Three"}}), kD1 + 2).ok());
    ASSERT_TRUE(CommitLiveGold(lake_->storage(), "test", kD1 + 2).ok());
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path dir_;
  std::unique_ptr<Lake> lake_;
};

TEST_F(CatalogLoadTest, LoadsEveryCommittedDayWithNames) {
  auto gold = LoadGold(*lake_);
  ASSERT_TRUE(gold.ok()) << gold.status().ToString();
  const CatalogIndex& c = *gold->catalog;
  ASSERT_EQ(c.days().size(), 3u);
  EXPECT_EQ(c.title_count(), 3u);
  auto name = [&](uint32_t id) { return std::string(c.name(c.FindTitle(CatalogKey{false, id}))); };
  EXPECT_EQ(name(1), "One");
  EXPECT_EQ(name(2), "Two");
  EXPECT_EQ(name(3), "Three");
  EXPECT_EQ(c.days()[1].prev_date, kD1);
  EXPECT_TRUE(gold->notes.unreadable.empty());

  // A day written after the commit is not served until it is committed.
  ASSERT_TRUE(
      lake_->Write(TableByName(tables::kFactCatalogPopularity), CatalogDay({"movie/9"}, kD1 + 2), kD1 + 3)
          .ok());
  gold = LoadGold(*lake_);
  ASSERT_TRUE(gold.ok());
  EXPECT_EQ(gold->catalog->days().size(), 3u);
}

TEST_F(CatalogLoadTest, ADamagedDayIsNamedAndTheOthersLoad) {
  std::string path = "gold/fact_catalog_popularity/loadDate=" + (kD1 + 1).ToString() + "/part-00000.parquet";
  auto commit = ReadGoldCommit(lake_->storage());
  ASSERT_TRUE(commit.ok());
  for (const std::string& p : {path, commit->SnapshotPath(path)}) {
    fs::path f = dir_ / p;
    fs::resize_file(f, fs::file_size(f) / 2);
    std::ofstream(f, std::ios::app) << "PAR1";
  }
  auto gold = LoadGold(*lake_);
  ASSERT_TRUE(gold.ok()) << gold.status().ToString();
  EXPECT_EQ(gold->catalog->days().size(), 2u);
  ASSERT_EQ(gold->notes.unreadable.size(), 1u);
  EXPECT_EQ(gold->notes.unreadable[0].path, path);
}

TEST_F(CatalogLoadTest, HistoryFilesThatCannotBeWrittenAreNamedAndTheRestLoads) {
  const char* before = std::getenv("CINELAKE_CATALOG_DIR");
  std::string kept = before != nullptr ? before : "";
  ::setenv("CINELAKE_CATALOG_DIR", (dir_ / "no-such-dir").c_str(), 1);
  auto gold = LoadGold(*lake_);
  if (before != nullptr) {
    ::setenv("CINELAKE_CATALOG_DIR", kept.c_str(), 1);
  } else {
    ::unsetenv("CINELAKE_CATALOG_DIR");
  }
  ASSERT_TRUE(gold.ok()) << gold.status().ToString();
  EXPECT_TRUE(gold->catalog->days().empty());
  ASSERT_EQ(gold->notes.unreadable.size(), 1u);
  EXPECT_EQ(gold->notes.unreadable[0].path, "catalog history files");
  EXPECT_NE(gold->notes.unreadable[0].error.find("no-such-dir"), std::string::npos)
      << gold->notes.unreadable[0].error;
}

}  // namespace
}  // namespace cinelake::serve
