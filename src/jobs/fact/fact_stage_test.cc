#include "jobs/fact/fact_stage.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "jobs/testing/psv.h"
#include "jobs/testing/scratch_lake.h"
#include "lake/schemas.h"

namespace cinelake {
namespace {

namespace fs = std::filesystem;

class FactStageTest : public ::testing::Test {
 protected:
  void Raw(int day, const std::string& rows) {
    const TableDef& def = TableByName(tables::kPopularity);
    auto t = testing::ParsePsv("id|type|popularity\n" + rows, def.schema, "raw");
    ASSERT_TRUE(t.ok()) << t.status().ToString();
    ASSERT_TRUE(lake_->Write(def, *t, Date::FromYmd(2026, 11, day)).ok());
  }
  Status Run(int day) {
    JobContext ctx;
    ctx.lake = lake_.get();
    ctx.load_date = Date::FromYmd(2026, 11, day);
    ctx.metrics = &metrics_;
    return RunFactStage(ctx);
  }
  std::string Fact(int day) {
    auto t =
        lake_->Read(TableByName(tables::kFactPopularity), Date::FromYmd(2026, 11, day),
                    {"content_id", "rank", "rank_change", "is_new_joiner", "is_leaver", "prev_load_date"});
    return t.ok() ? testing::FormatPsv(*t) : t.status().ToString();
  }

  testing::ScratchLake lake_{"fact-stage-test"};
  StageMetrics metrics_;
};

TEST_F(FactStageTest, MissingRawPartitionIsAnErrorNamingIt) {
  Raw(1, "tt1|movie|5\n");
  Status st = Run(2);
  ASSERT_FALSE(st.ok());
  EXPECT_TRUE(st.IsNotFound());
  EXPECT_NE(st.message().find("raw/stg_popularity/loadDate=2026-11-02"), std::string::npos) << st.ToString();
  EXPECT_FALSE(lake_->Exists(TableByName(tables::kFactPopularity), Date::FromYmd(2026, 11, 2)));
}

TEST_F(FactStageTest, BackfillingAGapRecomputesTheLaterDays) {
  Raw(1, "tt1|movie|90\ntt2|movie|80\n");
  Raw(3, "tt1|movie|90\ntt2|movie|80\n");
  ASSERT_TRUE(Run(1).ok());
  ASSERT_TRUE(Run(3).ok());
  EXPECT_EQ(Fact(3),
            "content_id|rank|rank_change|is_new_joiner|is_leaver|prev_load_date\n"
            "tt1|1|0|false|false|2026-11-01\ntt2|2|0|false|false|2026-11-01\n");
  // Day 2 arrives late: tt2 was not there. Day 3 now compares with day 2.
  Raw(2, "tt1|movie|90\n");
  ASSERT_TRUE(Run(2).ok());
  EXPECT_EQ(Fact(2),
            "content_id|rank|rank_change|is_new_joiner|is_leaver|prev_load_date\n"
            "tt1|1|0|false|false|2026-11-01\ntt2|NULL|999|false|true|2026-11-01\n");
  EXPECT_EQ(Fact(3),
            "content_id|rank|rank_change|is_new_joiner|is_leaver|prev_load_date\n"
            "tt1|1|0|false|false|2026-11-02\ntt2|2|0|true|false|2026-11-02\n");
  auto counters = metrics_.Snapshot();
  EXPECT_EQ(counters["fact.partitions_recomputed"], 1);
  EXPECT_EQ(counters["rows.fact_popularity"], 2 + 2 + 2 + 2);
}

TEST_F(FactStageTest, LaterRawOnlyDaysAreNotComputed) {
  Raw(1, "tt1|movie|90\n");
  Raw(2, "tt1|movie|90\n");
  ASSERT_TRUE(Run(1).ok());
  auto dates = lake_->Partitions(TableByName(tables::kFactPopularity));
  ASSERT_TRUE(dates.ok());
  EXPECT_EQ(dates->size(), 1u);
}

TEST_F(FactStageTest, AnUnreadableEarlierPartitionIsRebuiltFromItsRawSnapshot) {
  Raw(1, "tt1|movie|90\ntt2|movie|80\n");
  Raw(2, "tt2|movie|90\ntt1|movie|80\n");
  Raw(3, "tt1|movie|90\n");
  ASSERT_TRUE(Run(1).ok());
  ASSERT_TRUE(Run(2).ok());
  const std::string before = Fact(2);
  // A damaged disk: half of day 2's file is gone.
  const fs::path file = lake_.root() / "gold/fact_popularity/loadDate=2026-11-02/part-00000.parquet";
  fs::resize_file(file, fs::file_size(file) / 2);
  ASSERT_NE(Fact(2), before);
  ASSERT_TRUE(Run(3).ok());
  EXPECT_EQ(Fact(2), before);
  EXPECT_EQ(metrics_.Snapshot()["fact.partitions_repaired"], 1);
  EXPECT_EQ(Fact(3),
            "content_id|rank|rank_change|is_new_joiner|is_leaver|prev_load_date\n"
            "tt1|1|-1|false|false|2026-11-02\ntt2|NULL|999|false|true|2026-11-02\n");
}

}  // namespace
}  // namespace cinelake
