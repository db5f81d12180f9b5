// `cinelake serve`: the dashboard web app over a lake's gold tables.
#include <pthread.h>
#include <signal.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

#include "cli/command.h"
#include "common/log.h"
#include "lake/lake.h"
#include "lake/s3/open_lake.h"
#include "orchestrator/run_manifest.h"
#include "serve/gold.h"
#include "serve/server.h"
#include "serve/snapshot_holder.h"

namespace cinelake {

namespace {

struct ServeOptions {
  std::string lake = "./lake";
  std::string listen = "127.0.0.1:8080";
  std::string web;  // empty: look where an install or a build tree puts the front end
  int poll_ms = 2000;
  int stale_days = 2;
  std::string today;  // empty: the UTC date at each health request
};

// What /api/health needs beyond the gold: the newest run manifest and the
// manifests that cannot be read (orchestrator/run_manifest.h), and today.
serve::HealthProbe MakeHealthProbe(std::shared_ptr<Lake> lake, std::optional<Date> today, int stale_days) {
  return [lake, today, stale_days] {
    serve::HealthFacts facts;
    facts.today = today.value_or(Date::Today());
    facts.stale_after_days = stale_days;
    auto runs = RecentManifests(lake->storage(), 1, &facts.unreadable_manifests);
    if (!runs.ok()) {
      facts.unreadable_manifests.push_back(Redact(runs.status().ToString()));
    } else if (!runs->empty()) {
      const RunManifest& m = runs->front();
      bool alive = m.pid > 0 && (::kill(m.pid, 0) == 0 || errno == EPERM);
      facts.last_run = serve::RunSummary{m.run_id, m.load_date, RunStateName(m.state), m.error, alive};
    }
    return facts;
  };
}

// Where the front end may be when --web is not given: beside an installed
// binary first (<prefix>/bin/cinelake -> <prefix>/share/cinelake/web), so an
// install never depends on a source tree, then the build tree's web/dist for
// developers running build/cinelake.
std::vector<std::string> FrontEndCandidates() {
  std::vector<std::string> dirs;
  std::error_code ec;
  std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) dirs.push_back((exe.parent_path() / CINELAKE_WEB_FROM_BIN).lexically_normal().string());
  dirs.push_back(CINELAKE_WEB_DIST);
  return dirs;
}

bool HasFrontEnd(const std::string& dir) {
  std::error_code ec;
  return std::filesystem::is_regular_file(std::filesystem::path(dir) / "index.html", ec);
}

// The folder to serve, or a usage error naming every folder looked in, so a
// missing front end stops `serve` at start instead of answering 404 at /.
Result<std::string> FindFrontEnd(const std::string& web_flag) {
  if (!web_flag.empty()) {
    if (HasFrontEnd(web_flag)) return web_flag;
    return Status::InvalidArgument("no dashboard front end in --web " + web_flag +
                                   " (no index.html); point --web at the built front end (web/dist)");
  }
  std::vector<std::string> dirs = FrontEndCandidates();
  std::string looked;
  for (const auto& dir : dirs) {
    if (HasFrontEnd(dir)) return dir;
    looked += (looked.empty() ? "" : ", ") + dir;
  }
  return Status::InvalidArgument("no dashboard front end (index.html) in " + looked +
                                 "; build it with 'make web' or pass --web DIR");
}

bool IsLoopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

Status ParseListen(const std::string& text, std::string* host, int* port) {
  size_t colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0) {
    return Status::InvalidArgument("--listen '" + text + "': expected HOST:PORT, e.g. 127.0.0.1:8080");
  }
  *host = text.substr(0, colon);
  if (host->size() > 2 && host->front() == '[' && host->back() == ']')
    *host = host->substr(1, host->size() - 2);
  std::string p = text.substr(colon + 1);
  if (p.empty() || p.size() > 5 || p.find_first_not_of("0123456789") != std::string::npos ||
      std::stoi(p) > 65535) {
    return Status::InvalidArgument("--listen '" + text + "': port must be 0..65535");
  }
  *port = std::stoi(p);
  return Status::OK();
}

int RunServe(const ServeOptions& o, bool listen_given) {
  InitLogging(LogLevel::kInfo);
  std::string host;
  int port = 0;
  Status st = ParseListen(o.listen, &host, &port);
  if (!st.ok()) return ReportFailure(st);
  if (!IsLoopback(host)) {
    if (!listen_given)
      return ReportFailure(Status::InvalidArgument("refusing a non-loopback default address"));
    spdlog::warn(
        "serve: listening on non-loopback address {}: the dashboard is reachable from the network "
        "and has no authentication",
        host);
  }

  Result<std::string> web = FindFrontEnd(o.web);
  if (!web.ok()) return ReportFailure(web.status());
  spdlog::info("serve: front end from {}", *web);

  std::optional<Date> today;
  if (!o.today.empty()) {
    auto d = Date::Parse(o.today);
    if (!d.ok()) return ReportFailure(d.status().WithContext("--today"));
    today = *d;
  }
  auto lake = OpenLake(o.lake, Lake::OpenMode::kMustExist);
  if (!lake.ok()) return ReportFailure(lake.status());
  auto manifests = OpenLake(o.lake, Lake::OpenMode::kMustExist);
  if (!manifests.ok()) return ReportFailure(manifests.status());
  serve::SnapshotHolder holder(std::make_unique<serve::LakeSource>(std::move(lake).value()));
  // What cannot be read is served without, named in the log and on
  // /api/health; the watcher keeps trying.
  st = holder.Refresh();
  if (!st.ok()) spdlog::error("serve: loading the gold tables: {}", Redact(st.ToString()));
  auto current = holder.Current();
  const serve::GoldSnapshot& snap = current->snapshot();
  spdlog::info("serve: {} titles, {} days (latest {})", snap.titles.size(), snap.days.size(),
               snap.days.empty() ? "none" : snap.days.back().date.ToString());

  // Block SIGINT/SIGTERM in every thread; one thread waits for them and stops the server.
  sigset_t sigs;
  sigemptyset(&sigs);
  sigaddset(&sigs, SIGINT);
  sigaddset(&sigs, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &sigs, nullptr);

  holder.StartWatching(o.poll_ms);
  auto runs_lake = OpenLake(o.lake, Lake::OpenMode::kMustExist);
  if (!runs_lake.ok()) return ReportFailure(runs_lake.status());
  serve::RunHistory runs(std::move(runs_lake).value(), o.poll_ms);
  serve::DashboardServer server(
      &holder, *web,
      MakeHealthProbe(std::shared_ptr<Lake>(std::move(manifests).value()), today, o.stale_days), &runs);
  auto bound = server.Bind(host, port);
  if (!bound.ok()) return ReportFailure(bound.status());
  std::string shown = host.find(':') != std::string::npos ? "[" + host + "]" : host;
  std::printf("cinelake serve: listening on http://%s:%d/\n", shown.c_str(), *bound);
  std::fflush(stdout);

  std::thread waiter([&] {
    int sig = 0;
    sigwait(&sigs, &sig);
    spdlog::info("serve: signal {}, stopping", sig);
    server.Stop();
  });
  server.Run();
  // Run() also returns if the listener fails; wake the waiter so it can be joined.
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  return kExitOk;
}

}  // namespace

void RegisterServeCommand(CLI::App& app) {
  auto opts = std::make_shared<ServeOptions>();
  auto* cmd = app.add_subcommand("serve", "Serve the dashboard web app over the lake's gold tables");
  cmd->add_option("--lake", opts->lake, "Lake folder")->capture_default_str();
  auto* listen = cmd->add_option("--listen", opts->listen,
                                 "HOST:PORT to listen on (port 0 = any free port); non-loopback needs this "
                                 "flag and logs a warning")
                     ->capture_default_str();
  cmd->add_option("--web", opts->web,
                  "Folder of the built front end (default: <prefix>/share/cinelake/web beside an installed "
                  "binary, else the build tree's web/dist)");
  cmd->add_option("--poll-ms", opts->poll_ms, "How often to look for newly landed data")
      ->check(CLI::Range(200, 600000))
      ->capture_default_str();
  cmd->add_option("--stale-days", opts->stale_days,
                  "/api/health calls the data stale when its latest day is more than this many days before "
                  "today")
      ->check(CLI::Range(0, 3650))
      ->capture_default_str();
  cmd->add_option("--today", opts->today,
                  "The date /api/health takes as today, YYYY-MM-DD (default: UTC today)");
  cmd->callback([opts, listen] { Exit(RunServe(*opts, listen->count() > 0)); });
}

}  // namespace cinelake
