#include "jobs/imdb_budget.h"

#include <gtest/gtest.h>

namespace cinelake {
namespace {

ApiStats Plan(int64_t remaining, int64_t limit, int64_t reset_days) {
  ApiStats s;
  s.quota_remaining = remaining;
  s.quota_limit = limit;
  s.quota_reset_seconds = reset_days * 86'400;
  return s;
}

TEST(ImdbBudgetTest, UnlimitedWhenNothingIsConfiguredAndThePlanSaysNothing) {
  EXPECT_EQ(ImdbDailyBudget(0, ApiStats{}), std::nullopt);
  EXPECT_EQ(ImdbDailyBudget(40, ApiStats{}), 40);
}

TEST(ImdbBudgetTest, SharesWhatTheListsLeaveOverTheDaysUntilTheReset) {
  // 10 days: 10 * 2 lists * 3 attempts kept back, the rest over 10 days.
  EXPECT_EQ(ImdbDailyBudget(0, Plan(1060, 5000, 10)), 100);
  // A configured budget caps the share, never raises it.
  EXPECT_EQ(ImdbDailyBudget(30, Plan(1060, 5000, 10)), 30);
  EXPECT_EQ(ImdbDailyBudget(500, Plan(1060, 5000, 10)), 100);
  // Less than the lists need: nothing for enrichment.
  EXPECT_EQ(ImdbDailyBudget(0, Plan(50, 5000, 10)), 0);
  // The last hours of a period count as a day; an unknown reset as a month.
  ApiStats soon = Plan(100, 5000, 0);
  soon.quota_reset_seconds = 3600;
  EXPECT_EQ(ImdbDailyBudget(0, soon), 94);
  ApiStats unknown = Plan(360, 5000, 0);
  unknown.quota_reset_seconds = -1;
  EXPECT_EQ(ImdbDailyBudget(0, unknown), 6);
}

TEST(ImdbBudgetTest, KeepsWhatTodaysIngestSpentForEveryLaterDay) {
  // The lists and 18 new titles mapped through IMDB: 20 a day kept back.
  ApiStats s = Plan(1200, 5000, 10);
  s.requests = 20;
  EXPECT_EQ(ImdbDailyBudget(0, s), 100);
}

TEST(ImdbBudgetTest, NewTitlesFirstThenFailedThenTheOldestEnrichment) {
  std::map<std::string, EnrichmentState> state;
  state["tt0000003"] = {100, 500};           // enriched at 500
  state["tt0000004"] = {100, std::nullopt};  // last attempt failed
  state["tt0000005"] = {100, 200};           // enriched earlier: before tt0000003
  std::vector<std::string> ids = {"tt0000003", "tt0000004", "tt0000001", "tt0000005", "tt0000002"};
  EXPECT_EQ(ByEnrichmentPriority(ids, state),
            (std::vector<std::string>{"tt0000001", "tt0000002", "tt0000004", "tt0000005", "tt0000003"}));
}

}  // namespace
}  // namespace cinelake
