#include "serve/snapshot_holder.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "lake/schemas.h"
#include "serve/testing/fixture_lake.h"

namespace cinelake::serve {
namespace {

// A source whose data the test changes, as a pipeline run landing would.
class FakeSource final : public SnapshotSource {
 public:
  explicit FakeSource(GoldTables* gold, int* version, bool* fail)
      : gold_(gold), version_(version), fail_(fail) {}
  Result<std::string> Fingerprint() override { return std::to_string(*version_); }
  Result<GoldTables> Load() override {
    ++loads;
    if (*fail_) return Status::Corruption("gold/fact_popularity: bad file");
    return *gold_;
  }
  int loads = 0;

 private:
  GoldTables* gold_;
  int* version_;
  bool* fail_;
};

TEST(ServeReload, PicksUpANewPartitionAndKeepsOldSnapshotsAlive) {
  testing::FixtureOptions o;
  o.days = 5;
  GoldTables full = testing::MakeFixtureGold(o);
  GoldTables gold = full;
  auto last = gold.fact.back();
  gold.fact.pop_back();
  int version = 1;
  bool fail = false;
  auto src = std::make_unique<FakeSource>(&gold, &version, &fail);
  FakeSource* raw = src.get();
  SnapshotHolder holder(std::move(src));

  bool reloaded = false;
  ASSERT_TRUE(holder.Refresh(&reloaded).ok());
  EXPECT_TRUE(reloaded);
  auto before = holder.Current();
  ASSERT_EQ(before->snapshot().days.size(), 4u);

  ASSERT_TRUE(holder.Refresh(&reloaded).ok());  // nothing changed: no reload
  EXPECT_FALSE(reloaded);
  EXPECT_EQ(raw->loads, 1);

  gold.fact.push_back(last);  // a new run lands
  ++version;
  ASSERT_TRUE(holder.Refresh(&reloaded).ok());
  EXPECT_TRUE(reloaded);
  auto after = holder.Current();
  ASSERT_EQ(after->snapshot().days.size(), 5u);
  EXPECT_EQ(after->snapshot().days.back().date, o.last_day);
  EXPECT_EQ(before->snapshot().days.size(), 4u);  // readers holding the old snapshot are unaffected

  fail = true;  // a broken reload keeps serving the last good data
  ++version;
  EXPECT_FALSE(holder.Refresh(&reloaded).ok());
  EXPECT_EQ(holder.Current()->snapshot().days.size(), 5u);
}

TEST(ServeReload, WatcherReloadsInTheBackground) {
  testing::FixtureOptions o;
  o.days = 3;
  GoldTables gold = testing::MakeFixtureGold(o);
  int version = 1;
  bool fail = false;
  SnapshotHolder holder(std::make_unique<FakeSource>(&gold, &version, &fail));
  holder.StartWatching(20);
  bool loaded = false;
  for (int i = 0; i < 200 && !loaded; ++i) {  // at most ~4 s
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    loaded = holder.Current()->snapshot().days.size() == 3;
  }
  EXPECT_TRUE(loaded);
}

TEST(ServeReload, LakeSourceServesANewFactPartitionOnceItIsCommitted) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("cinelake-reload-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  testing::FixtureOptions o;
  o.days = 4;
  GoldTables gold = testing::MakeFixtureGold(o);
  auto last = gold.fact.back();
  gold.fact.pop_back();
  {
    auto lake = Lake::Open(dir.string(), Lake::OpenMode::kCreateIfMissing);
    ASSERT_TRUE(lake.ok()) << lake.status().ToString();
    ASSERT_TRUE(WriteGold(**lake, gold).ok());
  }
  auto lake = Lake::Open(dir.string(), Lake::OpenMode::kMustExist);
  ASSERT_TRUE(lake.ok());
  SnapshotHolder holder(std::make_unique<LakeSource>(std::move(lake).value()));
  bool reloaded = false;
  ASSERT_TRUE(holder.Refresh(&reloaded).ok());
  ASSERT_EQ(holder.Current()->snapshot().days.size(), 3u);
  ASSERT_TRUE(holder.Refresh(&reloaded).ok());
  EXPECT_FALSE(reloaded);  // unchanged files: no reload

  auto writer = Lake::Open(dir.string(), Lake::OpenMode::kMustExist);
  ASSERT_TRUE(writer.ok());
  ASSERT_TRUE((*writer)->Write(TableByName(tables::kFactPopularity), last.second, last.first).ok());
  ASSERT_TRUE(holder.Refresh(&reloaded).ok());
  EXPECT_TRUE(reloaded);
  // Landed but not committed: still the committed three days, and the new file named.
  ASSERT_EQ(holder.Current()->snapshot().days.size(), 3u);
  EXPECT_EQ(holder.Current()->snapshot().notes.live_changed,
            std::vector<std::string>{"gold/fact_popularity/loadDate=" + o.last_day.ToString() +
                                     "/part-00000.parquet"});
  ASSERT_TRUE(CommitLiveGold((*writer)->storage(), "run-next", o.last_day).ok());
  ASSERT_TRUE(holder.Refresh(&reloaded).ok());
  EXPECT_TRUE(reloaded);
  ASSERT_EQ(holder.Current()->snapshot().days.size(), 4u);
  EXPECT_TRUE(holder.Current()->snapshot().notes.live_changed.empty());
  EXPECT_EQ(holder.Current()->snapshot().days.back().date, o.last_day);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace cinelake::serve
