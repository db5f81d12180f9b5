#include "sandbox/faults.h"

#include <gtest/gtest.h>

#include "sandbox/request_quota.h"

namespace cinelake::sandbox {
namespace {

TEST(SandboxFaultsTest, DefaultsAreFaultFreeWithTheRealRateLimits) {
  auto c = FaultConfig::Parse("{}");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->rate_limits[0].rate, 10);
  EXPECT_EQ(c->rate_limits[0].burst, 10);
  EXPECT_EQ(c->rate_limits[1].rate, 40);
  EXPECT_EQ(c->tmdb_not_found_fraction, 0);
  for (int i = 0; i < kEndpointKinds; ++i) {
    EXPECT_EQ(DrawAction(c->kinds[i], 0.0), FaultAction::kNone);
    EXPECT_EQ(c->kinds[i].latency.shape, Latency::Shape::kNone);
  }
}

TEST(SandboxFaultsTest, KindEntriesOverrideTheDefaultFieldByField) {
  auto c = FaultConfig::Parse(R"({"endpoints": {
      "*": {"p_500": 0.1, "latency": {"min_ms": 5, "max_ms": 15}},
      "tmdb_movie": {"p_429": 0.2, "retry_after_s": 3}}})");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  const EndpointFaults& movie = c->For(EndpointKind::kTmdbMovie);
  EXPECT_EQ(movie.p_500, 0.1);  // inherited
  EXPECT_EQ(movie.p_429, 0.2);
  EXPECT_EQ(movie.retry_after_s, 3);
  EXPECT_EQ(movie.latency.shape, Latency::Shape::kUniform);
  EXPECT_EQ(c->For(EndpointKind::kExport).p_429, 0);
  // Probabilities stack in FaultAction order.
  EXPECT_EQ(DrawAction(movie, 0.1), FaultAction::k429);
  EXPECT_EQ(DrawAction(movie, 0.25), FaultAction::k500);
  EXPECT_EQ(DrawAction(movie, 0.31), FaultAction::kNone);
}

TEST(SandboxFaultsTest, ToJsonRoundTrips) {
  auto c = FaultConfig::Parse(R"({"rate_limits": {"tmdb": {"rate": 5, "burst": 2}},
      "tmdb_not_found_fraction": 0.05,
      "endpoints": {"*": {"latency": {"median_ms": 20, "p99_ms": 400}},
                    "export": {"p_stall": 0.5, "stall_s": 2}}})");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  auto again = FaultConfig::Parse(c->ToJson());
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->ToJson(), c->ToJson());
  EXPECT_EQ(again->rate_limits[1].rate, 5);
  EXPECT_EQ(again->For(EndpointKind::kExport).p_stall, 0.5);
  EXPECT_EQ(again->For(EndpointKind::kImdbList).latency.shape, Latency::Shape::kLogNormal);
}

TEST(SandboxFaultsTest, RejectsTyposOutOfRangeAndImpossibleSums) {
  for (const char* bad :
       {"[]", "not json", R"({"endpoint": {}})", R"({"endpoints": {"tmdb_moive": {}}})",
        R"({"endpoints": {"*": {"p_429": 1.5}}})", R"({"endpoints": {"*": {"p_500": 0.6, "p_503": 0.6}}})",
        R"({"endpoints": {"*": {"latency": {"fixed_ms": 1, "min_ms": 2}}}})",
        R"({"endpoints": {"*": {"stall_s": 100000}}})", R"({"rate_limits": {"omdb": {"rate": 1}}})",
        R"({"rate_limits": {"imdb": {"rate": 5, "burst": 0}}})", R"({"tmdb_not_found_fraction": "x"})"}) {
    auto c = FaultConfig::Parse(bad);
    EXPECT_FALSE(c.ok()) << bad;
    if (!c.ok()) {
      EXPECT_EQ(c.status().code(), Status::Code::kInvalidArgument);
    }
  }
}

TEST(SandboxFaultsTest, LatencyShapes) {
  Latency fixed{Latency::Shape::kFixed, 20, 0};
  EXPECT_EQ(fixed.Sample(0.9, 2.0), 20);
  Latency uniform{Latency::Shape::kUniform, 10, 30};
  EXPECT_EQ(uniform.Sample(0.5, 0), 20);
  Latency lognormal{Latency::Shape::kLogNormal, 20, 400};
  EXPECT_DOUBLE_EQ(lognormal.Sample(0, 0), 20);                     // median at z = 0
  EXPECT_NEAR(lognormal.Sample(0, 2.3263478740408408), 400, 1e-6);  // p99 at z = 2.326
}

TEST(SandboxFaultsTest, TokenBucketAllowsBurstThenRefillsAtRate) {
  RequestQuota limiter;
  limiter.Configure(RateLimit{2, 3});
  auto t0 = RequestQuota::Clock::time_point{} + std::chrono::hours(1);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(limiter.Acquire("k", t0), 0);
  EXPECT_GE(limiter.Acquire("k", t0), 1);                                   // empty: over the limit
  EXPECT_EQ(limiter.Acquire("other", t0), 0);                               // buckets are per key
  EXPECT_EQ(limiter.Acquire("k", t0 + std::chrono::milliseconds(500)), 0);  // one token back
  EXPECT_GE(limiter.Acquire("k", t0 + std::chrono::milliseconds(500)), 1);
  limiter.Configure(RateLimit{0, 0});  // unlimited
  for (int i = 0; i < 100; ++i) EXPECT_EQ(limiter.Acquire("k", t0), 0);
}

}  // namespace
}  // namespace cinelake::sandbox

namespace cinelake::sandbox {
namespace {

TEST(SandboxFaultsTest, ExportWindowHidesFilesNotYetPublishedOrDeleted) {
  auto all = FaultConfig::Parse("{}");
  ASSERT_TRUE(all.ok());
  EXPECT_TRUE(all->ExportExists(Date::FromYmd(2020, 1, 1)));
  auto c =
      FaultConfig::Parse(R"({"exports": {"published_through": "2026-11-20", "kept_from": "2026-08-22"}})");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_TRUE(c->ExportExists(Date::FromYmd(2026, 11, 20)));
  EXPECT_FALSE(c->ExportExists(Date::FromYmd(2026, 11, 21)));
  EXPECT_TRUE(c->ExportExists(Date::FromYmd(2026, 8, 22)));
  EXPECT_FALSE(c->ExportExists(Date::FromYmd(2026, 8, 21)));
  auto again = FaultConfig::Parse(c->ToJson());
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->exports_published_through, c->exports_published_through);
  EXPECT_EQ(again->exports_kept_from, c->exports_kept_from);
  EXPECT_FALSE(FaultConfig::Parse(R"({"exports": {"published": "2026-11-20"}})").ok());
  EXPECT_FALSE(FaultConfig::Parse(R"({"exports": {"kept_from": "yesterday"}})").ok());
}

}  // namespace
}  // namespace cinelake::sandbox
