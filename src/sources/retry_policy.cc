#include "sources/retry_policy.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <string>

namespace cinelake {

std::chrono::milliseconds BackoffDelay(const RetryPolicy& policy, int attempt, std::mt19937_64& rng) {
  int64_t cap = std::max(0, policy.backoff_max_ms);
  int64_t ceiling = std::max(0, policy.backoff_base_ms);
  for (int i = 1; i < attempt && ceiling < cap; ++i) ceiling *= 2;
  ceiling = std::min(ceiling, cap);
  if (ceiling <= 0) return std::chrono::milliseconds(0);
  std::uniform_int_distribution<int64_t> dist(0, ceiling);
  return std::chrono::milliseconds(dist(rng));
}

std::optional<std::chrono::milliseconds> ParseRetryAfter(std::string_view value, std::time_t now) {
  while (!value.empty() && std::isspace(static_cast<unsigned char>(value.front()))) value.remove_prefix(1);
  while (!value.empty() && std::isspace(static_cast<unsigned char>(value.back()))) value.remove_suffix(1);
  if (value.empty()) return std::nullopt;
  if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    if (value.size() > 9) return std::chrono::milliseconds(int64_t{999'999'999} * 1000);
    return std::chrono::milliseconds(std::stoll(std::string(value)) * 1000);
  }
  // Fractional seconds are not standard but some servers send them.
  bool decimal =
      std::all_of(value.begin(), value.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
  if (decimal && value.size() < 16) {
    try {
      double seconds = std::stod(std::string(value));
      return std::chrono::milliseconds(static_cast<int64_t>(seconds * 1000.0 + 0.999));
    } catch (...) {
      return std::nullopt;
    }
  }
  std::string text(value);
  std::time_t at = curl_getdate(text.c_str(), nullptr);
  if (at == static_cast<std::time_t>(-1)) return std::nullopt;
  if (at <= now) return std::chrono::milliseconds(0);
  return std::chrono::milliseconds(int64_t{at - now} * 1000);
}

bool IsRetryableHttpStatus(int status) {
  return status == 408 || status == 425 || status == 429 || (status >= 500 && status <= 599);
}

}  // namespace cinelake
