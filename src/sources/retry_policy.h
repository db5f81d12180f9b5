// RetryPolicy: when and how long to wait before retrying an API request.
//
// Backoff is exponential with full jitter: before attempt n+1 wait a uniform
// random time in [0, min(max, base * 2^(n-1))]. A Retry-After header on 429
// or 503 replaces the backoff (capped by max_retry_after_ms).
//
// Thread-safety: pure functions; the caller owns the rng.
#pragma once

#include <chrono>
#include <ctime>
#include <optional>
#include <random>
#include <string_view>

namespace cinelake {

struct RetryPolicy {
  int max_attempts = 5;
  int backoff_base_ms = 500;
  int backoff_max_ms = 30'000;
  int max_retry_after_ms = 300'000;
};

// The wait after failed attempt `attempt` (1-based).
std::chrono::milliseconds BackoffDelay(const RetryPolicy& policy, int attempt, std::mt19937_64& rng);

// Parses a Retry-After value: delay-seconds ("120") or an HTTP date
// ("Wed, 21 Oct 2015 07:28:00 GMT"), relative to `now`. A date in the past
// means 0. nullopt when empty or unparsable.
std::optional<std::chrono::milliseconds> ParseRetryAfter(std::string_view value, std::time_t now);

// HTTP statuses worth retrying: 408, 425, 429, 5xx.
bool IsRetryableHttpStatus(int status);

}  // namespace cinelake
