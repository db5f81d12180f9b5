// `cinelake sandbox`: runs the offline stand-in for the IMDB and TMDB APIs
// until SIGINT or SIGTERM. Prints exactly one line on stdout once it accepts
// connections ("sandbox listening on http://127.0.0.1:PORT"); logs go to stderr.
#include <signal.h>
#include <spdlog/spdlog.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "cli/command.h"
#include "common/date.h"
#include "common/log.h"
#include "sandbox/server.h"

namespace cinelake {
namespace {

struct SandboxFlags {
  std::string listen = "127.0.0.1";
  int port = 8377;
  uint64_t seed = 42;
  std::string date;
  std::string faults_file;
  int64_t movie_catalog = 1200000;
  int64_t series_catalog = 200000;
  int threads = 64;
  std::string imdb_key;
  std::string tmdb_token;
};

constexpr const char* kFooter = R"(
Endpoints (base URLs for a client):
  IMDB     http://127.0.0.1:PORT/imdb236/api/imdb   most-popular-movies, most-popular-tv, {tt id}, {tt id}/tmdb-id
  TMDB     http://127.0.0.1:PORT/tmdb/3             movie/{id}, tv/{id}, tv/{id}/season/{n}, find/{tt id}?external_source=imdb_id
  exports  http://127.0.0.1:PORT                    /p/exports/movie_ids_MM_DD_YYYY.json.gz, /p/exports/tv_series_ids_MM_DD_YYYY.json.gz
Prefix any path with /@YYYY-MM-DD to get the answer of that day (e.g.
http://127.0.0.1:8377/@2026-11-01/tmdb/3/movie/1000); otherwise the answer is
for --date (default: today UTC). Export file names carry their own date.

Auth, as the real services: IMDB needs headers X-RapidAPI-Key: <imdb key> and
X-RapidAPI-Host: imdb236.p.rapidapi.com; TMDB needs Authorization: Bearer <token>
or ?api_key=<token>. Missing or wrong -> 401. Exports need no key. Keys come
from --imdb-key/--tmdb-token, else CINELAKE_SANDBOX_IMDB_KEY /
CINELAKE_SANDBOX_TMDB_TOKEN, else sandbox-imdb-key / sandbox-tmdb-token.

Control: GET /_sandbox/health, GET /_sandbox/stats, POST /_sandbox/stats/reset,
GET /_sandbox/faults, PUT /_sandbox/faults (body: a fault config, replaces it).

Fault config (--faults FILE or PUT /_sandbox/faults; every field optional):
  {"rate_limits": {"imdb": {"rate": 10, "burst": 10}, "tmdb": {"rate": 40, "burst": 40}},
   "tmdb_not_found_fraction": 0.0,
   "endpoints": {"*": {...}, "<kind>": {...overrides...}}}
  kinds: imdb_list imdb_title imdb_tmdb_id tmdb_movie tmdb_tv tmdb_season tmdb_find export
  entry: {"latency": {"fixed_ms": N} | {"min_ms": A, "max_ms": B} | {"median_ms": M, "p99_ms": P},
          "p_429": 0, "retry_after_s": 1, "p_500": 0, "p_503": 0, "p_reset": 0,
          "p_stall": 0, "stall_s": 10, "p_truncate": 0, "p_malformed": 0}
  Rate limits are per key; a rate <= 0 turns a limit off. Over the limit -> 429
  with Retry-After, counted as a rate-limit violation in /_sandbox/stats.

The world is synthetic and deterministic: same --seed, date and path give the
same bytes.
)";

std::string FromEnv(const char* name) {
  const char* v = std::getenv(name);
  return v == nullptr ? std::string() : std::string(v);
}

Result<sandbox::SandboxOptions> MakeOptions(const SandboxFlags& f) {
  sandbox::SandboxOptions o;
  o.host = f.listen;
  if (f.port < 0 || f.port > 65535) return Status::InvalidArgument("--port must be 0..65535");
  o.port = f.port;
  o.seed = f.seed;
  if (!f.date.empty()) {
    ASSIGN_OR_RETURN(Date d, Date::Parse(f.date));
    o.date = d;
  }
  if (f.movie_catalog < 0 || f.movie_catalog > 20000000) {
    return Status::InvalidArgument("--movie-catalog must be 0..20000000");
  }
  if (f.series_catalog < 0 || f.series_catalog > 20000000) {
    return Status::InvalidArgument("--series-catalog must be 0..20000000");
  }
  o.movie_catalog = f.movie_catalog;
  o.series_catalog = f.series_catalog;
  if (f.threads < 2 || f.threads > 4096) return Status::InvalidArgument("--threads must be 2..4096");
  o.threads = f.threads;
  if (!f.faults_file.empty()) {
    std::ifstream in(f.faults_file, std::ios::binary);
    if (!in) return Status::InvalidArgument("--faults: cannot read " + f.faults_file);
    std::stringstream text;
    text << in.rdbuf();
    auto config = sandbox::FaultConfig::Parse(text.str());
    if (!config.ok()) return config.status().WithContext(f.faults_file);
    o.faults = *config;
  }
  o.imdb_key = !f.imdb_key.empty() ? f.imdb_key : FromEnv("CINELAKE_SANDBOX_IMDB_KEY");
  if (o.imdb_key.empty()) o.imdb_key = std::string(sandbox::kDefaultImdbKey);
  o.tmdb_token = !f.tmdb_token.empty() ? f.tmdb_token : FromEnv("CINELAKE_SANDBOX_TMDB_TOKEN");
  if (o.tmdb_token.empty()) o.tmdb_token = std::string(sandbox::kDefaultTmdbToken);
  return o;
}

int RunSandbox(const SandboxFlags& flags) {
  Result<sandbox::SandboxOptions> options = MakeOptions(flags);
  if (!options.ok()) return ReportFailure(options.status());
  RegisterSecret(options->imdb_key);
  RegisterSecret(options->tmdb_token);
  if (options->host != "127.0.0.1" && options->host != "localhost" && options->host != "::1") {
    spdlog::warn("sandbox: listening on {} (not loopback)", options->host);
  }

  // Signals are taken by sigwait() below; server threads inherit the mask.
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  signal(SIGPIPE, SIG_IGN);

  sandbox::SandboxServer server(std::move(*options));
  Status st = server.Start();
  if (!st.ok()) return ReportFailure(st);
  spdlog::info("sandbox: seed {}, date {}, {} movies and {} series announced", flags.seed,
               server.Today().ToString(),
               server.world().AnnouncedTitles(sandbox::Kind::kMovie, server.Today()).size(),
               server.world().AnnouncedTitles(sandbox::Kind::kSeries, server.Today()).size());
  std::printf("sandbox listening on %s\n", server.url().c_str());
  std::fflush(stdout);

  int sig = 0;
  sigwait(&set, &sig);
  spdlog::info("sandbox: stopping on {}", sig == SIGINT ? "SIGINT" : "SIGTERM");
  server.Stop();
  return kExitOk;
}

}  // namespace

void RegisterSandboxCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "sandbox", "Serve the offline stand-in for the IMDB and TMDB APIs (synthetic, dated world)");
  auto flags = std::make_shared<SandboxFlags>();
  cmd->add_option("--port", flags->port, "TCP port; 0 picks a free one")->capture_default_str();
  cmd->add_option("--listen", flags->listen, "Address to bind (keep it loopback)")->capture_default_str();
  cmd->add_option("--seed", flags->seed, "World seed: same seed, same world")->capture_default_str();
  cmd->add_option("--date", flags->date, "The sandbox's today, YYYY-MM-DD (default: today UTC)");
  cmd->add_option("--faults", flags->faults_file, "Fault config JSON file (format below)");
  cmd->add_option("--movie-catalog", flags->movie_catalog, "Lines in movie export files")
      ->capture_default_str();
  cmd->add_option("--series-catalog", flags->series_catalog, "Lines in series export files")
      ->capture_default_str();
  cmd->add_option("--threads", flags->threads,
                  "Worker threads (each open connection, delayed or stalled request holds one)")
      ->capture_default_str();
  cmd->add_option("--imdb-key", flags->imdb_key, "IMDB key to accept (X-RapidAPI-Key)");
  cmd->add_option("--tmdb-token", flags->tmdb_token, "TMDB token to accept (Bearer or api_key)");
  cmd->footer(kFooter);
  cmd->callback([flags] {
    int rc = RunSandbox(*flags);
    if (rc != kExitOk) Exit(rc);
  });
}

}  // namespace cinelake
