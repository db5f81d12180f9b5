// Client throughput against the rate-limit floor (issue: sandbox and clients).
//
// Fetches the TMDB details of N titles through an in-process sandbox that
// answers after 50 ms and limits the key to 40 req/s. The client's budget is
// set 5% under the limit with half its burst, the margin a client needs so
// that jitter never lands a request on an empty bucket. The floor is
// requests / limit: no client can be faster without violating it. Prints
// "key value" lines; the target is wall <= 1.1 x floor, zero violations.
#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "common/log.h"
#include "sandbox/server.h"
#include "sources/api_clients.h"

using namespace cinelake;

int main(int argc, char** argv) {
  InitLogging(LogLevel::kWarn);
  const int n = argc > 1 ? std::atoi(argv[1]) : 400;
  const double rate = 40;

  sandbox::SandboxOptions so;
  so.port = 0;
  so.date = Date::FromYmd(2026, 10, 1);
  auto faults = sandbox::FaultConfig::Parse(R"({"rate_limits": {"imdb": {"rate": 10, "burst": 10},
      "tmdb": {"rate": 40, "burst": 40}}, "endpoints": {"*": {"latency": {"fixed_ms": 50}}}})");
  if (!faults.ok()) {
    std::fprintf(stderr, "%s\n", faults.status().ToString().c_str());
    return 1;
  }
  so.faults = *faults;
  sandbox::SandboxServer server(so);
  if (Status st = server.Start(); !st.ok()) {
    std::fprintf(stderr, "sandbox: %s\n", st.ToString().c_str());
    return 1;
  }

  std::vector<TmdbRef> refs;
  for (auto kind : {sandbox::Kind::kMovie, sandbox::Kind::kSeries}) {
    for (const auto* t : server.world().AnnouncedTitles(kind, *so.date)) {
      if (static_cast<int>(refs.size()) >= n) break;
      refs.push_back(
          TmdbRef{kind == sandbox::Kind::kMovie ? TmdbRef::Kind::kMovie : TmdbRef::Kind::kTv, t->tmdb_id});
    }
  }

  ApiConfig config;
  config.UseSandbox(server.url());
  config.tmdb_limits = ApiLimits{rate * 0.95, rate / 2, 16};
  auto apis = ApiClients::Open(config);
  if (!apis.ok()) {
    std::fprintf(stderr, "%s\n", apis.status().ToString().c_str());
    return 1;
  }
  server.ResetStats();
  auto t0 = std::chrono::steady_clock::now();
  auto results = (*apis)->tmdb().DetailsBatch(refs);
  double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  int ok = 0;
  for (const auto& r : results) ok += r.ok();
  int64_t requests = (*apis)->tmdb().request_count();
  auto stats = nlohmann::json::parse(server.StatsJson());
  double floor = static_cast<double>(requests) / rate;
  std::printf("clients_titles %zu\nclients_ok %d\nclients_requests %lld\nclients_wall_s %.2f\n", refs.size(),
              ok, static_cast<long long>(requests), wall);
  std::printf("clients_floor_s %.2f\nclients_ratio %.3f\nclients_rate_limit_violations %lld\n", floor,
              wall / floor, static_cast<long long>(stats["rate_limit_violations"]["total"].get<int64_t>()));
  return ok == static_cast<int>(refs.size()) ? 0 : 1;
}
