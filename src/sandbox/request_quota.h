// Per-key token buckets that refuse: how the sandbox enforces the
// requests-per-second plans of the real services. (Not the client side's
// sources/rate_limiter.h, which waits for a token instead.)
//
// A bucket holds up to `burst` tokens and refills at `rate` tokens a second;
// a request takes one. An empty bucket means the request is over the quota:
// the caller answers 429 and Retry-After (the seconds until a token is back).
// Thread-safe; owns its buckets; never fails.
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

#include "sandbox/faults.h"

namespace cinelake::sandbox {

class RequestQuota {
 public:
  using Clock = std::chrono::steady_clock;

  // Replaces the limits and forgets every bucket.
  void Configure(const RateLimit& limit);

  // Takes a token for `key`. Returns 0 when allowed, else the Retry-After
  // seconds (>= 1) of a request over the quota.
  int Acquire(std::string_view key, Clock::time_point now = Clock::now());

 private:
  struct Bucket {
    double tokens = 0;
    Clock::time_point last;
  };
  std::mutex mu_;
  RateLimit limit_;
  std::map<std::string, Bucket, std::less<>> buckets_;
};

}  // namespace cinelake::sandbox
