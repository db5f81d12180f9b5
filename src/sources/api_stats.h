// ApiStats: counters one API client keeps for the run manifest and benchmarks.
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
  // The lowest x-ratelimit-requests-remaining any answer carried (RapidAPI
  // sends it; the quota only goes down, so the lowest is the latest); -1 = never.
  int64_t quota_remaining = -1;
};

}  // namespace cinelake
