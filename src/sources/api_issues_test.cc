#include "sources/api_issues.h"

#include <gtest/gtest.h>

namespace cinelake {
namespace {

TEST(SourcesApiIssues, EndpointsHideIdsAndQueries) {
  EXPECT_EQ(EndpointOf("/movie/27205?language=en-US"), "/movie/{id}");
  EXPECT_EQ(EndpointOf("/tv/1399/season/2"), "/tv/{id}/season/{id}");
  EXPECT_EQ(EndpointOf("/find/tt1375666?external_source=imdb_id"), "/find/{id}");
  EXPECT_EQ(EndpointOf("/most-popular-movies"), "/most-popular-movies");
}

TEST(SourcesApiIssues, CauseDropsTheRequestAndTheDetail) {
  EXPECT_EQ(CauseOf("tmdb /movie/1?language=en-US: field 'popularity' is string, expected number"),
            "field 'popularity' is string, expected number");
  EXPECT_EQ(CauseOf("GET http://127.0.0.1:9/x: Timeout was reached (after 3000 ms)"), "Timeout was reached");
  EXPECT_EQ(CauseOf("imdb /tt1/tmdb-id: field 'tmdbId' is not a TMDB path: 'x\ny'"),
            "field 'tmdbId' is not a TMDB path");
  EXPECT_EQ(CauseOf("HTTP 500"), "HTTP 500");
}

TEST(SourcesApiIssues, TallyGroupsCountsAndKeepsTheFirstExample) {
  ApiIssueTally t;
  EXPECT_EQ(t.Describe(), "");
  for (int i = 0; i < 3; ++i) t.Add({"tmdb", "/movie/{id}", "HTTP 500", 1, "first " + std::to_string(i)});
  t.Add({"imdb", "/{id}", "malformed JSON", 1, "other"});
  std::vector<ApiIssue> sorted = t.Sorted();
  ASSERT_EQ(sorted.size(), 2u);
  EXPECT_EQ(sorted[0].count, 3);
  EXPECT_EQ(sorted[0].example, "first 0");
  EXPECT_EQ(t.Describe(1), "causes: tmdb /movie/{id}: HTTP 500 (3x, e.g. first 0); and 1 more");
  for (size_t i = 0; i < 2 * ApiIssueTally::kMaxIssues; ++i) t.Add({"tmdb", "/x", std::to_string(i), 1, "e"});
  EXPECT_LE(t.Sorted().size(), ApiIssueTally::kMaxIssues + 1);
}

}  // namespace
}  // namespace cinelake
