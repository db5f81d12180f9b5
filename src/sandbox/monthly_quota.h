// A RapidAPI-style monthly request quota, as imdb236's plans have: every
// answered request of a calendar month (of the request's logical date) takes
// one, and past `limit` the service answers 429 until the month turns. Each
// answer tells the client where it stands, as RapidAPI's
// x-ratelimit-requests-limit / -remaining / -reset headers do (reset: the
// seconds from the start of the logical day to the first of the next month).
//
// Thread-safe; owns its counters; never fails. Configure() forgets nothing:
// a smaller limit applies to what the month already used.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>

#include "common/date.h"

namespace cinelake::sandbox {

class MonthlyQuota {
 public:
  struct Standing {
    bool allowed = true;  // false: over the quota, answer 429
    int64_t limit = 0;
    int64_t remaining = 0;  // after this request
    int64_t reset_seconds = 0;
  };

  void Configure(int64_t limit);
  // Takes one request of `date`'s month.
  Standing Take(Date date);
  // Gives back one taken request (an answer the plan does not bill, e.g. a bad key).
  void Refund(Date date);

 private:
  std::mutex mu_;
  int64_t limit_ = 0;
  std::map<int, int64_t> used_;  // year*12 + month-1 -> requests taken
};

// The first day of the month after `date`'s.
Date NextMonthStart(Date date);

}  // namespace cinelake::sandbox
