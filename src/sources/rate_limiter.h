// RateLimiter: a token bucket for one API (per host in production).
//
// Acquire() blocks until the caller may start one request. The bucket holds
// at most `burst` tokens and refills at `rate_per_sec`; it starts full.
// Implemented as GCRA (a reservation per caller, first come first served), so
// a waiting caller sleeps once instead of polling. PauseUntil() (a 429/503
// Retry-After) stops every grant until the given time; grants resume at the
// sustained rate, not with a fresh burst. Thread-safe.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>

namespace cinelake {

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  RateLimiter(double rate_per_sec, double burst);

  // Returns true once a token is held; false if *cancel became true while
  // waiting (cancel may be null).
  bool Acquire(const std::atomic<bool>* cancel = nullptr);
  void PauseUntil(Clock::time_point until);

  double rate_per_sec() const { return rate_; }
  double burst() const { return burst_; }
  int64_t waits() const { return waits_.load(); }  // grants that had to sleep

 private:
  // Reserves the next slot; returns when it may be used.
  Clock::time_point Reserve();

  const double rate_;
  const double burst_;
  const Clock::duration interval_;   // 1 / rate
  const Clock::duration tolerance_;  // (burst - 1) / rate
  std::mutex mu_;
  Clock::time_point tat_;  // theoretical arrival time of the next request
  Clock::time_point paused_until_;
  std::atomic<int64_t> waits_{0};
};

}  // namespace cinelake
