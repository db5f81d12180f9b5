#include "jobs/fact/fact_popularity.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <string>

#include "jobs/testing/psv.h"
#include "lake/schemas.h"

namespace cinelake::fact {
namespace {

Table Pop(const std::string& rows) {
  auto t = testing::ParsePsv("id|type|popularity\n" + rows, TableByName(tables::kPopularity).schema, "test");
  EXPECT_TRUE(t.ok()) << t.status().ToString();
  return std::move(t).value();
}

// The rules of one day against one previous snapshot; the chart measures,
// which need a longer history, are pinned by chart_measures_test.cc.
constexpr size_t kDayColumns = 10;

std::string DayColumns(const std::string& psv) {
  std::string out;
  size_t bars = 0;
  bool keep = true;
  for (char c : psv) {
    if (c == '\n') {
      out.push_back(c);
      bars = 0;
      keep = true;
      continue;
    }
    if (c == '|' && ++bars == kDayColumns) keep = false;
    if (keep) out.push_back(c);
  }
  return out;
}

Result<Table> Build(const Table& today, const std::optional<PreviousSnapshot>& p,
                    FactStats* stats = nullptr) {
  ChartHistory history;
  Date day = Date::FromYmd(2026, 11, 1);
  if (p) {
    RETURN_IF_ERROR(BuildFactPopularity(p->load_date, *p->popularity, std::nullopt, &history).status());
    day = p->load_date + 1;
  }
  return BuildFactPopularity(day, today, p, &history, stats);
}

std::string Fact(const Table& today, const Table* prev = nullptr,
                 Date prev_date = Date::FromYmd(2026, 11, 1)) {
  std::optional<PreviousSnapshot> p;
  if (prev != nullptr) p = PreviousSnapshot{prev_date, prev};
  auto t = Build(today, p);
  EXPECT_TRUE(t.ok()) << t.status().ToString();
  return t.ok() ? DayColumns(testing::FormatPsv(*t)) : "";
}

constexpr const char* kHeader =
    "content_id|rank|popularity|rank_change|is_new_joiner|is_leaver|content_type|rank_in_type|"
    "rank_change_in_type|prev_load_date\n";

TEST(FactPopularityTest, CentsRoundHalfAwayFromZeroOnTheDecimalText) {
  EXPECT_EQ(*PopularityCents(12.345), 1235);  // binary 12.3449999... still reads 12.345
  EXPECT_EQ(*PopularityCents(12.344999), 1234);
  EXPECT_EQ(*PopularityCents(0.005), 1);
  EXPECT_EQ(*PopularityCents(-0.005), -1);
  EXPECT_EQ(*PopularityCents(7), 700);
  EXPECT_EQ(*PopularityCents(99999999.994), 9999999999);
  EXPECT_FALSE(PopularityCents(99999999.995).ok());
  EXPECT_FALSE(PopularityCents(std::nan("")).ok());
  EXPECT_FALSE(PopularityCents(1e300).ok());
}

// One day's rows against one previous snapshot (none on the first day).
struct DayCase {
  const char* name;
  const char* previous;  // stg_popularity rows; nullptr: the first day
  const char* today;
  const char* expected;  // the fact's rows, after kHeader
  Date previous_date = Date::FromYmd(2026, 11, 1);
};

const DayCase kDayCases[] = {
    {"FirstDayEveryoneJoinsWithNullPrevDate", nullptr, "tt2|movie|50.5\ntt1|tvSeries|80\ntt3|movie|10.126\n",
     "tt1|1|80.00|0|true|false|tvSeries|1|0|NULL\n"
     "tt2|2|50.50|0|true|false|movie|1|0|NULL\n"
     "tt3|3|10.13|0|true|false|movie|2|0|NULL\n"},
    // 5.001 and 5.004 both publish as 5.00: the id decides, not the hidden digits.
    {"TiesBreakByContentIdOnTheRoundedValue", nullptr, "ttb|movie|5.004\ntta|movie|5.001\nttc|movie|5\n",
     "tta|1|5.00|0|true|false|movie|1|0|NULL\n"
     "ttb|2|5.00|0|true|false|movie|2|0|NULL\n"
     "ttc|3|5.00|0|true|false|movie|3|0|NULL\n"},
    {"ChangesJoinersAndLeaversAgainstPrevious", "tt1|movie|90\ntt2|tvSeries|80\ntt3|movie|70\n",
     "tt3|movie|95\ntt1|movie|60\ntt4|tvSeries|85\n",
     "tt3|1|95.00|-2|false|false|movie|1|-1|2026-11-01\n"
     "tt4|2|85.00|0|true|false|tvSeries|1|0|2026-11-01\n"
     "tt1|3|60.00|2|false|false|movie|2|1|2026-11-01\n"
     "tt2|NULL|0.00|999|false|true|tvSeries|NULL|999|2026-11-01\n"},
    {"ALeaverIsEmittedOnce", "tt1|movie|90\ntt2|movie|80\n", "tt1|movie|90\n",
     "tt1|1|90.00|0|false|false|movie|1|0|2026-11-01\n"
     "tt2|NULL|0.00|999|false|true|movie|NULL|999|2026-11-01\n"},
    // Against a day tt2 was not ranked on, tt2 joins and nobody leaves.
    {"AReturnerIsAJoinerAndTheLeaverIsNotEmittedAgain", "tt1|movie|90\n", "tt1|movie|90\ntt2|movie|99\n",
     "tt2|1|99.00|0|true|false|movie|1|0|2026-11-02\n"
     "tt1|2|90.00|1|false|false|movie|2|1|2026-11-02\n",
     Date::FromYmd(2026, 11, 2)},
    {"NobodyNewAndNobodyGoneHasNoLeaverRows", "tt1|movie|90\n", "tt1|movie|90\n",
     "tt1|1|90.00|0|false|false|movie|1|0|2026-11-02\n", Date::FromYmd(2026, 11, 2)},
    {"TypeChangeCountsAsJoiningThatType", "tt1|movie|90\ntt2|movie|80\n", "tt1|movie|90\ntt2|tvSeries|80\n",
     "tt1|1|90.00|0|false|false|movie|1|0|2026-11-01\n"
     "tt2|2|80.00|0|false|false|tvSeries|1|0|2026-11-01\n"},
};

TEST(FactPopularityTest, EachDayAgainstItsPreviousSnapshot) {
  for (const DayCase& c : kDayCases) {
    SCOPED_TRACE(c.name);
    Table today = Pop(c.today);
    std::optional<Table> previous;
    if (c.previous != nullptr) previous = Pop(c.previous);
    EXPECT_EQ(Fact(today, previous ? &*previous : nullptr, c.previous_date),
              std::string(kHeader) + c.expected);
  }
}

TEST(FactPopularityTest, UnrankableRowsAndDuplicatesAreHandled) {
  Table today = Pop("tt1|movie|NULL\ntt2|movie|nan\ntt3|movie|10\ntt3|movie|20\ntt4|NULL|5\n");
  FactStats stats;
  auto t = Build(today, std::nullopt, &stats);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(DayColumns(testing::FormatPsv(*t)), std::string(kHeader) +
                                                    "tt3|1|20.00|0|true|false|movie|1|0|NULL\n"
                                                    "tt4|2|5.00|0|true|false|NULL|NULL|NULL|NULL\n");
  EXPECT_EQ(stats.skipped_rows, 2);
  EXPECT_EQ(stats.duplicate_ids, 1);
  EXPECT_EQ(stats.ranked, 2);
}

TEST(FactPopularityTest, TwoHundredTitlesWellUnderFiftyMilliseconds) {
  std::string rows, prev_rows;
  for (int i = 0; i < 220; ++i) {
    std::string id = "tt" + std::to_string(1000000 + i * 7919 % 100000);
    if (i < 200)
      rows += id + "|" + (i % 3 ? "movie" : "tvSeries") + "|" + std::to_string((i * 37) % 500 + 0.25) + "\n";
    if (i >= 20)
      prev_rows += id + "|" + (i % 3 ? "movie" : "tvSeries") + "|" + std::to_string((i * 53) % 500) + "\n";
  }
  Table today = Pop(rows), prev = Pop(prev_rows);
  auto start = std::chrono::steady_clock::now();
  Result<Table> t = Table();
  for (int rep = 0; rep < 10; ++rep) t = Build(today, PreviousSnapshot{Date::FromYmd(2026, 11, 1), &prev});
  auto per_run = (std::chrono::steady_clock::now() - start) / 10;
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->num_rows(), 220u);  // 200 ranked + 20 leavers
  EXPECT_LT(std::chrono::duration_cast<std::chrono::milliseconds>(per_run).count(), 5);
}

}  // namespace
}  // namespace cinelake::fact
