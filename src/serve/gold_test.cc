// LoadGold() over a lake on disk: only committed gold, one file's damage
// confined to that file, and "yesterday" as the fact states it.
#include "serve/gold.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "lake/schemas.h"
#include "serve/gold_snapshot.h"
#include "serve/testing/fixture_lake.h"

namespace cinelake::serve {
namespace {

namespace fs = std::filesystem;

class LoadGoldTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("cinelake-loadgold-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    options_.days = 4;
    options_.titles = 20;
    gold_ = testing::MakeFixtureGold(options_);
    auto lake = Lake::Open(dir_.string(), Lake::OpenMode::kCreateIfMissing);
    ASSERT_TRUE(lake.ok()) << lake.status().ToString();
    lake_ = std::move(lake).value();
    ASSERT_TRUE(WriteGold(*lake_, gold_).ok());
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Damages a file in place, as a bad disk would (its hard links too).
  void Damage(const std::string& path) {
    fs::path p = dir_ / path;
    auto size = fs::file_size(p);
    fs::resize_file(p, size / 2);
    std::ofstream(p, std::ios::app) << "PAR1";
  }
  std::string FactPath(int day) const {
    return "gold/fact_popularity/loadDate=" + gold_.fact[day].first.ToString() + "/part-00000.parquet";
  }

  fs::path dir_;
  testing::FixtureOptions options_;
  GoldTables gold_;
  std::unique_ptr<Lake> lake_;
};

TEST_F(LoadGoldTest, ServesTheCommitWhileTheLiveFilesAreMixed) {
  // A later run replaced dim_content, then failed before its bridges and commit.
  Table fewer(gold_.dim_content.schema());
  for (size_t c = 0; c < fewer.num_columns(); ++c) fewer.column(c).AppendFrom(gold_.dim_content.column(c), 0);
  ASSERT_TRUE(lake_->Write(TableByName(tables::kDimContent), fewer).ok());
  auto loaded = LoadGold(*lake_);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_TRUE(loaded->notes.committed);
  EXPECT_EQ(loaded->notes.run_id, "fixture");
  EXPECT_EQ(loaded->dim_content.num_rows(), gold_.dim_content.num_rows()) << "the committed dim_content";
  EXPECT_EQ(loaded->notes.live_changed, std::vector<std::string>{"gold/dim_content/part-00000.parquet"});
  EXPECT_TRUE(loaded->notes.unreadable.empty());
  EXPECT_EQ(loaded->fact.size(), 4u);
}

TEST_F(LoadGoldTest, ADamagedFileIsLeftOutAndNamedAndTheRestIsServed) {
  Damage(FactPath(1));
  Damage("gold/dim_genre/part-00000.parquet");
  auto loaded = LoadGold(*lake_);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  ASSERT_EQ(loaded->notes.unreadable.size(), 2u);
  EXPECT_EQ(loaded->notes.unreadable[0].path, "gold/dim_genre/part-00000.parquet");
  EXPECT_EQ(loaded->notes.unreadable[1].path, FactPath(1));
  EXPECT_EQ(loaded->notes.unreadable_days, std::vector<Date>{gold_.fact[1].first});
  EXPECT_TRUE(loaded->notes.live_changed.empty()) << "damage is reported once, as unreadable";
  EXPECT_EQ(loaded->fact.size(), 3u);
  EXPECT_EQ(loaded->dim_genre.num_rows(), 0u);
  EXPECT_EQ(loaded->dim_content.num_rows(), gold_.dim_content.num_rows());

  // The day after the unreadable one still names it as yesterday.
  auto snap = GoldSnapshot::Build(*loaded);
  ASSERT_EQ(snap->days.size(), 3u);
  EXPECT_EQ(snap->days[1].date, gold_.fact[2].first);
  EXPECT_EQ(snap->days[1].prev_date, gold_.fact[1].first);
  EXPECT_EQ(snap->PrevDay(1), -1) << "yesterday could not be loaded";
  EXPECT_EQ(snap->PrevDay(2), 1);
}

TEST_F(LoadGoldTest, ALakeWithoutACommitIsReadFromItsLiveFiles) {
  ASSERT_TRUE(lake_->storage().Remove(kGoldCommitMarker).ok());
  ASSERT_TRUE(lake_->storage().Remove(kGoldSnapshotsDir).ok());
  auto loaded = LoadGold(*lake_);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_FALSE(loaded->notes.committed);
  EXPECT_EQ(loaded->fact.size(), 4u);
  EXPECT_EQ(loaded->dim_content.num_rows(), gold_.dim_content.num_rows());
}

}  // namespace
}  // namespace cinelake::serve
