#include "serve/health.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "serve/testing/fixture_lake.h"

namespace cinelake::serve {
namespace {

using nlohmann::json;

class HealthTest : public ::testing::Test {
 protected:
  void SetUp() override {
    options_.days = 3;
    options_.titles = 10;
    gold_ = testing::MakeFixtureGold(options_);
    gold_.notes.committed = true;
    gold_.notes.sequence = 7;
    gold_.notes.run_id = "run-7";
    facts_.today = options_.last_day;
  }
  json Answer(int want_http) {
    HealthAnswer a = AssessHealth(*GoldSnapshot::Build(gold_), facts_);
    EXPECT_EQ(a.http_status, want_http);
    json j = json::parse(a.body);
    EXPECT_EQ(j["status"], a.status);
    return j;
  }
  static std::vector<std::string> Codes(const json& j) {
    std::vector<std::string> out;
    for (const auto& r : j["reasons"]) out.push_back(r["code"]);
    return out;
  }

  testing::FixtureOptions options_;
  GoldTables gold_;
  HealthFacts facts_;
};

TEST_F(HealthTest, FreshCommittedGoldAfterASuccessfulRunIsOk) {
  facts_.last_run = RunSummary{"run-7", options_.last_day, "succeeded", "", false};
  json j = Answer(200);
  EXPECT_EQ(j["status"], "ok");
  EXPECT_TRUE(j["reasons"].empty());
  EXPECT_EQ(j["gold_commit"]["sequence"], 7);
  EXPECT_EQ(j["latest_date"], options_.last_day.ToString());
}

TEST_F(HealthTest, StaleDataPastTheThresholdIsDegraded) {
  facts_.today = options_.last_day + 2;
  EXPECT_EQ(Answer(200)["status"], "ok") << "two days old is within the default threshold";
  facts_.today = options_.last_day + 3;
  json j = Answer(200);
  EXPECT_EQ(Codes(j), std::vector<std::string>{"stale_data"});
  EXPECT_EQ(j["reasons"][0]["latest_date"], options_.last_day.ToString());
  facts_.stale_after_days = 5;
  EXPECT_EQ(Answer(200)["status"], "ok");
}

TEST_F(HealthTest, AFailedRunAndMixedLiveGoldAreNamed) {
  facts_.last_run = RunSummary{"run-8", options_.last_day + 1, "failed", "step model: disk full", false};
  gold_.notes.live_changed = {"gold/dim_content/part-00000.parquet"};
  json j = Answer(200);
  EXPECT_EQ(j["status"], "degraded");
  EXPECT_EQ(Codes(j), (std::vector<std::string>{"inconsistent_gold", "last_run_failed"}));
  EXPECT_EQ(j["reasons"][0]["files"][0], "gold/dim_content/part-00000.parquet");
  EXPECT_EQ(j["reasons"][1]["error"], "step model: disk full");
  // While a run is writing, differing live files are expected, not a fault.
  facts_.last_run = RunSummary{"run-8", options_.last_day + 1, "running", "", true};
  j = Answer(200);
  EXPECT_EQ(j["status"], "ok");
  EXPECT_EQ(j["run_in_progress"], "run-8");
  // A "running" run whose process is gone died: both are reported again.
  facts_.last_run->process_alive = false;
  EXPECT_EQ(Codes(Answer(200)), (std::vector<std::string>{"inconsistent_gold", "last_run_failed"}));
}

TEST_F(HealthTest, UnreadableFilesAndManifestsAreNamed) {
  gold_.notes.unreadable = {{"gold/dim_genre/part-00000.parquet", "corrupt: bad footer"}};
  facts_.unreadable_manifests = {"/lake/_runs/loadDate=2026-11-20/run-x.json: not a JSON object"};
  json j = Answer(200);
  EXPECT_EQ(Codes(j), (std::vector<std::string>{"unreadable_files", "unreadable_manifests"}));
  EXPECT_EQ(j["reasons"][0]["files"][0]["path"], "gold/dim_genre/part-00000.parquet");
}

TEST_F(HealthTest, NothingToShowIsFailing) {
  GoldTables empty = GoldTables::Empty();
  facts_.reload_error = "IO error: listing gold";
  HealthAnswer a = AssessHealth(*GoldSnapshot::Build(empty), facts_);
  EXPECT_EQ(a.http_status, 503);
  EXPECT_EQ(a.status, "failing");
  EXPECT_EQ(Codes(json::parse(a.body)), (std::vector<std::string>{"no_data", "reload_failed"}));
}

}  // namespace
}  // namespace cinelake::serve
