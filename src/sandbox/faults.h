// Fault injection config of the sandbox: what can go wrong, how often, where.
//
// JSON shape (every field optional; unknown keys are errors, so typos fail):
//   {
//     "rate_limits": {"imdb": {"rate": 10, "burst": 10}, "tmdb": {"rate": 40, "burst": 40}},
//     "tmdb_not_found_fraction": 0.0,   // share of TMDB ids answering 404, per id per day
//     "exports": {"published_through": "2026-11-20", "kept_from": "2026-08-22"},
//                                       // export files dated outside answer 404 (not yet
//                                       // published / already deleted); absent = every date
//     "endpoints": {
//       "*":          {...defaults for every kind...},
//       "tmdb_movie": {...overrides, field by field...}
//     }
//   }
// with an endpoint entry:
//   {"latency": {"fixed_ms": 20} | {"min_ms": 5, "max_ms": 50} | {"median_ms": 20, "p99_ms": 400},
//    "p_429": 0.0, "retry_after_s": 1, "p_500": 0.0, "p_503": 0.0, "p_reset": 0.0,
//    "p_stall": 0.0, "stall_s": 10, "p_truncate": 0.0, "p_malformed": 0.0}
// Kinds: imdb_list, imdb_title, imdb_tmdb_id, tmdb_movie, tmdb_tv, tmdb_season,
// tmdb_find, export. A rate <= 0 disables that API's limit. ToJson() gives the
// resolved config (every kind that has overrides, merged); feeding it back to
// Parse() gives the same config.
//
// Values: a FaultConfig is a plain value, safe to share read-only between
// threads (the server swaps whole configs). Errors: Parse() answers
// InvalidArgument naming the key path and the problem.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/date.h"
#include "common/status.h"

namespace cinelake::sandbox {

enum class EndpointKind {
  kImdbList = 0,
  kImdbTitle,
  kImdbTmdbId,
  kTmdbMovie,
  kTmdbTv,
  kTmdbSeason,
  kTmdbFind,
  kExport,
};
inline constexpr int kEndpointKinds = 8;
std::string_view EndpointKindName(EndpointKind kind);

enum class Api { kImdb = 0, kTmdb, kExport };
inline constexpr int kApis = 3;
std::string_view ApiName(Api api);
Api ApiOf(EndpointKind kind);

struct Latency {
  enum class Shape { kNone, kFixed, kUniform, kLogNormal } shape = Shape::kNone;
  double a = 0;  // fixed ms | min ms | median ms
  double b = 0;  //          | max ms | p99 ms
  // A delay in ms for the uniform draw u in [0,1) and standard normal z.
  double Sample(double u, double z) const;
};

struct EndpointFaults {
  Latency latency;
  double p_429 = 0;
  int retry_after_s = 1;
  double p_500 = 0;
  double p_503 = 0;
  double p_reset = 0;
  double p_stall = 0;
  double stall_s = 10;  // bounded by kMaxStallSeconds
  double p_truncate = 0;
  double p_malformed = 0;
};

struct RateLimit {
  double rate = 0;   // tokens per second; <= 0 = unlimited
  double burst = 0;  // bucket capacity
};

inline constexpr double kMaxStallSeconds = 600;

struct FaultConfig {
  std::array<RateLimit, 2> rate_limits{RateLimit{10, 10}, RateLimit{40, 40}};  // imdb, tmdb
  double tmdb_not_found_fraction = 0;
  // IMDB requests a calendar month allows (RapidAPI's plans), 429 past it.
  int64_t imdb_monthly_quota = 500'000;
  std::optional<Date> exports_published_through;
  std::optional<Date> exports_kept_from;
  bool ExportExists(Date file_date) const {
    return !(exports_published_through && file_date > *exports_published_through) &&
           !(exports_kept_from && file_date < *exports_kept_from);
  }
  EndpointFaults defaults;                           // "*"
  std::array<EndpointFaults, kEndpointKinds> kinds;  // resolved per kind
  std::array<bool, kEndpointKinds> overridden{};     // has its own entry

  const EndpointFaults& For(EndpointKind kind) const { return kinds[static_cast<int>(kind)]; }

  static Result<FaultConfig> Parse(std::string_view json_text);
  std::string ToJson() const;
};

// The outcome drawn for one request (besides latency).
enum class FaultAction { kNone, k429, k500, k503, kReset, kStall, kTruncate, kMalformed };
std::string_view FaultActionName(FaultAction action);
// Picks an action for the uniform draw u in [0,1): the probabilities stack in
// the order of FaultAction.
FaultAction DrawAction(const EndpointFaults& f, double u);

}  // namespace cinelake::sandbox
