#include "sources/retry_policy.h"

#include <gtest/gtest.h>

namespace cinelake {
namespace {

using std::chrono::milliseconds;

TEST(SourcesRetryPolicy, RetryAfterSecondsAndDates) {
  std::time_t now = 1445412480;  // Wed, 21 Oct 2015 07:28:00 GMT
  EXPECT_EQ(ParseRetryAfter("3", now), milliseconds(3000));
  EXPECT_EQ(ParseRetryAfter(" 0 ", now), milliseconds(0));
  EXPECT_EQ(ParseRetryAfter("0.25", now), milliseconds(250));
  EXPECT_EQ(ParseRetryAfter("Wed, 21 Oct 2015 07:28:05 GMT", now), milliseconds(5000));
  EXPECT_EQ(ParseRetryAfter("Wed, 21 Oct 2015 07:27:00 GMT", now), milliseconds(0));  // past
  EXPECT_EQ(ParseRetryAfter("", now), std::nullopt);
  EXPECT_EQ(ParseRetryAfter("soon", now), std::nullopt);
}

TEST(SourcesRetryPolicy, FullJitterStaysUnderTheExponentialCeiling) {
  RetryPolicy p{5, 100, 1000, 0};
  std::mt19937_64 rng(42);
  int64_t max_seen[6] = {0};
  for (int i = 0; i < 2000; ++i) {
    for (int attempt = 1; attempt <= 5; ++attempt) {
      int64_t d = BackoffDelay(p, attempt, rng).count();
      int64_t ceiling = std::min<int64_t>(1000, int64_t{100} << (attempt - 1));
      ASSERT_GE(d, 0);
      ASSERT_LE(d, ceiling) << "attempt " << attempt;
      max_seen[attempt] = std::max(max_seen[attempt], d);
    }
  }
  // Jitter spreads over the whole range: near the ceiling at some point.
  EXPECT_GT(max_seen[1], 90);
  EXPECT_GT(max_seen[5], 900);
}

TEST(SourcesRetryPolicy, RetryableStatuses) {
  for (int s : {408, 425, 429, 500, 502, 503, 504}) EXPECT_TRUE(IsRetryableHttpStatus(s)) << s;
  for (int s : {200, 400, 401, 403, 404, 422}) EXPECT_FALSE(IsRetryableHttpStatus(s)) << s;
}

}  // namespace
}  // namespace cinelake
