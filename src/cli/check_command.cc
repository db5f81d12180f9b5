// `cinelake check`: is this installation ready to run? Verifies the
// configuration, then each API's key with one cheap request (IMDB: one
// title's TMDB id; TMDB: one /find), and prints what the plan says is left.
// Exits 0 when both answered, 2 on a configuration error, 1 when a key is
// refused, a host cannot be reached or the plan's quota is used up, naming
// the API and what to do. A check costs one request of each quota.
#include <algorithm>
#include <cstdio>

#include "cli/api_config_for.h"
#include "cli/command.h"
#include "cli/quota_text.h"
#include "common/log.h"
#include "sources/api_clients.h"
#include "sources/url_util.h"

namespace cinelake {
namespace {

// A title both services know, so the answers are small and ordinary.
constexpr const char* kProbeImdbId = "tt0111161";

struct Verdict {
  bool ok = true;
  std::string line;
};

// What one probe's answer means for the user; NotFound is a key accepted.
Verdict Judge(const char* api, const Status& st, const ApiStats& stats, const std::string& base_url,
              const char* key_hint) {
  std::string quota;
  if (stats.quota_remaining >= 0) {
    quota = "; quota: " + DescribeQuota(stats.quota_remaining, stats.quota_limit, stats.quota_reset_seconds);
  }
  if (st.ok() || st.IsNotFound()) {
    if (stats.quota_remaining == 0) {
      return {false, std::string(api) + ": the key works but the plan's request quota is used up" + quota +
                         ": wait for the reset or upgrade the plan"};
    }
    return {true, std::string(api) + ": ok, " + RedactUrl(base_url) + " accepted the key" + quota};
  }
  switch (st.code()) {
    case Status::Code::kUnauthorized:
      return {false,
              std::string(api) + ": the key was refused (" + Redact(st.message()) + "); set " + key_hint};
    case Status::Code::kRateLimited:
      return {false,
              std::string(api) + ": rate limited or out of quota (" + Redact(st.message()) + ")" + quota};
    case Status::Code::kNetwork:
      return {false,
              std::string(api) + ": cannot reach " + RedactUrl(base_url) + " (" + Redact(st.message()) + ")"};
    default: return {false, std::string(api) + ": " + Redact(st.ToString())};
  }
}

Status RunCheck(const LakeOptions& options) {
  ASSIGN_OR_RETURN(ApiConfig config, ApiConfigFor(options, Date::Today()));
  // One try each, quickly: a check reports, it does not wait out an outage.
  config.max_attempts = 1;
  config.connect_timeout_ms = std::min(config.connect_timeout_ms, 5'000);
  config.timeout_ms = std::min(config.timeout_ms, 15'000);
  ASSIGN_OR_RETURN(std::unique_ptr<ApiClients> apis, ApiClients::Open(config));
  std::printf("config: ok (%s)\n",
              options.config.empty() ? "defaults and environment" : options.config.c_str());

  auto imdb = apis->imdb().TmdbIdFor(kProbeImdbId, "movie");
  Verdict imdb_verdict = Judge("imdb", imdb.status(), apis->imdb().stats(), config.imdb_base_url,
                               "CINELAKE_IMDB_API_KEY to your RapidAPI key for imdb236");
  auto tmdb = apis->tmdb().Find(kProbeImdbId, "movie");
  Verdict tmdb_verdict = Judge("tmdb", tmdb.status(), apis->tmdb().stats(), config.tmdb_base_url,
                               "CINELAKE_TMDB_TOKEN to your TMDB read token or API key");
  for (const Verdict* v : {&imdb_verdict, &tmdb_verdict}) {
    std::fprintf(v->ok ? stdout : stderr, "%s\n", v->line.c_str());
  }
  if (!imdb_verdict.ok || !tmdb_verdict.ok) {
    return Status::Network(std::string("check failed: ") + (!imdb_verdict.ok ? "imdb" : "") +
                           (!imdb_verdict.ok && !tmdb_verdict.ok ? " and " : "") +
                           (!tmdb_verdict.ok ? "tmdb" : "") + " (see above)");
  }
  std::printf("ready: both APIs answered\n");
  return Status::OK();
}

}  // namespace

void RegisterCheckCommand(CLI::App& app) {
  auto options = std::make_shared<LakeOptions>();
  auto* check = app.add_subcommand(
      "check",
      "Verify the configuration and both API keys with one cheap request each; print the quota left");
  check->add_option("--sandbox", options->sandbox, "Check against a running `cinelake sandbox` at URL");
  check->add_option("--config", options->config, "TOML config file");
  check->callback([options] {
    Status st = RunCheck(*options);
    if (!st.ok()) Exit(ReportFailure(st));
  });
}

}  // namespace cinelake
