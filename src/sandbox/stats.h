// Counters the sandbox exposes at GET /_sandbox/stats, so tests can check
// what a client did (how many calls, how fast, how it handled faults).
// Thread-safe; owns its counters; never fails. Reset() zeroes everything
// except requests in flight.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

#include "sandbox/faults.h"

namespace cinelake::sandbox {

class Stats {
 public:
  void CountRequest(EndpointKind kind);
  void CountStatus(int status);
  void CountFault(std::string_view name);  // "429", "reset", "latency", "not_found", ...
  void CountRateLimitViolation(Api api);
  void CountUnauthorized(Api api);
  void Count429();
  // In-flight tracking: Enter returns the new in-flight count.
  void Enter(Api api);
  void Leave(Api api);
  void Reset();
  std::string ToJson() const;

 private:
  mutable std::mutex mu_;
  std::array<int64_t, kEndpointKinds> by_kind_{};
  std::map<int, int64_t> by_status_;
  std::map<std::string, int64_t, std::less<>> faults_;
  std::array<int64_t, kApis> violations_{};
  std::array<int64_t, kApis> unauthorized_{};
  std::array<int64_t, kApis> in_flight_{};
  std::array<int64_t, kApis> max_in_flight_{};
  int64_t sent_429_ = 0;
};

}  // namespace cinelake::sandbox
