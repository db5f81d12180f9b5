// The Charts view's lists and the moving average (rules_charts.h), on a small
// fact history whose chart measures are written out by hand.
#include "serve/rules_charts.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "lake/schemas.h"
#include "serve/api.h"

namespace cinelake::serve {
namespace {

using json = nlohmann::json;

struct Ranked {
  std::string id;
  int rank;
  int64_t cents;
  int streak;
  int debut_day;  // day of month
};

Date Nov(unsigned d) {
  return Date::FromYmd(2026, 11, d);
}

Table Day(const std::vector<Ranked>& rows) {
  Table t(TableByName(tables::kFactPopularity).schema);
  for (size_t c = 0; c < t.num_columns(); ++c) {
    const std::string& name = t.schema().field(c).name;
    Column& col = t.column(c);
    for (const Ranked& r : rows) {
      if (name == "content_id")
        col.AppendString(r.id);
      else if (name == "rank" || name == "peak_rank")
        col.AppendInt32(r.rank);
      else if (name == "popularity")
        col.AppendInt64(r.cents);
      else if (name == "is_new_joiner" || name == "is_leaver")
        col.AppendBool(false);
      else if (name == "days_on_list" || name == "total_days_on_list")
        col.AppendInt32(r.streak);
      else if (name == "debut_date")
        col.AppendInt32(Nov(r.debut_day).days);
      else
        col.AppendNull();
    }
  }
  return t;
}

class ChartsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    GoldTables g = GoldTables::Empty();
    // Snapshots on the 1st, 3rd, 8th (no snapshot from the 4th to the 7th), 9th and 10th.
    g.fact.emplace_back(Nov(1), Day({{"tt1", 1, 9000, 1, 1}, {"tt2", 2, 8000, 1, 1}, {"tt3", 3, 100, 1, 1}}));
    g.fact.emplace_back(Nov(3), Day({{"tt1", 1, 9000, 2, 1}, {"tt3", 2, 200, 2, 1}, {"tt2", 3, 7000, 1, 1}}));
    g.fact.emplace_back(Nov(8), Day({{"tt1", 1, 9000, 3, 1}, {"tt2", 2, 6000, 2, 1}, {"tt3", 3, 300, 3, 1}}));
    g.fact.emplace_back(Nov(9), Day({{"tt3", 1, 9900, 4, 1}, {"tt1", 2, 8000, 4, 1}, {"tt4", 3, 50, 1, 9}}));
    g.fact.emplace_back(Nov(10),
                        Day({{"tt3", 1, 9900, 5, 1}, {"tt4", 2, 7000, 2, 9}, {"tt1", 3, 1000, 5, 1}}));
    gold_ = PreparedGold::Prepare(g);
  }
  json Get(const std::string& target) {
    ApiResponse r = HandleApi(*gold_, "GET", std::string_view(target));
    EXPECT_EQ(r.status, 200) << target << ": " << r.body;
    return json::parse(r.body);
  }
  static std::vector<std::string> Ids(const json& rows) {
    std::vector<std::string> out;
    for (const auto& r : rows) out.push_back(r["id"]);
    return out;
  }
  std::shared_ptr<const PreparedGold> gold_;
};

TEST_F(ChartsTest, TheDayWindowComparesWithTheLatestEarlierSnapshot) {
  json j = Get("/api/charts");
  EXPECT_EQ(j["window_days"], 1);
  EXPECT_EQ(j["start_date"], "2026-11-09");
  EXPECT_EQ(Ids(j["climbers"]), std::vector<std::string>{"tt4"});
  EXPECT_EQ(j["climbers"][0]["start_rank"], 3);
  EXPECT_EQ(j["climbers"][0]["climb_text"], "+1");
  EXPECT_EQ(Ids(j["new_entries"]), std::vector<std::string>{});  // tt4 debuted on the 9th
  EXPECT_EQ(Ids(j["longest_running"]), (std::vector<std::string>{"tt3", "tt1", "tt4"}));
}

TEST_F(ChartsTest, TheWeekWindowStartsAtTheLatestSnapshotAWeekOld) {
  // (Nov 3, Nov 10]: the start snapshot is Nov 3's.
  json j = Get("/api/charts?window=7");
  EXPECT_EQ(j["start_date"], "2026-11-03");
  EXPECT_EQ(Ids(j["climbers"]), std::vector<std::string>{"tt3"});  // 2 -> 1; tt1 fell, tt4 was not there
  EXPECT_EQ(Ids(j["new_entries"]), std::vector<std::string>{"tt4"});
  json month = Get("/api/charts?window=30");
  EXPECT_TRUE(month["start_date"].is_null());
  EXPECT_TRUE(month["climbers"].empty());
  EXPECT_EQ(Ids(month["new_entries"]), (std::vector<std::string>{"tt3", "tt4", "tt1"}));
}

TEST_F(ChartsTest, AWindowOtherThanOneSevenOrThirtyIsRefused) {
  ApiResponse r = HandleApi(*gold_, "GET", std::string_view("/api/charts?window=5"));
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("parameter 'window'"), std::string::npos);
}

TEST_F(ChartsTest, MovingAverageCoversTheSevenCalendarDaysWhereRanked) {
  const GoldSnapshot& s = gold_->snapshot();
  int tt2 = s.FindTitle("tt2");
  // On the 8th: the 2nd..8th hold the 3rd (70.00) and the 8th (60.00).
  EXPECT_DOUBLE_EQ(*MovingAveragePopularity(s, tt2, s.FindDay(Nov(8))), 65.0);
  // On the 10th: the 4th..10th hold only the 8th's 60.00 (tt2 left on the 9th).
  EXPECT_DOUBLE_EQ(*MovingAveragePopularity(s, tt2, s.FindDay(Nov(10))), 60.0);
  int tt4 = s.FindTitle("tt4");
  EXPECT_FALSE(MovingAveragePopularity(s, tt4, s.FindDay(Nov(8))).has_value());
  json trends = Get("/api/trends?ids=tt2&from=2026-11-08&to=2026-11-10");
  EXPECT_EQ(trends["series"][0]["popularity_avg7"], json::parse("[65.0, 65.0, 60.0]"));
}

}  // namespace
}  // namespace cinelake::serve
