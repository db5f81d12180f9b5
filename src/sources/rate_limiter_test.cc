#include "sources/rate_limiter.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace cinelake {
namespace {

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

TEST(SourcesRateLimiter, BurstIsImmediateThenSustainedRate) {
  RateLimiter limiter(50, 5);
  auto start = Clock::now();
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(limiter.Acquire());
  EXPECT_LT(SecondsSince(start), 0.03);  // the burst does not wait
  for (int i = 0; i < 10; ++i) ASSERT_TRUE(limiter.Acquire());
  // 10 more at 50/s take ~0.2 s.
  double elapsed = SecondsSince(start);
  EXPECT_GE(elapsed, 0.18);
  EXPECT_LT(elapsed, 0.5);
}

TEST(SourcesRateLimiter, ManyThreadsShareTheBudget) {
  RateLimiter limiter(100, 1);
  std::vector<std::thread> threads;
  std::vector<Clock::time_point> grants;
  std::mutex mu;
  auto start = Clock::now();
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 5; ++i) {
        ASSERT_TRUE(limiter.Acquire());
        std::lock_guard<std::mutex> lock(mu);
        grants.push_back(Clock::now());
      }
    });
  }
  for (auto& t : threads) t.join();
  ASSERT_EQ(grants.size(), 20u);
  // 20 grants with burst 1 at 100/s: the last no earlier than 190 ms.
  EXPECT_GE(SecondsSince(start), 0.185);
  // Cumulatively, grant i comes no earlier than i intervals after the first
  // (pairwise gaps jitter with thread wake-ups; the schedule does not drift).
  std::sort(grants.begin(), grants.end());
  for (size_t i = 1; i < grants.size(); ++i) {
    EXPECT_GE(std::chrono::duration<double>(grants[i] - grants[0]).count(), 0.010 * i - 0.002) << i;
  }
}

TEST(SourcesRateLimiter, PauseStopsGrantsUntilItEnds) {
  RateLimiter limiter(1000, 10);
  auto start = Clock::now();
  limiter.PauseUntil(start + std::chrono::milliseconds(150));
  ASSERT_TRUE(limiter.Acquire());
  EXPECT_GE(SecondsSince(start), 0.149);
}

TEST(SourcesRateLimiter, CancelWakesAWaiter) {
  RateLimiter limiter(0.5, 1);
  ASSERT_TRUE(limiter.Acquire());
  std::atomic<bool> cancel{false};
  std::thread canceller([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(60));
    cancel = true;
  });
  auto start = Clock::now();
  EXPECT_FALSE(limiter.Acquire(&cancel));  // would otherwise wait 2 s
  EXPECT_LT(SecondsSince(start), 0.5);
  canceller.join();
}

}  // namespace
}  // namespace cinelake
