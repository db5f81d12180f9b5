#include "serve/view_runs.h"

namespace cinelake::serve {

namespace {

const char* Verdict(const RunManifest& m) {
  switch (m.state) {
    case RunState::kRunning: return "running";
    case RunState::kFailed: return "failed";
    case RunState::kInterrupted: return "interrupted";
    case RunState::kSucceeded: break;
  }
  for (const CheckResult& c : m.Checks()) {
    if (c.status != CheckStatus::kPass) return "degraded";
  }
  return "ok";
}

json StepJson(const StepRecord& s, int64_t now_micros) {
  json j;
  j["name"] = s.name;
  j["state"] = StepStateName(s.state);
  j["attempts"] = s.attempts;
  int64_t end = s.state == StepState::kRunning ? now_micros : s.finished_at;
  j["duration_ms"] = s.started_at > 0 && end > s.started_at ? (end - s.started_at) / 1000 : 0;
  j["error"] = TextOrNull(s.error);
  json issues = json::array();
  for (const ApiIssue& i : s.issues) {
    issues.push_back({{"api", i.api}, {"endpoint", i.endpoint}, {"cause", i.cause}, {"count", i.count}});
  }
  j["issues"] = std::move(issues);
  return j;
}

json RunJson(const RunManifest& m, int64_t now_micros) {
  json j;
  j["run_id"] = m.run_id;
  j["load_date"] = m.load_date.ToString();
  j["state"] = RunStateName(m.state);
  j["verdict"] = Verdict(m);
  j["started_at"] = FormatTimestampMicros(m.started_at);
  int64_t end = m.state == RunState::kRunning ? now_micros : m.finished_at;
  j["duration_s"] = end > m.started_at ? static_cast<double>(end - m.started_at) / 1e6 : 0.0;
  j["resumed"] = m.resumed;
  j["full_refresh"] = m.full_refresh;
  j["error"] = TextOrNull(m.error);
  j["requests"] = json::object();
  for (const auto& [api, n] : m.requests) j["requests"][api] = n;
  j["quota_remaining"] = json::object();
  for (const auto& [api, n] : m.quota_remaining) j["quota_remaining"][api] = n;
  json steps = json::array();
  for (const StepRecord& s : m.steps) steps.push_back(StepJson(s, now_micros));
  j["steps"] = std::move(steps);
  json checks = json::array();
  for (const CheckResult& c : m.Checks()) {
    checks.push_back({{"name", c.name},
                      {"status", CheckStatusName(c.status)},
                      {"figure", c.figure},
                      {"message", c.message}});
  }
  j["checks"] = std::move(checks);
  return j;
}

}  // namespace

json RunsJson(const RunsView& runs, size_t limit, int64_t now_micros) {
  json j;
  json list = json::array();
  for (size_t i = 0; i < runs.runs.size() && i < limit; ++i)
    list.push_back(RunJson(runs.runs[i], now_micros));
  j["runs"] = std::move(list);
  j["total"] = runs.runs.size();
  j["unreadable"] = runs.unreadable.size();
  return j;
}

}  // namespace cinelake::serve
