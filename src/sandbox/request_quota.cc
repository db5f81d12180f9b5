#include "sandbox/request_quota.h"

#include <algorithm>
#include <cmath>

namespace cinelake::sandbox {

void RequestQuota::Configure(const RateLimit& limit) {
  std::lock_guard<std::mutex> lock(mu_);
  limit_ = limit;
  buckets_.clear();
}

int RequestQuota::Acquire(std::string_view key, Clock::time_point now) {
  std::lock_guard<std::mutex> lock(mu_);
  if (limit_.rate <= 0) return 0;
  auto it = buckets_.find(key);
  if (it == buckets_.end()) {
    it = buckets_.emplace(std::string(key), Bucket{limit_.burst, now}).first;
  }
  Bucket& b = it->second;
  double elapsed = std::chrono::duration<double>(now - b.last).count();
  if (elapsed > 0) {
    b.tokens = std::min(limit_.burst, b.tokens + elapsed * limit_.rate);
    b.last = now;
  }
  if (b.tokens >= 1.0) {
    b.tokens -= 1.0;
    return 0;
  }
  return std::max(1, static_cast<int>(std::ceil((1.0 - b.tokens) / limit_.rate)));
}

}  // namespace cinelake::sandbox
