#include "serve/health.h"

#include "serve/view_json.h"

namespace cinelake::serve {

namespace {

json Reason(const std::string& code, const std::string& message) {
  return {{"code", code}, {"message", message}};
}

bool RunInProgress(const HealthFacts& f) {
  return f.last_run && f.last_run->state == "running" && f.last_run->process_alive;
}

void GoldReasons(const GoldSnapshot& gold, const HealthFacts& facts, json& reasons) {
  const GoldLoadNotes& n = gold.notes;
  if (!n.unreadable.empty()) {
    json r = Reason("unreadable_files", std::to_string(n.unreadable.size()) +
                                            " gold file(s) could not be read and are not served");
    json files = json::array();
    for (const auto& u : n.unreadable) files.push_back({{"path", u.path}, {"error", u.error}});
    r["files"] = std::move(files);
    json days = json::array();
    for (Date d : n.unreadable_days) days.push_back(d.ToString());
    r["dates"] = std::move(days);
    reasons.push_back(std::move(r));
  }
  // While a run is writing, the live folders differ from the commit by design.
  if (n.committed && !n.live_changed.empty() && !RunInProgress(facts)) {
    json r = Reason("inconsistent_gold",
                    "serving gold commit " + std::to_string(n.sequence) + " (run " + n.run_id + "); " +
                        std::to_string(n.live_changed.size()) +
                        " live gold file(s) differ from it: a run wrote them and did not commit (it failed "
                        "midway), or they were changed outside cinelake; the next successful run commits a "
                        "consistent gold again");
    r["files"] = n.live_changed;
    reasons.push_back(std::move(r));
  }
  if (!n.committed && !gold.days.empty()) {
    reasons.push_back(Reason("uncommitted_gold",
                             "gold has no commit marker (gold/_committed.json): serving the live files as "
                             "they are; the next successful run commits them"));
  }
}

void RunReasons(const HealthFacts& facts, json& reasons) {
  if (facts.last_run) {
    const RunSummary& run = *facts.last_run;
    bool died = run.state == "running" && !run.process_alive;
    if (run.state == "failed" || run.state == "interrupted" || died) {
      json r =
          Reason("last_run_failed", "the latest run (" + run.run_id + " for " + run.load_date.ToString() +
                                        ") " + (died ? "stopped without finishing" : run.state));
      r["run_id"] = run.run_id;
      r["load_date"] = run.load_date.ToString();
      r["state"] = died ? "died" : run.state;
      r["error"] = TextOrNull(run.error);
      reasons.push_back(std::move(r));
    }
  }
  if (!facts.unreadable_manifests.empty()) {
    json r = Reason("unreadable_manifests",
                    std::to_string(facts.unreadable_manifests.size()) + " run manifest(s) could not be read");
    r["errors"] = facts.unreadable_manifests;
    reasons.push_back(std::move(r));
  }
  if (!facts.reload_error.empty()) {
    reasons.push_back(
        Reason("reload_failed", "the last reload failed, the previous data is kept: " + facts.reload_error));
  }
}

}  // namespace

HealthAnswer AssessHealth(const GoldSnapshot& gold, const HealthFacts& facts) {
  json reasons = json::array();
  const Day* latest = gold.LatestDay();
  bool failing = latest == nullptr;
  if (failing) {
    reasons.push_back(Reason("no_data", "no day of fact_popularity could be loaded"));
  } else if (latest->date < facts.today - facts.stale_after_days) {
    json r = Reason("stale_data", "the latest day is " + latest->date.ToString() + ", " +
                                      std::to_string(facts.today.days - latest->date.days) +
                                      " days before today (" + facts.today.ToString() + ")");
    r["latest_date"] = latest->date.ToString();
    r["today"] = facts.today.ToString();
    r["stale_after_days"] = facts.stale_after_days;
    reasons.push_back(std::move(r));
  }
  GoldReasons(gold, facts, reasons);
  RunReasons(facts, reasons);

  HealthAnswer a;
  a.status = failing ? "failing" : reasons.empty() ? "ok" : "degraded";
  a.http_status = failing ? 503 : 200;
  json body;
  body["status"] = a.status;
  body["reasons"] = std::move(reasons);
  body["latest_date"] = latest ? json(latest->date.ToString()) : json(nullptr);
  body["today"] = facts.today.ToString();
  body["gold_commit"] = gold.notes.committed
                            ? json({{"sequence", gold.notes.sequence}, {"run_id", gold.notes.run_id}})
                            : json(nullptr);
  body["run_in_progress"] = RunInProgress(facts) ? json(facts.last_run->run_id) : json(nullptr);
  a.body = BodyText(body);
  return a;
}

}  // namespace cinelake::serve
