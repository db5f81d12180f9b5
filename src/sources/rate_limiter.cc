#include "sources/rate_limiter.h"

#include <algorithm>
#include <thread>

namespace cinelake {
namespace {

RateLimiter::Clock::duration SecondsToDuration(double seconds) {
  return std::chrono::duration_cast<RateLimiter::Clock::duration>(std::chrono::duration<double>(seconds));
}

}  // namespace

RateLimiter::RateLimiter(double rate_per_sec, double burst)
    : rate_(rate_per_sec > 0 ? rate_per_sec : 1.0),
      burst_(burst >= 1 ? burst : 1.0),
      interval_(SecondsToDuration(1.0 / rate_)),
      tolerance_(SecondsToDuration((burst_ - 1.0) / rate_)),
      tat_(Clock::now()),
      paused_until_(Clock::time_point::min()) {}

RateLimiter::Clock::time_point RateLimiter::Reserve() {
  std::lock_guard<std::mutex> lock(mu_);
  Clock::time_point now = Clock::now();
  Clock::time_point tat = std::max(tat_, now);
  Clock::time_point allowed = tat - tolerance_;
  if (allowed < now) allowed = now;
  if (allowed < paused_until_) {
    // After a pause, restart at the sustained rate: no burst right away.
    allowed = paused_until_;
    tat = std::max(tat, paused_until_ + tolerance_);
  }
  tat_ = tat + interval_;
  return allowed;
}

bool RateLimiter::Acquire(const std::atomic<bool>* cancel) {
  // Bounded: each pass either grants or re-reserves after a pause that began
  // while we slept; pauses are finite, so the loop ends.
  for (;;) {
    if (cancel != nullptr && cancel->load()) return false;
    Clock::time_point at = Reserve();
    bool waited = false;
    for (;;) {
      Clock::time_point now = Clock::now();
      if (now >= at) break;
      if (cancel != nullptr && cancel->load()) return false;
      waited = true;
      std::this_thread::sleep_for(std::min<Clock::duration>(at - now, std::chrono::milliseconds(50)));
    }
    if (waited) waits_.fetch_add(1);
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (Clock::now() >= paused_until_) return true;
    }
  }
}

void RateLimiter::PauseUntil(Clock::time_point until) {
  std::lock_guard<std::mutex> lock(mu_);
  paused_until_ = std::max(paused_until_, until);
}

}  // namespace cinelake
