// `cinelake serve`: the dashboard web app over a lake's gold tables.
#include <pthread.h>

#include <csignal>
#include <cstdio>
#include <thread>

#include "cli/command.h"
#include "common/log.h"
#include "lake/lake.h"
#include "serve/gold.h"
#include "serve/server.h"
#include "serve/snapshot_holder.h"

namespace cinelake {

namespace {

struct ServeOptions {
  std::string lake = "./lake";
  std::string listen = "127.0.0.1:8080";
  std::string web = CINELAKE_WEB_DIST;
  int poll_ms = 2000;
};

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

  auto lake = Lake::Open(o.lake, Lake::OpenMode::kMustExist);
  if (!lake.ok()) return ReportFailure(lake.status());
  serve::SnapshotHolder holder(std::make_unique<serve::LakeSource>(std::move(lake).value()));
  st = holder.Refresh();
  if (!st.ok()) return ReportFailure(st.WithContext("loading the gold tables"));
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
  serve::DashboardServer server(&holder, o.web);
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
  cmd->add_option("--web", opts->web, "Folder of the built front end (web/dist)")->capture_default_str();
  cmd->add_option("--poll-ms", opts->poll_ms, "How often to look for newly landed data")
      ->check(CLI::Range(200, 600000))
      ->capture_default_str();
  cmd->callback([opts, listen] { Exit(RunServe(*opts, listen->count() > 0)); });
}

}  // namespace cinelake
