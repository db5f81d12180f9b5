#include "sources/fetched.h"

#include <gtest/gtest.h>

namespace cinelake {
namespace {

Result<int> Doubled(Fetched<int> f) {
  ASSIGN_OR_RETURN(int v, std::move(f));  // Fetched works where a Result does
  return v * 2;
}

TEST(SourcesFetched, BehavesLikeAResultAndKeepsTheDetails) {
  Fetched<int> ok(21, FetchInfo{2, 200});
  EXPECT_TRUE(ok.ok());
  EXPECT_EQ(*ok, 21);
  EXPECT_EQ(ok.attempts(), 2);
  EXPECT_EQ(ok.http_status(), 200);
  EXPECT_EQ(*Doubled(ok), 42);
  Fetched<int> bad(Status::RateLimited("tmdb GET /movie/1: HTTP 429 after 5 attempts"), FetchInfo{5, 429});
  Result<int> r = bad;
  EXPECT_EQ(r.status().code(), Status::Code::kRateLimited);
  EXPECT_EQ(Doubled(bad).status().code(), Status::Code::kRateLimited);
  EXPECT_EQ(bad.info().attempts, 5);
}

}  // namespace
}  // namespace cinelake
