#include "orchestrator/run_notice.h"

#include <nlohmann/json.hpp>

#include "common/enum_names.h"
#include "common/log.h"

namespace cinelake {

namespace {

constexpr EnumName<NoticeEvent> kNoticeEventNames[] = {{NoticeEvent::kFailed, "failed"},
                                                       {NoticeEvent::kBreached, "breached"},
                                                       {NoticeEvent::kRecovered, "recovered"}};

}  // namespace

const char* NoticeEventName(NoticeEvent e) {
  return NameOf(kNoticeEventNames, e);
}

std::optional<NoticeEvent> NoticeFor(const RunManifest* previous, const RunManifest& finished) {
  if (finished.state == RunState::kFailed) return NoticeEvent::kFailed;
  if (finished.state != RunState::kSucceeded) return std::nullopt;
  // A recovery says more than a warning: it closes the failure the operator was told about.
  if (previous != nullptr && previous->state == RunState::kFailed) return NoticeEvent::kRecovered;
  for (const CheckResult& c : finished.Checks()) {
    if (c.status != CheckStatus::kPass) return NoticeEvent::kBreached;
  }
  return std::nullopt;
}

std::string NoticeJson(NoticeEvent event, const RunManifest& run, const std::string& lake_location) {
  using nlohmann::json;
  json j;
  j["event"] = NoticeEventName(event);
  j["run_id"] = run.run_id;
  j["load_date"] = run.load_date.ToString();
  j["state"] = RunStateName(run.state);
  j["lake"] = lake_location;
  if (!run.error.empty()) j["error"] = Redact(run.error);
  j["duration_s"] =
      run.finished_at > run.started_at ? static_cast<double>(run.finished_at - run.started_at) / 1e6 : 0.0;
  json failed = json::array();
  for (const StepRecord& s : run.steps) {
    if (s.state != StepState::kFailed) continue;
    failed.push_back({{"name", s.name}, {"attempts", s.attempts}, {"error", Redact(s.error)}});
  }
  j["failed_steps"] = std::move(failed);
  json checks = json::array();
  for (const CheckResult& c : run.Checks()) {
    if (c.status == CheckStatus::kPass) continue;
    checks.push_back({{"name", c.name},
                      {"status", CheckStatusName(c.status)},
                      {"figure", c.figure},
                      {"message", Redact(c.message)}});
  }
  j["checks"] = std::move(checks);
  j["requests"] = run.requests;
  j["quota_remaining"] = run.quota_remaining;
  return j.dump() + "\n";
}

}  // namespace cinelake
