// ApiConfig: where the IMDB and TMDB APIs are, with which keys, and how hard
// cinelake may push them.
//
// Precedence: built-in defaults < TOML file < environment. Keys come from
// CINELAKE_IMDB_API_KEY and CINELAKE_TMDB_TOKEN (or [imdb] key / [tmdb] token
// in the file) and are passed to RegisterSecret() as soon as they are read.
// A missing key is not a load error (a replayed or TMDB-only run needs none);
// a call that needs it fails with kUnauthorized without sending anything.
//
// A key is bound to the origin (scheme://host:port) it was configured for: a
// key from the environment to the real API's default host, a key in the file
// to the file's base_url. A client whose base URL has another origin (an
// environment override, a sandbox) sends no key: its calls fail with
// kUnauthorized naming both origins. Redirects are never followed.
//
// TOML layout (every key optional; other tables in the file are ignored):
//   [imdb]    base_url, host, key, rate_per_sec, burst, concurrency, max_list_titles,
//             daily_request_budget
//   [tmdb]    base_url, token, language, rate_per_sec, burst, concurrency,
//             watch_countries (ISO 3166-1 codes, e.g. ["US", "GB"]; [] = no watch providers)
//   [http]    connect_timeout_ms, timeout_ms, max_response_bytes, max_attempts,
//             backoff_base_ms, backoff_max_ms, max_retry_after_ms, http2,
//             step_budget_ms
//   [mapping] strategy = "tmdb_find" | "imdb"
//   [record]  record_dir, replay_dir
//   [exports] base_url, attempts, stall_ms, timeout_ms   (TMDB daily export files)
// Further environment overrides: CINELAKE_IMDB_BASE_URL, CINELAKE_TMDB_BASE_URL, CINELAKE_EXPORT_BASE_URL,
// CINELAKE_RECORD_DIR, CINELAKE_REPLAY_DIR, CINELAKE_MAPPING.
//
// Thread-safety: LoadApiConfig has no shared state but RegisterSecret (itself thread-safe).
// Errors: InvalidArgument naming the file, table and key.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace cinelake {

// How an IMDB id becomes a TMDB ref; the other method is the fallback when
// the first fails or finds nothing.
enum class MappingStrategy {
  kTmdbFind,  // TMDB /find/{imdb_id} first: spends no IMDB quota
  kImdb,      // imdb236 /{id}/tmdb-id first: what the original pipeline did
};
const char* MappingStrategyName(MappingStrategy s);  // "tmdb_find" / "imdb"
Result<MappingStrategy> ParseMappingStrategy(std::string_view text);

// Request budget for one API.
struct ApiLimits {
  double rate_per_sec = 0;  // sustained rate (token bucket refill)
  double burst = 0;         // bucket size
  int concurrency = 1;      // requests in flight at once, at most
};

struct ApiConfig {
  std::string imdb_base_url = "https://imdb236.p.rapidapi.com/api/imdb";
  std::string imdb_host = "imdb236.p.rapidapi.com";  // X-RapidAPI-Host value
  std::string imdb_key;                              // X-RapidAPI-Key value
  std::string tmdb_base_url = "https://api.themoviedb.org/3";
  // A v4 read token (sent as "Authorization: Bearer") or a 32-hex v3 key
  // (sent as ?api_key=, which recordings and messages strip).
  std::string tmdb_token;
  std::string tmdb_language = "en-US";  // language= on detail calls; empty = none
  // Countries whose watch providers the detail calls keep (append_to_response=
  // watch/providers rides on the detail request: no extra call). Empty = none asked.
  std::vector<std::string> tmdb_watch_countries{"US"};
  // The origin each key may be sent to; empty = its base URL's own (a config
  // built in code). See the binding rule above.
  std::string imdb_key_origin;
  std::string tmdb_token_origin;

  ApiLimits imdb_limits{5, 5, 5};     // a basic RapidAPI plan
  ApiLimits tmdb_limits{35, 35, 16};  // below TMDB's ~40-50/s

  int connect_timeout_ms = 10'000;
  int timeout_ms = 30'000;                        // whole request, body included
  int64_t max_response_bytes = 32 * 1024 * 1024;  // a larger body fails its call, not retried
  // Every API call of one step attempt must end within this; later calls
  // fail with kNetwork without sending anything.
  int64_t step_budget_ms = 30 * 60 * 1000;
  int max_list_titles = 1000;  // a longer popular list is refused, not fetched
  bool http2 = true;           // negotiated over TLS when offered
  // IMDB title details a day may ask for at most (enrichment's share of the
  // RapidAPI plan); 0 = derived from the quota the plan reports left and the
  // days until it resets, keeping what the popular lists need (jobs/imdb_budget.h).
  int64_t imdb_daily_request_budget = 0;

  int max_attempts = 5;       // per call, first try included
  int backoff_base_ms = 500;  // full jitter: sleep U(0, min(max, base * 2^(attempt-1)))
  int backoff_max_ms = 30'000;
  int max_retry_after_ms = 300'000;  // a longer Retry-After is capped to this

  MappingStrategy mapping = MappingStrategy::kTmdbFind;

  // TMDB's daily export files: no key, no quota, large bodies streamed.
  std::string export_base_url = "http://files.tmdb.org/p/exports";
  int export_attempts = 3;              // per file and run, first try included
  int export_stall_ms = 30'000;         // no byte for this long: that attempt failed
  int export_timeout_ms = 15 * 60'000;  // one whole file

  std::string record_dir;  // when set, every response is also saved here
  std::string replay_dir;  // when set, responses come from here; no network at all

  // Points both APIs at a `cinelake sandbox` at base_url ("http://127.0.0.1:8080"),
  // optionally pinned to a day ("/@2026-11-23" prefix), with the sandbox's
  // keys (the defaults below unless given) bound to it: the real keys stay
  // home whatever is configured.
  void UseSandbox(std::string_view base_url, std::optional<std::string_view> date = std::nullopt,
                  std::string_view imdb_key = {}, std::string_view tmdb_token = {});

  // Replaces "{date}" in both base URLs by `date` (YYYY-MM-DD): a config
  // pointing base_url at a sandbox as ".../@{date}/..." serves every day of
  // a backfill from that day's world.
  void ExpandDate(std::string_view date);

  // True when every answer is for the logical day `date` (YYYY-MM-DD), not
  // for today: replayed from recordings (replay_dir), or both base URLs are
  // pinned to that day by a "/@YYYY-MM-DD" path segment (how a sandbox
  // serves a past day). The real APIs only know today.
  bool AnswersAreDated(std::string_view date) const;

  // Empty when the IMDB key / TMDB token may go to the configured base URL,
  // else why not (names both origins, never the key).
  std::string ImdbKeyRefusal() const;
  std::string TmdbTokenRefusal() const;

  // True when the TMDB token is a v3 api key (32 hex characters).
  bool TmdbTokenIsV3Key() const;

  // Rejects nonsense values (rates <= 0, concurrency < 1, attempts < 1, ...).
  Status Validate() const;
};

inline constexpr std::string_view kSandboxImdbKey = "sandbox-imdb-key";
inline constexpr std::string_view kSandboxTmdbToken = "sandbox-tmdb-token";

// Loads defaults, then the TOML file at `path` (if given; a missing or
// unparsable file is an error naming it), then the environment.
Result<ApiConfig> LoadApiConfig(const std::optional<std::string>& path);

// Same, with the environment read through `getenv` (tests).
using GetEnvFn = std::function<std::optional<std::string>(const char* name)>;
Result<ApiConfig> LoadApiConfig(const std::optional<std::string>& path, const GetEnvFn& getenv);

}  // namespace cinelake
