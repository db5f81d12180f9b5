#include "orchestrator/run_manifest.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>

#include "orchestrator/lake_lock.h"

namespace cinelake {
namespace {

TEST(RunManifestTest, RoundTripsThroughJson) {
  RunManifest m;
  m.run_id = NewRunId(Date::FromYmd(2026, 11, 2));
  m.load_date = Date::FromYmd(2026, 11, 2);
  m.state = RunState::kInterrupted;
  m.full_refresh = true;
  m.started_at = 1234567;
  StepRecord s;
  s.name = "ingest";
  s.state = StepState::kSucceeded;
  s.attempts = 2;
  s.counters["rows.stg_popularity"] = 200;
  s.error = "none";
  s.issues.push_back(
      ApiIssue{"tmdb", "/movie/{id}", "HTTP 500", 7, "tmdb GET /movie/1: HTTP 500 after 5 attempts"});
  m.steps.push_back(s);
  auto back = RunManifest::FromJson(m.ToJson(), "x");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->run_id, m.run_id);
  EXPECT_EQ(back->load_date, m.load_date);
  EXPECT_EQ(back->state, RunState::kInterrupted);
  EXPECT_TRUE(back->full_refresh);
  ASSERT_EQ(back->steps.size(), 1u);
  EXPECT_EQ(back->steps[0].counters.at("rows.stg_popularity"), 200);
  EXPECT_EQ(back->steps[0].attempts, 2);
  ASSERT_EQ(back->steps[0].issues.size(), 1u);
  EXPECT_EQ(back->steps[0].issues[0].endpoint, "/movie/{id}");
  EXPECT_EQ(back->steps[0].issues[0].cause, "HTTP 500");
  EXPECT_EQ(back->steps[0].issues[0].count, 7);
  EXPECT_EQ(back->steps[0].issues[0].example, "tmdb GET /movie/1: HTTP 500 after 5 attempts");
  EXPECT_EQ(m.run_id.rfind("run-2026-11-02-", 0), 0u) << m.run_id;
}

TEST(RunManifestTest, KeepsChecksAndQuotaAndReadsOlderManifestsWithout) {
  RunManifest m;
  m.run_id = "run-1";
  m.load_date = Date::FromYmd(2026, 11, 2);
  m.quota_remaining["imdb"] = 4985;
  m.quota_limit["imdb"] = 5000;
  m.quota_reset_seconds["imdb"] = 86'400 * 12;
  StepRecord s;
  s.name = "quality";
  s.checks.push_back({"fact_rows_band", CheckStatus::kWarn, 0.25, "fact_popularity has 50 rows"});
  s.checks.push_back({"dim_keys_unique", CheckStatus::kPass, 0, "unique"});
  m.steps.push_back(s);
  auto back = RunManifest::FromJson(m.ToJson(), "x");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->quota_remaining.at("imdb"), 4985);
  EXPECT_EQ(back->quota_limit.at("imdb"), 5000);
  EXPECT_EQ(back->quota_reset_seconds.at("imdb"), 86'400 * 12);
  std::vector<CheckResult> checks = back->Checks();
  ASSERT_EQ(checks.size(), 2u);
  EXPECT_EQ(checks[0].name, "fact_rows_band");
  EXPECT_EQ(checks[0].status, CheckStatus::kWarn);
  EXPECT_DOUBLE_EQ(checks[0].figure, 0.25);
  EXPECT_EQ(checks[0].message, "fact_popularity has 50 rows");

  // A manifest written before checks and quotas existed still reads.
  auto old = RunManifest::FromJson(
      R"({"run_id":"r","load_date":"2026-11-01","state":"succeeded","steps":[{"name":"ingest","state":"succeeded"}]})",
      "old");
  ASSERT_TRUE(old.ok()) << old.status().ToString();
  EXPECT_TRUE(old->Checks().empty());
  EXPECT_TRUE(old->quota_remaining.empty());
  EXPECT_TRUE(old->quota_limit.empty());
  auto bad = RunManifest::FromJson(
      R"({"run_id":"r","load_date":"2026-11-01","state":"succeeded","steps":[{"name":"quality","state":"succeeded",
          "checks":[{"name":"x","status":"maybe"}]}]})",
      "bad");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("unknown status of check x"), std::string::npos)
      << bad.status().ToString();
}

TEST(RunManifestTest, MalformedManifestIsCorruptionNamingTheFile) {
  for (const char* bad : {"", "[]", "{\"run_id\": 1}", "{\"run_id\":\"r\",\"load_date\":\"2026-13-01\"}"}) {
    auto m = RunManifest::FromJson(bad, "/lake/_runs/x.json");
    ASSERT_FALSE(m.ok()) << bad;
    EXPECT_NE(m.status().message().find("/lake/_runs/x.json"), std::string::npos) << m.status().ToString();
  }
}

TEST(RunManifestTest, AnUnreadableManifestIsNamedAndSkipped) {
  auto dir = std::filesystem::temp_directory_path() / ("cinelake_manifests_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  LocalStorage storage(dir.string());
  const Date day = Date::FromYmd(2026, 11, 2);
  RunManifest good;
  good.run_id = "run-2026-11-02-a";
  good.load_date = day;
  good.state = RunState::kFailed;
  good.started_at = 1;
  ASSERT_TRUE(SaveManifest(storage, good).ok());
  ASSERT_TRUE(
      storage.WriteAtomic("_runs/loadDate=2026-11-02/run-2026-11-02-b.json", "{\"run_id\": \"run-").ok());

  std::vector<std::string> unreadable;
  auto recent = RecentManifests(storage, 10, &unreadable);
  ASSERT_TRUE(recent.ok()) << recent.status().ToString();
  ASSERT_EQ(recent->size(), 1u);
  EXPECT_EQ((*recent)[0].run_id, good.run_id);
  ASSERT_EQ(unreadable.size(), 1u);
  EXPECT_NE(unreadable[0].find("run-2026-11-02-b.json"), std::string::npos) << unreadable[0];
  // Re-running the date resumes the readable run; the damaged one blocks nothing.
  auto latest = LatestManifest(storage, day);
  ASSERT_TRUE(latest.ok()) << latest.status().ToString();
  ASSERT_TRUE(latest->has_value());
  EXPECT_EQ((*latest)->run_id, good.run_id);
  std::filesystem::remove_all(dir);
}

TEST(LakeLockTest, SecondHolderIsBusyAndLockIsReleasedOnDestruction) {
  auto dir = std::filesystem::temp_directory_path() / ("cinelake_lock_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  {
    auto first = LakeLock::Acquire(dir.string(), "test");
    ASSERT_TRUE(first.ok()) << first.status().ToString();
    EXPECT_FALSE((*first)->found_stale());
    auto second = LakeLock::Acquire(dir.string(), "test");
    ASSERT_FALSE(second.ok());
    EXPECT_EQ(second.status().code(), Status::Code::kBusy);
    EXPECT_NE(second.status().message().find("pid " + std::to_string(::getpid())), std::string::npos)
        << second.status().ToString();
  }
  auto again = LakeLock::Acquire(dir.string(), "test");
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE((*again)->found_stale()) << "a clean release leaves no stale record";
  std::filesystem::remove_all(dir);
}

TEST(LakeLockTest, LockOfADeadProcessIsStaleAndTakenOver) {
  auto dir = std::filesystem::temp_directory_path() / ("cinelake_stale_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    auto lock = LakeLock::Acquire(dir.string(), "child");
    ::_exit(lock.ok() ? 0 : 1);  // dies holding it: no destructor runs
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  ASSERT_EQ(WEXITSTATUS(status), 0);
  auto lock = LakeLock::Acquire(dir.string(), "parent");
  ASSERT_TRUE(lock.ok()) << lock.status().ToString();
  EXPECT_TRUE((*lock)->found_stale());
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace cinelake
