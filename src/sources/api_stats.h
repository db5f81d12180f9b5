// ApiStats: counters one API client keeps for the run manifest and benchmarks.
//
// Thread-safety: a plain value; ApiCaller updates it under its lock and hands out copies.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace cinelake {

struct ApiStats {
  int64_t requests = 0;      // HTTP requests sent (every attempt counts)
  int64_t retries = 0;       // attempts beyond the first
  int64_t calls = 0;         // client calls made (one per item of a batch)
  int64_t failures = 0;      // calls that ended in an error other than NotFound
  int64_t not_found = 0;     // calls answered 404
  int64_t rate_limited = 0;  // 429 answers received
  int64_t warnings = 0;      // fields that were mistyped and decoded as nullopt
  // The plan's standing from RapidAPI's x-ratelimit-requests-* headers, as
  // the answer with the lowest -remaining gave it (within a run the quota
  // only goes down, so the lowest is the latest); -1 = never told.
  int64_t quota_remaining = -1;
  int64_t quota_limit = -1;          // x-ratelimit-requests-limit: requests per period
  int64_t quota_reset_seconds = -1;  // x-ratelimit-requests-reset: seconds until the period restarts
};

}  // namespace cinelake
