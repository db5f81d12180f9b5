#include "orchestrator/run_notice.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "common/log.h"

namespace cinelake {
namespace {

RunManifest RunIn(RunState state, std::vector<CheckResult> checks = {}) {
  RunManifest m;
  m.run_id = "run-x";
  m.load_date = Date::FromYmd(2026, 11, 2);
  m.state = state;
  StepRecord quality;
  quality.name = "quality";
  quality.checks = std::move(checks);
  m.steps.push_back(std::move(quality));
  return m;
}

TEST(RunNoticeTest, FailuresWarningsAndRecoveriesAreWorthANotice) {
  const RunManifest ok = RunIn(RunState::kSucceeded);
  const RunManifest failed = RunIn(RunState::kFailed);
  const RunManifest warned =
      RunIn(RunState::kSucceeded, {{"fact_rows_band", CheckStatus::kWarn, 0.4, "shrank"}});
  EXPECT_EQ(NoticeFor(nullptr, failed), NoticeEvent::kFailed);
  EXPECT_EQ(NoticeFor(&ok, failed), NoticeEvent::kFailed);
  EXPECT_EQ(NoticeFor(&failed, ok), NoticeEvent::kRecovered);
  EXPECT_EQ(NoticeFor(&failed, warned), NoticeEvent::kRecovered);
  EXPECT_EQ(NoticeFor(&ok, warned), NoticeEvent::kBreached);
  EXPECT_EQ(NoticeFor(&ok, ok), std::nullopt);
  EXPECT_EQ(NoticeFor(nullptr, ok), std::nullopt);
  EXPECT_EQ(NoticeFor(&failed, RunIn(RunState::kInterrupted)), std::nullopt);
}

TEST(RunNoticeTest, TheSummaryNamesTheFailureAndNoSecret) {
  RegisterSecret("s3cr3t-token-value");
  RunManifest m =
      RunIn(RunState::kFailed, {{"dim_keys_unique", CheckStatus::kFail, 1, "dim_content.content_id 'a'"},
                                {"key_null_rate", CheckStatus::kPass, 0, "fine"}});
  m.error = "step ingest: HTTP 500 for ?api_key=s3cr3t-token-value";
  m.requests["imdb"] = 12;
  m.quota_remaining["imdb"] = 88;
  StepRecord ingest;
  ingest.name = "ingest";
  ingest.state = StepState::kFailed;
  ingest.attempts = 3;
  ingest.error = "HTTP 500 s3cr3t-token-value";
  m.steps.push_back(ingest);
  std::string text = NoticeJson(NoticeEvent::kFailed, m, "/lake");
  EXPECT_EQ(text.find("s3cr3t"), std::string::npos) << text;
  auto j = nlohmann::json::parse(text);
  EXPECT_EQ(j["event"], "failed");
  EXPECT_EQ(j["load_date"], "2026-11-02");
  EXPECT_EQ(j["lake"], "/lake");
  ASSERT_EQ(j["failed_steps"].size(), 1u);
  EXPECT_EQ(j["failed_steps"][0]["name"], "ingest");
  EXPECT_EQ(j["failed_steps"][0]["attempts"], 3);
  ASSERT_EQ(j["checks"].size(), 1u) << "only the checks that did not pass";
  EXPECT_EQ(j["checks"][0]["name"], "dim_keys_unique");
  EXPECT_EQ(j["requests"]["imdb"], 12);
  EXPECT_EQ(j["quota_remaining"]["imdb"], 88);
}

}  // namespace
}  // namespace cinelake
