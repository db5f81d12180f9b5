#include "jobs/fact/chart_history.h"

#include <gtest/gtest.h>

namespace cinelake::fact {
namespace {

constexpr std::string_view kMovie = "movie";

bool IsInternal(const Status& st) {
  return st.code() == Status::Code::kInternal;
}

Date Day(unsigned d) {
  return Date::FromYmd(2026, 11, d);
}

TEST(ChartHistoryTest, StreakCountsConsecutiveSnapshotsAndRestartsAfterAnAbsence) {
  ChartHistory h;
  for (unsigned d : {1u, 2u, 4u}) {  // no snapshot on the 3rd: the streak goes on
    ASSERT_TRUE(h.StartSnapshot(Day(d)).ok());
    ASSERT_TRUE(h.RecordRanked("tt1", kMovie, 5, 3).ok());
  }
  EXPECT_EQ(h.Measures("tt1", kMovie)->days_on_list, 3);
  ASSERT_TRUE(h.StartSnapshot(Day(5)).ok());  // tt1 absent: the streak is broken
  EXPECT_EQ(h.Measures("tt1", kMovie)->days_on_list, 0);
  EXPECT_EQ(h.Measures("tt1", kMovie)->total_days_on_list, 3);
  ASSERT_TRUE(h.StartSnapshot(Day(6)).ok());
  ASSERT_TRUE(h.RecordRanked("tt1", kMovie, 9, 4).ok());
  ChartMeasures m = *h.Measures("tt1", kMovie);
  EXPECT_EQ(m.days_on_list, 1);
  EXPECT_EQ(m.total_days_on_list, 4);
  EXPECT_EQ(m.debut_date, Day(1));
  EXPECT_FALSE(h.Measures("tt2", kMovie).has_value());
}

TEST(ChartHistoryTest, PeakKeepsTheEarliestDateOfTheBestRank) {
  ChartHistory h;
  const int32_t ranks[] = {4, 2, 3, 2, 1, 1};
  for (unsigned d = 1; d <= 6; ++d) {
    ASSERT_TRUE(h.StartSnapshot(Day(d)).ok());
    ASSERT_TRUE(h.RecordRanked("tt1", kMovie, ranks[d - 1], ranks[d - 1] + 10).ok());
    if (d == 4) {
      EXPECT_EQ(h.Measures("tt1", kMovie)->peak_rank, 2);
      EXPECT_EQ(h.Measures("tt1", kMovie)->peak_date, Day(2));
    }
  }
  ChartMeasures m = *h.Measures("tt1", kMovie);
  EXPECT_EQ(m.peak_rank, 1);
  EXPECT_EQ(m.peak_date, Day(5));
  EXPECT_EQ(m.peak_rank_in_type, 11);
  EXPECT_EQ(m.peak_date_in_type, Day(5));
}

TEST(ChartHistoryTest, InTypePeakIsWithinTheAskedType) {
  ChartHistory h;
  ASSERT_TRUE(h.StartSnapshot(Day(1)).ok());
  ASSERT_TRUE(h.RecordRanked("tt1", kMovie, 3, 1).ok());
  ASSERT_TRUE(h.StartSnapshot(Day(2)).ok());
  ASSERT_TRUE(h.RecordRanked("tt1", std::string_view("tvSeries"), 5, 2).ok());
  EXPECT_EQ(h.Measures("tt1", std::string_view("tvSeries"))->peak_rank_in_type, 2);
  EXPECT_EQ(h.Measures("tt1", kMovie)->peak_rank_in_type, 1);
  EXPECT_EQ(h.Measures("tt1", kMovie)->peak_date_in_type, Day(1));
  EXPECT_FALSE(h.Measures("tt1", std::nullopt)->peak_rank_in_type.has_value());
  EXPECT_EQ(h.Measures("tt1", std::nullopt)->peak_rank, 3);
}

TEST(ChartHistoryTest, MisuseIsAnInternalError) {
  ChartHistory h;
  EXPECT_TRUE(IsInternal(h.RecordRanked("tt1", kMovie, 1, 1)));
  ASSERT_TRUE(h.StartSnapshot(Day(2)).ok());
  EXPECT_TRUE(IsInternal(h.StartSnapshot(Day(2))));
  EXPECT_TRUE(IsInternal(h.StartSnapshot(Day(1))));
  ASSERT_TRUE(h.RecordRanked("tt1", kMovie, 1, 1).ok());
  EXPECT_TRUE(IsInternal(h.RecordRanked("tt1", kMovie, 2, 2)));
}

}  // namespace
}  // namespace cinelake::fact
