#include "orchestrator/run_manifest.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <random>

#include "common/log.h"
#include "lake/json_document.h"
#include "lake/last_run.h"

namespace cinelake {

using nlohmann::json;

const char* RunStateName(RunState s) {
  switch (s) {
    case RunState::kRunning: return "running";
    case RunState::kSucceeded: return "succeeded";
    case RunState::kFailed: return "failed";
    case RunState::kInterrupted: return "interrupted";
  }
  return "?";
}

const char* StepStateName(StepState s) {
  switch (s) {
    case StepState::kPending: return "pending";
    case StepState::kRunning: return "running";
    case StepState::kSucceeded: return "succeeded";
    case StepState::kFailed: return "failed";
    case StepState::kSkipped: return "skipped";
    case StepState::kInterrupted: return "interrupted";
  }
  return "?";
}

namespace {

template <typename E>
bool ParseState(const std::string& text, E* out, E last, const char* (*name)(E)) {
  for (int i = 0; i <= static_cast<int>(last); ++i) {
    if (text == name(static_cast<E>(i))) {
      *out = static_cast<E>(i);
      return true;
    }
  }
  return false;
}

}  // namespace

StepRecord* RunManifest::FindStep(const std::string& name) {
  for (auto& s : steps) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

std::vector<CheckResult> RunManifest::Checks() const {
  std::vector<CheckResult> all;
  for (const auto& s : steps) all.insert(all.end(), s.checks.begin(), s.checks.end());
  return all;
}

std::string RunManifest::Path() const {
  return "_runs/loadDate=" + load_date.ToString() + "/" + run_id + ".json";
}

std::string RunManifest::ToJson() const {
  json j;
  j["run_id"] = run_id;
  j["load_date"] = load_date.ToString();
  j["state"] = RunStateName(state);
  j["full_refresh"] = full_refresh;
  j["resumed"] = resumed;
  j["started_at"] = FormatTimestampMicros(started_at);
  j["started_at_us"] = started_at;
  j["finished_at_us"] = finished_at;
  j["pid"] = pid;
  j["requests"] = requests;
  if (!quota_remaining.empty()) j["quota_remaining"] = quota_remaining;
  if (!quota_limit.empty()) j["quota_limit"] = quota_limit;
  if (!quota_reset_seconds.empty()) j["quota_reset_seconds"] = quota_reset_seconds;
  if (!error.empty()) j["error"] = error;
  json steps_json = json::array();
  for (const auto& s : steps) {
    json sj;
    sj["name"] = s.name;
    sj["state"] = StepStateName(s.state);
    sj["attempts"] = s.attempts;
    sj["started_at_us"] = s.started_at;
    sj["finished_at_us"] = s.finished_at;
    sj["duration_ms"] = s.finished_at > s.started_at ? (s.finished_at - s.started_at) / 1000 : 0;
    sj["counters"] = s.counters;
    if (!s.issues.empty()) {
      json issues = json::array();
      for (const auto& i : s.issues) {
        issues.push_back({{"api", i.api},
                          {"endpoint", i.endpoint},
                          {"cause", i.cause},
                          {"count", i.count},
                          {"example", i.example}});
      }
      sj["issues"] = std::move(issues);
    }
    if (!s.checks.empty()) {
      json checks = json::array();
      for (const auto& c : s.checks) {
        checks.push_back({{"name", c.name},
                          {"status", CheckStatusName(c.status)},
                          {"figure", c.figure},
                          {"message", c.message}});
      }
      sj["checks"] = std::move(checks);
    }
    if (!s.error.empty()) sj["error"] = s.error;
    steps_json.push_back(std::move(sj));
  }
  j["steps"] = std::move(steps_json);
  return j.dump(2) + "\n";
}

Result<RunManifest> RunManifest::FromJson(const std::string& text, const std::string& where) {
  auto bad = [&](const std::string& why) { return Status::Corruption(where + ": " + why); };
  return ReadJsonDocument<RunManifest>(text, where, "manifest", [&](const json& j) -> Result<RunManifest> {
    RunManifest m;
    m.run_id = j.at("run_id").get<std::string>();
    ASSIGN_OR_RETURN(m.load_date, JsonDate(j, "load_date", where));
    if (!ParseState(j.at("state").get<std::string>(), &m.state, RunState::kInterrupted, RunStateName)) {
      return bad("unknown run state");
    }
    m.full_refresh = j.value("full_refresh", false);
    m.resumed = j.value("resumed", 0);
    m.started_at = j.value("started_at_us", int64_t{0});
    m.finished_at = j.value("finished_at_us", int64_t{0});
    m.pid = j.value("pid", 0);
    m.error = j.value("error", std::string());
    if (j.contains("requests")) m.requests = j.at("requests").get<std::map<std::string, int64_t>>();
    if (j.contains("quota_remaining")) {
      m.quota_remaining = j.at("quota_remaining").get<std::map<std::string, int64_t>>();
    }
    if (j.contains("quota_limit")) m.quota_limit = j.at("quota_limit").get<std::map<std::string, int64_t>>();
    if (j.contains("quota_reset_seconds")) {
      m.quota_reset_seconds = j.at("quota_reset_seconds").get<std::map<std::string, int64_t>>();
    }
    for (const auto& sj : j.at("steps")) {
      StepRecord s;
      s.name = sj.at("name").get<std::string>();
      if (!ParseState(sj.at("state").get<std::string>(), &s.state, StepState::kInterrupted, StepStateName)) {
        return bad("unknown step state for " + s.name);
      }
      s.attempts = sj.value("attempts", 0);
      s.started_at = sj.value("started_at_us", int64_t{0});
      s.finished_at = sj.value("finished_at_us", int64_t{0});
      if (sj.contains("counters")) s.counters = sj.at("counters").get<std::map<std::string, int64_t>>();
      if (sj.contains("issues")) {
        for (const auto& ij : sj.at("issues")) {
          s.issues.push_back(ApiIssue{ij.value("api", std::string()), ij.value("endpoint", std::string()),
                                      ij.value("cause", std::string()), ij.value("count", int64_t{0}),
                                      ij.value("example", std::string())});
        }
      }
      if (sj.contains("checks")) {
        for (const auto& cj : sj.at("checks")) {
          CheckResult c;
          c.name = cj.at("name").get<std::string>();
          std::optional<CheckStatus> status = ParseCheckStatus(cj.at("status").get<std::string>());
          if (!status) return bad("unknown status of check " + c.name + " in step " + s.name);
          c.status = *status;
          c.figure = cj.value("figure", 0.0);
          c.message = cj.value("message", std::string());
          s.checks.push_back(std::move(c));
        }
      }
      s.error = sj.value("error", std::string());
      m.steps.push_back(std::move(s));
    }
    return m;
  });
}

std::string NewRunId(Date load_date) {
  auto now = std::chrono::system_clock::now();
  std::string ts = FormatTimestampMicros(
      std::chrono::duration_cast<std::chrono::microseconds>(now.time_since_epoch()).count());
  // "2026-11-23T10:00:00Z" -> "20261123T100000Z"
  std::string compact;
  for (char c : ts) {
    if (c != '-' && c != ':') compact += c;
  }
  std::random_device rd;
  char suffix[16];
  std::snprintf(suffix, sizeof suffix, "%04x", rd() & 0xffff);
  return "run-" + load_date.ToString() + "-" + compact + "-" + std::to_string(::getpid()) + "-" + suffix;
}

Status SaveManifest(Storage& storage, const RunManifest& manifest) {
  return storage.WriteAtomic(manifest.Path(), manifest.ToJson());
}

namespace {

// Reads one manifest; an unreadable one is reported (to `unreadable`, or as a
// warning) and skipped, so one damaged file never blocks `status` or a run.
std::optional<RunManifest> ReadManifestOrSkip(const Storage& storage, const std::string& path,
                                              std::vector<std::string>* unreadable) {
  std::string text;
  Status st = storage.Read(path, &text);
  Result<RunManifest> m =
      st.ok() ? RunManifest::FromJson(text, storage.Location(path)) : Result<RunManifest>(st);
  if (m.ok()) return std::move(m).value();
  std::string why = Redact(m.status().ToString());
  if (unreadable != nullptr) {
    unreadable->push_back(why);
  } else {
    spdlog::warn("skipping an unreadable run manifest: {}", why);
  }
  return std::nullopt;
}

bool IsManifestName(const std::string& n) {
  return n.size() >= 5 && n.compare(n.size() - 5, 5, ".json") == 0;
}

}  // namespace

Status SaveLastSuccess(Storage& storage, const RunManifest& manifest) {
  std::string record = "{\"run_id\": \"" + manifest.run_id + "\", \"load_date\": \"" +
                       manifest.load_date.ToString() + "\", \"finished_at\": \"" +
                       FormatTimestampMicros(manifest.finished_at) + "\"}\n";
  return storage.WriteAtomic(kLastRunFile, record);
}

Result<std::optional<RunManifest>> LatestManifest(const Storage& storage, Date load_date) {
  std::string dir = "_runs/loadDate=" + load_date.ToString();
  ASSIGN_OR_RETURN(std::vector<std::string> names, storage.List(dir));
  std::optional<RunManifest> best;
  for (const auto& n : names) {
    if (!IsManifestName(n)) continue;
    std::optional<RunManifest> m = ReadManifestOrSkip(storage, dir + "/" + n, nullptr);
    if (!m) continue;
    if (!best || m->started_at > best->started_at ||
        (m->started_at == best->started_at && m->run_id > best->run_id)) {
      best = std::move(m);
    }
  }
  return best;
}

Result<std::vector<RunManifest>> RecentManifests(const Storage& storage, size_t limit,
                                                 std::vector<std::string>* unreadable) {
  ASSIGN_OR_RETURN(std::vector<std::string> dates, storage.List("_runs"));
  std::vector<RunManifest> all;
  for (const auto& d : dates) {
    if (d.rfind("loadDate=", 0) != 0) continue;
    ASSIGN_OR_RETURN(std::vector<std::string> names, storage.List("_runs/" + d));
    for (const auto& n : names) {
      if (!IsManifestName(n)) continue;
      std::optional<RunManifest> m = ReadManifestOrSkip(storage, "_runs/" + d + "/" + n, unreadable);
      if (m) all.push_back(std::move(*m));
    }
  }
  std::sort(all.begin(), all.end(),
            [](const RunManifest& a, const RunManifest& b) { return a.started_at > b.started_at; });
  if (all.size() > limit) all.resize(limit);
  return all;
}

}  // namespace cinelake
