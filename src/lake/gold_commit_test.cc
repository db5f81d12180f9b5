#include "lake/gold_commit.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "lake/lake.h"
#include "lake/testing/scratch_lake.h"

namespace cinelake {
namespace {

class GoldCommitTest : public testing::ScratchLakeTest {
 protected:
  // Writes an empty table; `tag` goes into the file's metadata, so each tag
  // gives different bytes.
  void Write(std::string_view table, const std::string& tag, std::optional<Date> day = std::nullopt) {
    parquet::WriteOptions o;
    o.metadata = {{"test.tag", tag}};
    const TableDef& def = TableByName(table);
    ASSERT_TRUE(lake_->Write(def, Table(def.schema), day, o).ok());
  }
  std::string Bytes(const std::string& path) {
    std::string out;
    EXPECT_TRUE(lake_->storage().Read(path, &out).ok()) << path;
    return out;
  }
};

const Date kDay = Date::FromYmd(2026, 10, 1);
const std::string kGenre = "gold/dim_genre/part-00000.parquet";

TEST_F(GoldCommitTest, ACommitKeepsItsBytesWhileTheLiveFilesAreReplaced) {
  Write("dim_genre", "run 1");
  Write("fact_popularity", "run 1", kDay);
  Write("content_detail", "stg is not gold");
  ASSERT_TRUE(CommitLiveGold(lake_->storage(), "run-1", kDay).ok());
  auto commit = ReadGoldCommit(lake_->storage());
  ASSERT_TRUE(commit.ok()) << commit.status().ToString();
  EXPECT_EQ(commit->sequence, 1);
  EXPECT_EQ(commit->run_id, "run-1");
  ASSERT_EQ(commit->files.size(), 2u);
  EXPECT_EQ(commit->files[0].path, kGenre);
  EXPECT_EQ(commit->files[1].path, "gold/fact_popularity/loadDate=2026-10-01/part-00000.parquet");
  const std::string committed = Bytes(kGenre);
  EXPECT_EQ(commit->SnapshotPath(kGenre), "gold/_committed/1/dim_genre/part-00000.parquet");

  Write("dim_genre", "run 2, failed before its commit");
  EXPECT_NE(Bytes(kGenre), committed);
  EXPECT_EQ(Bytes(commit->SnapshotPath(kGenre)), committed) << "the snapshot is not changed by a later write";
  GoldFile live = DescribeGoldFile(kGenre, Bytes(kGenre));
  EXPECT_NE(live.crc32, commit->Find(kGenre)->crc32);
}

TEST_F(GoldCommitTest, SequencesGrowAndOldSnapshotsArePruned) {
  Write("dim_genre", "0");
  for (int i = 1; i <= 5; ++i) ASSERT_TRUE(CommitLiveGold(lake_->storage(), "run", kDay).ok());
  EXPECT_EQ(ReadGoldCommit(lake_->storage())->sequence, 5);
  auto kept = lake_->storage().List(kGoldSnapshotsDir);
  ASSERT_TRUE(kept.ok());
  EXPECT_EQ(*kept, (std::vector<std::string>{"3", "4", "5"}));
  // A damaged marker does not reset the sequence: the snapshot folders carry it on.
  ASSERT_TRUE(lake_->storage().WriteAtomic(kGoldCommitMarker, "{\"sequence\": ").ok());
  EXPECT_EQ(ReadGoldCommit(lake_->storage()).status().code(), Status::Code::kCorruption);
  ASSERT_TRUE(CommitLiveGold(lake_->storage(), "run", kDay).ok());
  EXPECT_EQ(ReadGoldCommit(lake_->storage())->sequence, 6);
}

TEST(GoldFileOfTest, NamesTheTableAndPartitionOfALakePath) {
  auto dim = GoldFileOf("gold/dim_content/part-00000.parquet");
  ASSERT_TRUE(dim.has_value());
  EXPECT_EQ(dim->def->name, "dim_content");
  EXPECT_FALSE(dim->partition.has_value());
  auto fact = GoldFileOf("gold/fact_popularity/loadDate=2026-10-02/part-00000.parquet");
  ASSERT_TRUE(fact.has_value());
  EXPECT_EQ(*fact->partition, Date::FromYmd(2026, 10, 2));
  EXPECT_FALSE(GoldFileOf("gold/fact_popularity/part-00000.parquet").has_value());
  EXPECT_FALSE(GoldFileOf("gold/_committed/1/dim_content/part-00000.parquet").has_value());
  EXPECT_FALSE(GoldFileOf("stg/content_detail/part-00000.parquet").has_value());
}

}  // namespace
}  // namespace cinelake
