// SandboxServer: the IMDB and TMDB stand-ins over real HTTP on loopback.
//
// Paths (same shapes as the real services; see apis.md):
//   /imdb236/api/imdb/most-popular-movies | most-popular-tv | {tt} | {tt}/tmdb-id
//   /tmdb/3/movie/{id} | tv/{id} | tv/{id}/season/{n} | find/{tt}?external_source=imdb_id
//   /p/exports/movie_ids_MM_DD_YYYY.json.gz | tv_series_ids_MM_DD_YYYY.json.gz
// A leading /@YYYY-MM-DD segment answers as on that day; without it the
// server answers for its clock (options.date, else today UTC). Export files
// carry their own date.
//
// Auth as the real services: IMDB wants X-RapidAPI-Key and
// X-RapidAPI-Host: imdb236.p.rapidapi.com; TMDB wants Authorization: Bearer
// <token> or ?api_key=<token>; otherwise 401 with a JSON error. Exports need
// no key. Each API key has a token bucket (FaultConfig::rate_limits): a
// request on an empty bucket is a rate-limit violation and gets 429 with
// Retry-After.
//
// Faults (FaultConfig) are drawn per request from (seed, endpoint kind,
// sequence number of the request of that kind): reproducible for a serial
// client, not under concurrency. Order of events for a request: auth, rate
// limit, latency, fault action, body (404 for TMDB ids in the not-found
// fraction), body corruption. Each service is an ApiRenderer
// (imdb_api.h, tmdb_api.h, export_api.h) wrapped in the layers of layers.h.
//
// Control: GET /_sandbox/health, GET /_sandbox/stats, POST /_sandbox/stats/reset,
// GET|PUT /_sandbox/faults (PUT replaces the whole config; 400 on a bad one).
//
// Thread-safety: every method may be called from any thread while the server
// runs. Errors: Start() fails with IOError when it cannot listen; requests
// never fail, they answer (the API's own error bodies, or a dropped
// connection for resets and stalls).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "common/date.h"
#include "common/status.h"
#include "sandbox/api_keys.h"
#include "sandbox/faults.h"
#include "sandbox/world.h"

namespace cinelake::sandbox {

struct SandboxOptions {
  std::string host = "127.0.0.1";
  int port = 8377;  // 0 = ephemeral
  uint64_t seed = 42;
  std::optional<Date> date;  // the clock; unset = today UTC, per request
  FaultConfig faults;
  int64_t movie_catalog = 1200000;
  int64_t series_catalog = 200000;
  int threads = 64;  // stalled and delayed requests each hold one
  std::string imdb_key{kDefaultImdbKey};
  std::string tmdb_token{kDefaultTmdbToken};
};

// Owns its World, its renderers and layers, and its listening thread.
class SandboxServer {
 public:
  explicit SandboxServer(SandboxOptions options);
  ~SandboxServer();  // Stop()s
  SandboxServer(const SandboxServer&) = delete;
  SandboxServer& operator=(const SandboxServer&) = delete;

  // Binds and serves on a background thread. Fails if the port is taken.
  Status Start();
  // Idempotent. Wakes delayed and stalled requests (their connections close).
  void Stop();

  int port() const;
  std::string url() const;  // "http://127.0.0.1:PORT"
  const World& world() const;
  Date Today() const;

  void SetFaults(const FaultConfig& config);
  FaultConfig faults() const;
  std::string StatsJson() const;
  void ResetStats();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace cinelake::sandbox
