#include "common/date.h"

#include <gtest/gtest.h>

namespace cinelake {

TEST(DateTest, ParsesAndFormatsRoundTrip) {
  auto d = Date::Parse("2026-02-23");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->ToString(), "2026-02-23");
  EXPECT_EQ(Date::Parse("1970-01-01")->days, 0);
  EXPECT_EQ((*d + 7).ToString(), "2026-03-02");
  EXPECT_EQ(d->year(), 2026);
  EXPECT_EQ(d->month(), 2u);
}

TEST(DateTest, RejectsMalformedDates) {
  for (const char* bad : {"2026-2-23", "23/02/2026", "2026-02-30", "2026-13-01", "", "2026-02-23x",
                          "abcd-ef-gh", "1800-01-01"}) {
    auto d = Date::Parse(bad);
    EXPECT_FALSE(d.ok()) << bad;
    if (!d.ok()) {
      EXPECT_NE(d.status().message().find("YYYY-MM-DD"), std::string::npos);
    }
  }
}

TEST(DateTest, FormatsEveryInt32DayCount) {
  EXPECT_EQ(Date{0}.ToString(), "1970-01-01");
  EXPECT_EQ(Date{-1}.ToString(), "1969-12-31");
  EXPECT_EQ(Date::FromYmd(2024, 2, 29).ToString(), "2024-02-29");
  EXPECT_EQ(Date::FromYmd(9999, 12, 31).ToString(), "9999-12-31");
  EXPECT_EQ((Date::FromYmd(9999, 12, 31) + 1).ToString(), "+10000-01-01");
  EXPECT_EQ((Date::FromYmd(0, 1, 1) - 1).ToString(), "-0001-12-31");
  EXPECT_EQ(Date{2147483647}.ToString(), "+5881580-07-11");
  EXPECT_EQ(Date{-2147483647 - 1}.ToString(), "-5877641-06-23");
  // Every day of four centuries round-trips through the parser.
  for (Date d = Date::FromYmd(1900, 1, 1); d < Date::FromYmd(2300, 1, 1); d = d + 1) {
    ASSERT_EQ(Date::Parse(d.ToString())->days, d.days) << d.ToString();
  }
}

TEST(DateTest, FormatsTimestamps) {
  EXPECT_EQ(FormatTimestampMicros(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(FormatTimestampMicros(int64_t{86400} * 1000000 + 3661000000), "1970-01-02T01:01:01Z");
  EXPECT_EQ(FormatTimestampMicros(-1000000), "1969-12-31T23:59:59Z");
}

}  // namespace cinelake
