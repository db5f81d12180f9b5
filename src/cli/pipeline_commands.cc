// `cinelake run`, `cinelake backfill` and `cinelake status`.
#include <csignal>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli/api_config_for.h"
#include "cli/command.h"
#include "cli/observe_config.h"
#include "cli/quota_text.h"
#include "common/log.h"
#include "jobs/catalog_export/export_days.h"
#include "lake/s3/open_lake.h"
#include "orchestrator/glue_sync.h"
#include "orchestrator/lake_lock.h"
#include "orchestrator/pipeline.h"
#include "orchestrator/progress.h"
#include "orchestrator/run_notice.h"

namespace cinelake {
namespace {

std::atomic<bool> g_cancel{false};

void OnSignal(int) {
  g_cancel.store(true);
}

void InstallSignalHandlers() {
  struct sigaction sa {};
  sa.sa_handler = OnSignal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
}

struct RunFlags {
  LakeOptions lake;
  std::string date;
  std::string from, to;
  bool full_refresh = false;
  bool resume = false;
  int ttl_days = 7;
  std::string catalog_location;
  std::string glue_database;  // kept in step with the gold tables after each run
  std::string record_dir;     // save every API response here (keys stripped)
  std::string replay_dir;     // answer every API call from here, no network
};

Result<Date> ParseRunDate(const std::string& text, const char* flag) {
  auto d = Date::Parse(text);
  if (!d.ok()) return d.status().WithContext(flag);
  if (*d > Date::Today()) {
    return Status::InvalidArgument(std::string(flag) + " " + text + " is in the future (today is " +
                                   Date::Today().ToString() + " UTC)");
  }
  return d;
}

// The API configuration for one date: file/env, then the sandbox if asked.
Result<ApiConfig> ConfigFor(const RunFlags& f, Date date) {
  return ApiConfigFor(f.lake, date, f.record_dir, f.replay_dir);
}

constexpr const char* kPastDateHelp =
    "The IMDB and TMDB APIs only answer for today, so a date before today (UTC) runs only from a dated "
    "source: "
    "a sandbox (--sandbox URL, or base URLs pinned to the day with /@{date}) or recordings (--replay DIR). "
    "Against the real APIs, an unfinished run of a past date is resumed only when every step that calls an "
    "API has already succeeded (its answers are in raw/, so nothing is fetched); otherwise it is refused.";

// The real APIs would answer a past date with today's popularity, stamped
// with that date: refuse every date that would need them, before anything
// is written. A backfill skips dates that already succeeded, so those need
// nothing.
Status CheckPastDates(const RunFlags& f, const std::vector<Date>& dates) {
  const Date today = Date::Today();
  std::vector<Date> undated;
  for (Date d : dates) {
    if (!(d < today)) continue;
    ASSIGN_OR_RETURN(ApiConfig config, ConfigFor(f, d));
    if (!config.AnswersAreDated(d.ToString())) undated.push_back(d);
  }
  if (undated.empty()) return Status::OK();
  auto lake = OpenLake(f.lake.lake, Lake::OpenMode::kMustExist);  // never created for a refusal
  for (Date d : undated) {
    PlannedRun plan = PlannedRun::kNew;
    if (lake.ok()) {
      ASSIGN_OR_RETURN(plan, PlanRun(**lake, d, f.full_refresh));
    }
    if (plan == PlannedRun::kResumeFromLake) continue;
    if (plan == PlannedRun::kAlreadySucceeded && dates.size() > 1) continue;
    std::string what = plan == PlannedRun::kResumeWithApis
                           ? "its unfinished run still has steps that call the APIs"
                           : "a run would call the APIs";
    return Status::InvalidArgument(
        "refusing " + d.ToString() + ": it is before today (" + today.ToString() + " UTC) and " + what +
        ", which only know today and would stamp today's answers with " + d.ToString() +
        ". Run it from a dated source: --sandbox URL, base URLs pinned with /@{date}, or "
        "--replay DIR with recordings of that day");
  }
  return Status::OK();
}

// The most recent run in the lake, of any date (null: none, or unreadable;
// then no recovery is announced).
std::optional<RunManifest> LastRun(const Lake& lake) {
  auto runs = RecentManifests(lake.storage(), 1);
  if (!runs.ok() || runs->empty()) return std::nullopt;
  return std::move(runs->front());
}

// Tells the operator about a run that failed, warned or recovered. Never fails.
void NotifyIfWorthIt(const Lake& lake, const Notifier& notifier, const std::optional<RunManifest>& previous,
                     Date date) {
  auto finished = LatestManifest(lake.storage(), date);
  if (!finished.ok() || !finished->has_value()) return;
  std::optional<NoticeEvent> event = NoticeFor(previous ? &*previous : nullptr, **finished);
  if (!event) return;
  int delivered = notifier.Send(NoticeJson(*event, **finished, lake.Location()));
  spdlog::info("run {} {}: notified {} channel(s)", (*finished)->run_id, NoticeEventName(*event), delivered);
}

Status RunDates(const RunFlags& f, const std::vector<Date>& dates) {
  // Bad configuration is reported before anything is created on disk.
  RETURN_IF_ERROR(ConfigFor(f, dates.front()).status());
  RETURN_IF_ERROR(CheckPastDates(f, dates));
  std::optional<s3::GlueClient> glue;
  if (!f.glue_database.empty()) {
    RETURN_IF_ERROR(CheckGlueDatabaseName(f.glue_database));
    ASSIGN_OR_RETURN(s3::GlueSettings settings, s3::ResolveGlueSettingsFromEnvironment());
    glue.emplace(std::move(settings));
  }
  // From here a signal is a request to stop cleanly (checked before each date and step).
  InstallSignalHandlers();
  std::optional<std::string> config_path;
  if (!f.lake.config.empty()) config_path = f.lake.config;
  ASSIGN_OR_RETURN(ObserveConfig observe, LoadObserveConfig(config_path));
  const Notifier notifier(observe.notify);
  ASSIGN_OR_RETURN(auto lake, OpenLake(f.lake.lake, Lake::OpenMode::kCreateIfMissing));
  ASSIGN_OR_RETURN(auto lock, LakeLock::Acquire(*lake, dates.size() > 1 ? "backfill" : "run"));
  if (lock->found_stale())
    spdlog::warn("found a stale lake lock left by a process that died; taking it over");
  ASSIGN_OR_RETURN(int removed, lake->storage().RemoveTemporaryFiles());
  if (removed > 0) spdlog::warn("removed {} temporary file(s) left by an interrupted write", removed);
  ProgressLine progress;
  for (size_t i = 0; i < dates.size(); ++i) {
    if (g_cancel.load()) return Status::Aborted("interrupted; run again to resume");
    if (dates.size() > 1) {
      // A backfill run again continues where it stopped.
      ASSIGN_OR_RETURN(PlannedRun plan, PlanRun(*lake, dates[i], f.full_refresh));
      if (plan == PlannedRun::kAlreadySucceeded) {
        spdlog::info("backfill: {} already succeeded; skipping it", dates[i].ToString());
        continue;
      }
    }
    PipelineOptions po;
    po.date = dates[i];
    po.full_refresh = f.full_refresh;
    po.enrich_ttl_days = f.ttl_days;
    po.catalog_location = f.catalog_location;
    po.quality = observe.quality;
    ASSIGN_OR_RETURN(po.api, ConfigFor(f, dates[i]));
    if (dates.size() > 1) progress.SetDay(i + 1, dates.size());
    std::optional<RunManifest> previous;
    if (observe.notify.enabled()) previous = LastRun(*lake);
    auto result = RunPipeline(*lake, po, &g_cancel, [&](const RunManifest& m) { progress.Update(m); });
    progress.Finish();
    if (observe.notify.enabled()) NotifyIfWorthIt(*lake, notifier, previous, dates[i]);
    if (result.status().code() == Status::Code::kAborted) {
      return Status::Aborted("run for " + dates[i].ToString() + " interrupted (" + result.status().message() +
                             "); run the same command again to resume it");
    }
    if (!result.ok()) return result.status().WithContext("run for " + dates[i].ToString());
    spdlog::info("run {} for {} succeeded", result->run_id, dates[i].ToString());
    if (glue) {
      auto synced = SyncGlue(*lake, f.catalog_location, f.glue_database, *glue);
      if (!synced.ok()) {
        return synced.status().WithContext("Glue database " + f.glue_database + " after the run for " +
                                           dates[i].ToString() + " (the run itself succeeded)");
      }
      spdlog::info("glue: {}: {} table(s) created, {} updated, {} partition(s) added, {} deleted",
                   f.glue_database, synced->tables_created, synced->tables_updated, synced->partitions_added,
                   synced->partitions_deleted);
    }
  }
  auto catalog_days = DescribeExportDays(*lake, dates.front(), dates.back());
  if (catalog_days.ok())
    spdlog::info("{}", *catalog_days);
  else
    spdlog::warn("catalog: cannot read the export log: {}", catalog_days.status().ToString());
  return Status::OK();
}

Result<Date> ResumeDate(const RunFlags& f) {
  ASSIGN_OR_RETURN(auto lake, OpenLake(f.lake.lake, Lake::OpenMode::kMustExist));
  ASSIGN_OR_RETURN(auto runs, RecentManifests(lake->storage(), 1000));
  for (const auto& m : runs) {
    if (m.state != RunState::kSucceeded) return m.load_date;
  }
  return Status::InvalidArgument("--resume: no unfinished run in " + lake->Location());
}

void AddRunFlags(CLI::App* cmd, RunFlags* f) {
  AddLakeOptions(cmd, &f->lake);
  cmd->add_flag("--full-refresh", f->full_refresh, "Re-enrich every title, ignoring the TTL");
  cmd->add_option("--ttl-days", f->ttl_days, "Re-enrich a title when its enrichment is this old")
      ->capture_default_str()
      ->check(CLI::Range(1, 3650));
  cmd->add_option("--catalog-location", f->catalog_location,
                  "Location the generated DDL points at (e.g. s3://bucket/lake); default the lake folder");
  cmd->add_option("--glue-database", f->glue_database,
                  "After each run, create or update the gold tables and their partitions in this AWS Glue "
                  "database (credentials and region as for S3; AWS_ENDPOINT_URL_GLUE or AWS_ENDPOINT_URL)");
  cmd->add_option("--record", f->record_dir, "Save every API response in DIR (keys stripped)");
  cmd->add_option("--replay", f->replay_dir, "Answer every API call from responses saved with --record");
}

std::string Duration(int64_t micros) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1fs", static_cast<double>(micros) / 1e6);
  return buf;
}

Status PrintStatus(const LakeOptions& lo, size_t limit, bool as_json) {
  ASSIGN_OR_RETURN(auto lake, OpenLake(lo.lake, Lake::OpenMode::kMustExist));
  std::vector<std::string> unreadable;
  ASSIGN_OR_RETURN(auto runs, RecentManifests(lake->storage(), limit, &unreadable));
  // A damaged manifest is named and the others are still listed.
  for (const auto& why : unreadable)
    std::fprintf(stderr, "cinelake status: unreadable run manifest: %s\n", why.c_str());
  if (as_json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& m : runs) out.push_back(nlohmann::json::parse(m.ToJson()));
    std::printf("%s\n", out.dump(2).c_str());
    return Status::OK();
  }
  if (runs.empty()) {
    std::printf("no runs yet in %s\n", lake->Location().c_str());
    return Status::OK();
  }
  std::printf("%-10s  %-11s  %8s  %6s  %6s  %7s  %s\n", "date", "state", "duration", "imdb", "tmdb", "fact",
              "run id");
  for (const auto& m : runs) {
    int64_t imdb = m.requests.count("imdb") ? m.requests.at("imdb") : 0;
    int64_t tmdb = m.requests.count("tmdb") ? m.requests.at("tmdb") : 0;
    int64_t fact = -1;
    for (const auto& s : m.steps) {
      if (auto it = s.counters.find("rows.fact_popularity"); it != s.counters.end()) fact = it->second;
    }
    std::string dur = m.finished_at > m.started_at ? Duration(m.finished_at - m.started_at) : "-";
    std::printf("%-10s  %-11s  %8s  %6lld  %6lld  %7s  %s\n", m.load_date.ToString().c_str(),
                RunStateName(m.state), dur.c_str(), static_cast<long long>(imdb),
                static_cast<long long>(tmdb), fact < 0 ? "-" : std::to_string(fact).c_str(),
                m.run_id.c_str());
    if (!m.error.empty()) std::printf("            %s\n", m.error.c_str());
  }
  // The plan's standing as the newest run that heard it (RapidAPI's headers).
  for (const auto& m : runs) {
    if (m.quota_remaining.empty()) continue;
    for (const auto& [api, left] : m.quota_remaining) {
      auto told = [&](const std::map<std::string, int64_t>& values) {
        auto it = values.find(api);
        return it == values.end() ? int64_t{-1} : it->second;
      };
      std::printf("%s quota: %s (as the run for %s heard it)\n", api.c_str(),
                  DescribeQuota(left, told(m.quota_limit), told(m.quota_reset_seconds)).c_str(),
                  m.load_date.ToString().c_str());
    }
    break;
  }
  return Status::OK();
}

}  // namespace

void RegisterPipelineCommands(CLI::App& app) {
  auto run_flags = std::make_shared<RunFlags>();
  auto* run = app.add_subcommand("run", "Run the daily pipeline for one date (resumes an unfinished run)");
  AddRunFlags(run, run_flags.get());
  run->add_option("--date", run_flags->date, "Logical date YYYY-MM-DD (default: today, UTC)");
  run->add_flag("--resume", run_flags->resume, "Resume the most recent unfinished run");
  run->footer(kPastDateHelp);
  run->callback([run_flags] {
    RunFlags& f = *run_flags;
    Result<Date> date = Date::Today();
    if (f.resume && f.date.empty()) {
      date = ResumeDate(f);
    } else if (!f.date.empty()) {
      date = ParseRunDate(f.date, "--date");
    }
    if (!date.ok()) Exit(ReportFailure(date.status()));
    Status st = RunDates(f, {*date});
    if (!st.ok()) Exit(ReportFailure(st));
  });

  auto bf_flags = std::make_shared<RunFlags>();
  auto* backfill =
      app.add_subcommand("backfill", "Run the pipeline for every date in a range, in date order");
  AddRunFlags(backfill, bf_flags.get());
  backfill->add_option("--from", bf_flags->from, "First date YYYY-MM-DD")->required();
  backfill->add_option("--to", bf_flags->to, "Last date YYYY-MM-DD (default: today, UTC)");
  backfill->footer(std::string("Dates that already succeeded are skipped, so a backfill run again after an "
                               "interruption continues where it stopped. ") +
                   kPastDateHelp);
  backfill->callback([bf_flags] {
    RunFlags& f = *bf_flags;
    auto from = ParseRunDate(f.from, "--from");
    if (!from.ok()) Exit(ReportFailure(from.status()));
    Result<Date> to = f.to.empty() ? Result<Date>(Date::Today()) : ParseRunDate(f.to, "--to");
    if (!to.ok()) Exit(ReportFailure(to.status()));
    if (*to < *from) Exit(ReportFailure(Status::InvalidArgument("--to is before --from")));
    std::vector<Date> dates;
    for (Date d = *from; d <= *to; d = d + 1) dates.push_back(d);
    Status st = RunDates(f, dates);
    if (!st.ok()) Exit(ReportFailure(st));
  });

  auto st_opts = std::make_shared<LakeOptions>();
  auto st_limit = std::make_shared<size_t>(20);
  auto st_json = std::make_shared<bool>(false);
  auto* status = app.add_subcommand("status", "Recent runs, from the run manifests");
  status->add_option("--lake", st_opts->lake, "Lake folder")->capture_default_str();
  status->add_option("--limit", *st_limit, "How many runs")->capture_default_str();
  status->add_flag("--json", *st_json, "Print the manifests as JSON");
  status->callback([st_opts, st_limit, st_json] {
    Status st = PrintStatus(*st_opts, *st_limit, *st_json);
    if (!st.ok()) Exit(ReportFailure(st));
  });
}

}  // namespace cinelake
