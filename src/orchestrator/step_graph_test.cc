#include "orchestrator/step_graph.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <thread>

namespace cinelake {
namespace {

class StepGraphTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("cinelake_graph_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    store_ = std::make_unique<LocalStorage>(dir_.string());
    manifest_.run_id = "run-test";
    manifest_.load_date = Date::FromYmd(2026, 11, 1);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::filesystem::path dir_;
  std::unique_ptr<LocalStorage> store_;
  RunManifest manifest_;
  JobContext ctx_;
};

// A step after `after` that counts its runs in *calls, then returns what
// `then` says (by default: success).
StepSpec Counted(
    std::string name, std::vector<std::string> after, int* calls,
    std::function<Status()> then = [] { return Status::OK(); }, RetryPolicy retry = {}) {
  return {std::move(name), std::move(after), retry, [calls, then](const JobContext&) {
            ++*calls;
            return then();
          }};
}

TEST_F(StepGraphTest, RunsIndependentBranchesConcurrentlyAndInDependencyOrder) {
  std::mutex mu;
  std::vector<std::string> order;
  std::atomic<int> in_flight{0}, max_in_flight{0};
  auto step = [&](std::string name) {
    return [&, name](const JobContext&) {
      int now = ++in_flight;
      int seen = max_in_flight.load();
      while (now > seen && !max_in_flight.compare_exchange_weak(seen, now)) {
      }
      // b and c each wait (bounded) for the other to start: they overlap
      // only if the graph runs them concurrently, however loaded the machine.
      if (name == "b" || name == "c") {
        for (int i = 0; i < 500 && max_in_flight.load() < 2; ++i) {
          std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
      }
      --in_flight;
      std::lock_guard<std::mutex> g(mu);
      order.push_back(name);
      return Status::OK();
    };
  };
  StepGraph g;
  ASSERT_TRUE(g.Add({"a", {}, {}, step("a")}).ok());
  ASSERT_TRUE(g.Add({"b", {"a"}, {}, step("b")}).ok());
  ASSERT_TRUE(g.Add({"c", {"a"}, {}, step("c")}).ok());
  ASSERT_TRUE(g.Add({"d", {"b", "c"}, {}, step("d")}).ok());
  ASSERT_TRUE(g.Run(ctx_, &manifest_, store_.get()).ok());
  ASSERT_EQ(order.size(), 4u);
  EXPECT_EQ(order.front(), "a");
  EXPECT_EQ(order.back(), "d");
  EXPECT_EQ(max_in_flight.load(), 2) << "b and c should overlap";
  for (const auto& s : manifest_.steps) EXPECT_EQ(s.state, StepState::kSucceeded) << s.name;
  // The manifest on disk says the same.
  auto latest = LatestManifest(*store_, manifest_.load_date);
  ASSERT_TRUE(latest.ok());
  ASSERT_TRUE(latest->has_value());
  EXPECT_EQ((*latest)->steps.size(), 4u);
}

TEST_F(StepGraphTest, RetriesRetryableFailuresOnly) {
  int network_calls = 0, bad_input_calls = 0;
  StepGraph g;
  ASSERT_TRUE(
      g.Add(Counted("flaky", {}, &network_calls,
                    [&] { return network_calls < 3 ? Status::Network("reset") : Status::OK(); }, {3, 1}))
          .ok());
  ASSERT_TRUE(
      g.Add(Counted("bad", {"flaky"}, &bad_input_calls, [] { return Status::InvalidArgument("no"); }, {3, 1}))
          .ok());
  Status st = g.Run(ctx_, &manifest_, store_.get());
  EXPECT_EQ(network_calls, 3);
  EXPECT_EQ(bad_input_calls, 1);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("step bad"), std::string::npos);
  EXPECT_EQ(manifest_.FindStep("flaky")->attempts, 3);
  EXPECT_EQ(manifest_.FindStep("bad")->state, StepState::kFailed);
}

TEST_F(StepGraphTest, ResumeSkipsCompletedStepsAndStopsAfterFailure) {
  int a_calls = 0, b_calls = 0, c_calls = 0;
  bool fail_b = true;
  StepGraph g;
  ASSERT_TRUE(g.Add(Counted("a", {}, &a_calls)).ok());
  ASSERT_TRUE(g.Add(Counted("b", {"a"}, &b_calls, [&] {
                 return fail_b ? Status::IOError("disk") : Status::OK();
               })).ok());
  ASSERT_TRUE(g.Add(Counted("c", {"b"}, &c_calls)).ok());
  EXPECT_FALSE(g.Run(ctx_, &manifest_, store_.get()).ok());
  EXPECT_EQ(c_calls, 0) << "nothing runs after a failed dependency";
  fail_b = false;
  ASSERT_TRUE(g.Run(ctx_, &manifest_, store_.get()).ok());
  EXPECT_EQ(a_calls, 1) << "a had succeeded: resume skips it";
  EXPECT_EQ(b_calls, 2);
  EXPECT_EQ(c_calls, 1);
}

TEST_F(StepGraphTest, RejectsCyclesAndUnknownDependencies) {
  auto ok = [](const JobContext&) { return Status::OK(); };
  StepGraph cyclic;
  ASSERT_TRUE(cyclic.Add({"a", {"b"}, {}, ok}).ok());
  ASSERT_TRUE(cyclic.Add({"b", {"a"}, {}, ok}).ok());
  EXPECT_FALSE(cyclic.Validate().ok());
  StepGraph unknown;
  ASSERT_TRUE(unknown.Add({"a", {"zzz"}, {}, ok}).ok());
  EXPECT_NE(unknown.Validate().message().find("zzz"), std::string::npos);
  EXPECT_FALSE(unknown.Add({"a", {}, {}, ok}).ok()) << "duplicate names are refused";
}

TEST_F(StepGraphTest, CancellationStopsBeforeTheNextStep) {
  std::atomic<bool> cancel{false};
  ctx_.cancel = &cancel;
  int second = 0;
  StepGraph g;
  ASSERT_TRUE(g.Add({"first",
                     {},
                     {},
                     [&](const JobContext&) {
                       cancel = true;
                       return Status::OK();
                     }})
                  .ok());
  ASSERT_TRUE(g.Add(Counted("second", {"first"}, &second)).ok());
  Status st = g.Run(ctx_, &manifest_, store_.get());
  EXPECT_EQ(st.code(), Status::Code::kAborted);
  EXPECT_EQ(second, 0);
  EXPECT_EQ(manifest_.FindStep("first")->state, StepState::kSucceeded);
}

}  // namespace
}  // namespace cinelake
