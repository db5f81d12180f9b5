#include "serve/metrics_page.h"

#include <map>

#include "serve/prometheus_text.h"

namespace cinelake::serve {

namespace {

constexpr RunState kRunStates[] = {RunState::kRunning, RunState::kSucceeded, RunState::kFailed,
                                   RunState::kInterrupted};

double Seconds(int64_t micros) {
  return static_cast<double>(micros) / 1e6;
}

int64_t DurationMicros(const RunManifest& m, int64_t now_micros) {
  int64_t end = m.state == RunState::kRunning ? now_micros : m.finished_at;
  return end > m.started_at ? end - m.started_at : 0;
}

void RunFamilies(const RunsView& runs, int64_t now_micros, PrometheusText& out) {
  std::map<RunState, const RunManifest*> last;  // runs are newest first
  std::map<RunState, int> count;
  for (const RunManifest& m : runs.runs) {
    ++count[m.state];
    last.try_emplace(m.state, &m);
  }
  out.Family("cinelake_runs", "gauge", "Run manifests in the lake, by state.");
  for (RunState s : kRunStates) out.Sample("cinelake_runs", {{"state", RunStateName(s)}}, count[s]);
  out.Family("cinelake_run_last_start_timestamp_seconds", "gauge",
             "When the latest run in each state started (Unix time).");
  for (const auto& [s, m] : last) {
    out.Sample("cinelake_run_last_start_timestamp_seconds", {{"state", RunStateName(s)}},
               Seconds(m->started_at));
  }
  out.Family("cinelake_run_last_duration_seconds", "gauge",
             "How long the latest run in each state took (a running one: so far).");
  for (const auto& [s, m] : last) {
    out.Sample("cinelake_run_last_duration_seconds", {{"state", RunStateName(s)}},
               Seconds(DurationMicros(*m, now_micros)));
  }
  out.Family("cinelake_run_manifests_unreadable", "gauge", "Run manifests that could not be read or parsed.");
  out.Sample("cinelake_run_manifests_unreadable", {}, static_cast<double>(runs.unreadable.size()));
}

void LastRunFamilies(const RunsView& runs, PrometheusText& out) {
  if (runs.runs.empty()) return;
  const RunManifest& m = runs.runs.front();
  out.Family("cinelake_last_run_info", "gauge", "The latest run: its id, logical date and state (value 1).");
  out.Sample("cinelake_last_run_info",
             {{"run_id", m.run_id}, {"load_date", m.load_date.ToString()}, {"state", RunStateName(m.state)}},
             1);
  std::map<std::string, int64_t> errors;
  for (const auto& [api, n] : m.requests) errors[api] = 0;
  for (const StepRecord& s : m.steps) {
    for (const ApiIssue& i : s.issues) errors[i.api] += i.count;
  }
  out.Family("cinelake_last_run_api_requests", "gauge",
             "HTTP requests the latest run sent to each API, retries included.");
  for (const auto& [api, n] : m.requests) {
    out.Sample("cinelake_last_run_api_requests", {{"api", api}}, static_cast<double>(n));
  }
  out.Family("cinelake_last_run_api_errors", "gauge",
             "API calls of the latest run that failed or answered with warnings (the manifest's issues).");
  for (const auto& [api, n] : errors)
    out.Sample("cinelake_last_run_api_errors", {{"api", api}}, static_cast<double>(n));
  out.Family("cinelake_last_run_api_quota_remaining", "gauge",
             "Requests left on each API's quota, as its last answer to the latest run said.");
  for (const auto& [api, n] : m.quota_remaining) {
    out.Sample("cinelake_last_run_api_quota_remaining", {{"api", api}}, static_cast<double>(n));
  }
  std::vector<CheckResult> checks = m.Checks();
  out.Family("cinelake_last_run_quality_check", "gauge",
             "Each data-quality check of the latest run: 0 pass, 1 warn, 2 fail.");
  for (const CheckResult& c : checks) {
    out.Sample("cinelake_last_run_quality_check", {{"check", c.name}},
               static_cast<double>(static_cast<int>(c.status)));
  }
}

void GoldFamilies(const PreparedGold& gold, int64_t now_micros, PrometheusText& out) {
  out.Family("cinelake_gold_rows", "gauge", "Rows of each gold table (fact_popularity: every partition).");
  for (const auto& [table, rows] : gold.table_rows()) {
    out.Sample("cinelake_gold_rows", {{"table", table}}, static_cast<double>(rows));
  }
  const Day* latest = gold.snapshot().LatestDay();
  if (latest == nullptr) return;
  const int64_t day_micros = int64_t{latest->date.days} * 86'400'000'000LL;
  out.Family("cinelake_gold_fact_rows_latest", "gauge", "Rows of the latest fact_popularity partition.");
  out.Sample("cinelake_gold_fact_rows_latest", {},
             static_cast<double>(latest->ranked.size() + latest->leavers.size()));
  out.Family("cinelake_latest_load_date_timestamp_seconds", "gauge",
             "Midnight UTC of the latest loadDate in gold (Unix time).");
  out.Sample("cinelake_latest_load_date_timestamp_seconds", {}, Seconds(day_micros));
  out.Family("cinelake_data_freshness_seconds", "gauge",
             "Age of the latest loadDate: now minus its midnight UTC.");
  out.Sample("cinelake_data_freshness_seconds", {}, Seconds(now_micros - day_micros));
}

}  // namespace

std::string RenderMetrics(const PreparedGold& gold, const RunsView& runs, const HttpMetrics& http,
                          int64_t now_micros) {
  PrometheusText out;
  RunFamilies(runs, now_micros, out);
  LastRunFamilies(runs, out);
  GoldFamilies(gold, now_micros, out);
  http.Render(out);
  return out.text();
}

}  // namespace cinelake::serve
