#include "sandbox/monthly_quota.h"

#include <gtest/gtest.h>

namespace cinelake::sandbox {
namespace {

TEST(MonthlyQuotaTest, CountsDownPerCalendarMonthAndRefusesPastTheLimit) {
  MonthlyQuota q;
  q.Configure(2);
  Date sep29 = Date::FromYmd(2026, 9, 29);
  MonthlyQuota::Standing a = q.Take(sep29);
  EXPECT_TRUE(a.allowed);
  EXPECT_EQ(a.limit, 2);
  EXPECT_EQ(a.remaining, 1);
  EXPECT_EQ(a.reset_seconds, 2 * 86'400);  // October 1st
  EXPECT_TRUE(q.Take(sep29 + 1).allowed);
  MonthlyQuota::Standing over = q.Take(sep29);
  EXPECT_FALSE(over.allowed);
  EXPECT_EQ(over.remaining, 0);
  // A refunded request is free again; a new month starts from the limit.
  q.Refund(sep29);
  EXPECT_TRUE(q.Take(sep29).allowed);
  MonthlyQuota::Standing october = q.Take(Date::FromYmd(2026, 10, 1));
  EXPECT_TRUE(october.allowed);
  EXPECT_EQ(october.remaining, 1);
  EXPECT_EQ(october.reset_seconds, 31 * 86'400);
}

TEST(MonthlyQuotaTest, NextMonthStartCrossesTheYear) {
  EXPECT_EQ(NextMonthStart(Date::FromYmd(2026, 12, 31)), Date::FromYmd(2027, 1, 1));
  EXPECT_EQ(NextMonthStart(Date::FromYmd(2028, 2, 1)), Date::FromYmd(2028, 3, 1));
}

}  // namespace
}  // namespace cinelake::sandbox
