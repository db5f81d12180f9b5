#include "sandbox/stats.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace cinelake::sandbox {

void Stats::CountRequest(EndpointKind kind) {
  std::lock_guard<std::mutex> lock(mu_);
  ++by_kind_[static_cast<int>(kind)];
}

void Stats::CountStatus(int status) {
  std::lock_guard<std::mutex> lock(mu_);
  ++by_status_[status];
}

void Stats::CountFault(std::string_view name) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = faults_.find(name);
  if (it == faults_.end()) it = faults_.emplace(std::string(name), 0).first;
  ++it->second;
}

void Stats::CountRateLimitViolation(Api api) {
  std::lock_guard<std::mutex> lock(mu_);
  ++violations_[static_cast<int>(api)];
}

void Stats::CountUnauthorized(Api api) {
  std::lock_guard<std::mutex> lock(mu_);
  ++unauthorized_[static_cast<int>(api)];
}

void Stats::Count429() {
  std::lock_guard<std::mutex> lock(mu_);
  ++sent_429_;
}

void Stats::Enter(Api api) {
  std::lock_guard<std::mutex> lock(mu_);
  int i = static_cast<int>(api);
  ++in_flight_[i];
  max_in_flight_[i] = std::max(max_in_flight_[i], in_flight_[i]);
}

void Stats::Leave(Api api) {
  std::lock_guard<std::mutex> lock(mu_);
  --in_flight_[static_cast<int>(api)];
}

void Stats::Reset() {
  std::lock_guard<std::mutex> lock(mu_);
  by_kind_ = {};
  by_status_.clear();
  faults_.clear();
  violations_ = {};
  unauthorized_ = {};
  max_in_flight_ = in_flight_;
  sent_429_ = 0;
}

std::string Stats::ToJson() const {
  using Json = nlohmann::ordered_json;
  std::lock_guard<std::mutex> lock(mu_);
  Json j;
  int64_t total = 0;
  std::array<int64_t, kApis> per_api{};
  Json kinds = Json::object();
  for (int k = 0; k < kEndpointKinds; ++k) {
    auto kind = static_cast<EndpointKind>(k);
    kinds[std::string(EndpointKindName(kind))] = by_kind_[k];
    per_api[static_cast<int>(ApiOf(kind))] += by_kind_[k];
    total += by_kind_[k];
  }
  auto per_api_json = [](const std::array<int64_t, kApis>& a) {
    Json o = Json::object();
    for (int i = 0; i < kApis; ++i) o[std::string(ApiName(static_cast<Api>(i)))] = a[i];
    return o;
  };
  j["requests"] = Json{{"total", total}, {"by_api", per_api_json(per_api)}, {"by_kind", kinds}};
  Json statuses = Json::object();
  for (const auto& [status, n] : by_status_) statuses[std::to_string(status)] = n;
  j["responses_by_status"] = statuses;
  Json faults = Json::object();
  int64_t fault_total = 0;
  for (const auto& [name, n] : faults_) {
    faults[name] = n;
    if (name != "latency") fault_total += n;
  }
  j["faults"] = faults;
  j["faults_total"] = fault_total;
  j["sent_429"] = sent_429_;
  Json violations = per_api_json(violations_);
  int64_t v = 0;
  for (int64_t n : violations_) v += n;
  violations["total"] = v;
  j["rate_limit_violations"] = violations;
  j["unauthorized"] = per_api_json(unauthorized_);
  j["max_in_flight"] = per_api_json(max_in_flight_);
  j["in_flight"] = per_api_json(in_flight_);
  return j.dump(2);
}

}  // namespace cinelake::sandbox
