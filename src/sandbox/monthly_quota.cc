#include "sandbox/monthly_quota.h"

#include <algorithm>

namespace cinelake::sandbox {
namespace {

constexpr int64_t kSecondsPerDay = 86'400;

int MonthKey(Date date) {
  return date.year() * 12 + static_cast<int>(date.month()) - 1;
}

}  // namespace

Date NextMonthStart(Date date) {
  int next = MonthKey(date) + 1;
  return Date::FromYmd(next / 12, static_cast<unsigned>(next % 12 + 1), 1);
}

void MonthlyQuota::Configure(int64_t limit) {
  std::lock_guard<std::mutex> lock(mu_);
  limit_ = limit;
}

MonthlyQuota::Standing MonthlyQuota::Take(Date date) {
  std::lock_guard<std::mutex> lock(mu_);
  Standing s;
  s.limit = limit_;
  s.reset_seconds = (NextMonthStart(date) - date) * kSecondsPerDay;
  int64_t& used = used_[MonthKey(date)];
  if (used >= limit_) {
    s.allowed = false;
    s.remaining = 0;
    return s;
  }
  ++used;
  s.remaining = std::max<int64_t>(0, limit_ - used);
  return s;
}

void MonthlyQuota::Refund(Date date) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = used_.find(MonthKey(date));
  if (it != used_.end() && it->second > 0) --it->second;
}

}  // namespace cinelake::sandbox
