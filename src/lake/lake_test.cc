#include "lake/lake.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "lake/testing/scratch_lake.h"

namespace cinelake {
namespace {

using LakeTest = testing::ScratchRootTest;

TEST_F(LakeTest, RefusesFoldersThatAreNotLakes) {
  std::filesystem::create_directories(root_);
  std::ofstream(root_ / "precious.txt") << "user data";
  auto lake = Lake::Open(root_.string(), Lake::OpenMode::kCreateIfMissing);
  ASSERT_FALSE(lake.ok());
  EXPECT_NE(lake.status().message().find("not a cinelake lake"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(root_ / Lake::kMarkerFile)) << "nothing written";
  EXPECT_FALSE(Lake::Open((root_ / "new").string(), Lake::OpenMode::kMustExist).ok());
}

TEST_F(LakeTest, WritesAndReadsPartitionsWithProjection) {
  auto lake = Lake::Open(root_.string(), Lake::OpenMode::kCreateIfMissing);
  ASSERT_TRUE(lake.ok()) << lake.status().ToString();
  EXPECT_TRUE(Lake::Open(root_.string(), Lake::OpenMode::kMustExist).ok());
  const TableDef& def = TableByName("stg_popularity");
  for (int day = 1; day <= 3; ++day) {
    Table t(def.schema);
    for (int i = 0; i < day; ++i) {
      t.column("id").AppendString("tt" + std::to_string(i));
      t.column("type").AppendString("movie");
      t.column("tmdb_id").AppendString("movie/" + std::to_string(i));
      t.column("popularity").AppendDouble(i + 0.5);
    }
    ASSERT_TRUE((*lake)->Write(def, t, Date::FromYmd(2026, 11, day)).ok());
  }
  auto dates = (*lake)->Partitions(def);
  ASSERT_TRUE(dates.ok());
  ASSERT_EQ(dates->size(), 3u);
  EXPECT_EQ(dates->front().ToString(), "2026-11-01");
  EXPECT_TRUE(std::filesystem::exists(root_ / "raw/stg_popularity/loadDate=2026-11-02/part-00000.parquet"));

  auto two = (*lake)->Read(def, Date::FromYmd(2026, 11, 2), {"popularity", "id"});
  ASSERT_TRUE(two.ok()) << two.status().ToString();
  EXPECT_EQ(two->num_rows(), 2u);
  EXPECT_EQ(two->schema().field(0).name, "popularity");
  EXPECT_EQ(two->column(1).String(1), "tt1");

  auto all = (*lake)->ReadAllPartitions(def, {"id"});
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->num_rows(), 6u);
  EXPECT_EQ(all->column("loadDate").Int32(5), Date::FromYmd(2026, 11, 3).days);

  EXPECT_TRUE((*lake)->Read(def, Date::FromYmd(2026, 10, 1)).status().IsNotFound());
  auto empty = (*lake)->ReadOrEmpty(def, Date::FromYmd(2026, 10, 1));
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty->num_rows(), 0u);
  EXPECT_FALSE((*lake)->Read(def, Date::FromYmd(2026, 11, 1), {"nope"}).ok());
}

TEST_F(LakeTest, ACorruptFileIsAnErrorNamingIt) {
  auto lake = Lake::Open(root_.string(), Lake::OpenMode::kCreateIfMissing);
  ASSERT_TRUE(lake.ok());
  const TableDef& def = TableByName("content_genre");
  std::filesystem::create_directories(root_ / "stg/content_genre");
  std::ofstream(root_ / "stg/content_genre/part-00000.parquet") << "PAR1 this is not parquet PAR1";
  auto t = (*lake)->Read(def);
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.status().message().find("stg/content_genre/part-00000.parquet"), std::string::npos)
      << t.status().ToString();
}

// Lands every Parquet file cut short, as a failing disk might.
class TruncatingStorage final : public Storage {
 public:
  explicit TruncatingStorage(std::string root) : local_(std::move(root)) {}
  Status Read(const std::string& path, std::string* out) const override { return local_.Read(path, out); }
  Status WriteAtomic(const std::string& path, std::string_view data) override {
    bool parquet = path.size() > 8 && path.compare(path.size() - 8, 8, ".parquet") == 0;
    return local_.WriteAtomic(path, parquet ? data.substr(0, data.size() - 100) : data);
  }
  Status Copy(const std::string& from, const std::string& to) override { return local_.Copy(from, to); }
  Result<std::vector<std::string>> List(const std::string& dir) const override { return local_.List(dir); }
  bool Exists(const std::string& path) const override { return local_.Exists(path); }
  Status Remove(const std::string& path) override { return local_.Remove(path); }
  std::string Location(const std::string& path) const override { return local_.Location(path); }
  Result<int> RemoveTemporaryFiles() override { return local_.RemoveTemporaryFiles(); }

 private:
  LocalStorage local_;
};

TEST_F(LakeTest, AWriteReadsItsFileBackAndFailsWhenItDoesNotDecode) {
  Lake lake(std::make_unique<TruncatingStorage>(root_.string()));
  const TableDef& def = TableByName("dim_genre");
  Table t(def.schema);
  for (int i = 0; i < 50; ++i) {
    for (size_t c = 0; c < t.num_columns(); ++c) t.column(c).AppendString("genre " + std::to_string(i));
  }
  Status st = lake.Write(def, t);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.code(), Status::Code::kCorruption) << st.ToString();
  EXPECT_NE(st.ToString().find("reading back"), std::string::npos) << st.ToString();
  EXPECT_NE(st.ToString().find("gold/dim_genre/part-00000.parquet"), std::string::npos) << st.ToString();
}

}  // namespace
}  // namespace cinelake
