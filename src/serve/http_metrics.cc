#include "serve/http_metrics.h"

#include "serve/prometheus_text.h"

namespace cinelake::serve {

HttpMetrics::HttpMetrics(std::vector<std::string> routes) : routes_(std::move(routes)) {
  routes_.emplace_back("other");
  counts_ = std::make_unique<PerRoute[]>(routes_.size());
}

size_t HttpMetrics::RouteIndex(std::string_view route) const {
  for (size_t i = 0; i + 1 < routes_.size(); ++i) {
    if (routes_[i] == route) return i;
  }
  return routes_.size() - 1;
}

void HttpMetrics::Record(size_t route, int status, int64_t micros) {
  if (route >= routes_.size()) route = routes_.size() - 1;
  PerRoute& r = counts_[route];
  size_t code = kCodes.size() - 1;  // 0 = "other"
  for (size_t i = 0; i + 1 < kCodes.size(); ++i) {
    if (kCodes[i] == status) code = i;
  }
  r.by_code[code].fetch_add(1, std::memory_order_relaxed);
  const double seconds = static_cast<double>(micros) / 1e6;
  size_t bucket = kBuckets.size();
  for (size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) {
      bucket = i;
      break;
    }
  }
  buckets_[bucket].fetch_add(1, std::memory_order_relaxed);
  micros_sum_.fetch_add(static_cast<uint64_t>(micros < 0 ? 0 : micros), std::memory_order_relaxed);
}

void HttpMetrics::Render(PrometheusText& out) const {
  out.Family("cinelake_http_requests_total", "counter", "Dashboard HTTP requests by route and status code.");
  for (size_t i = 0; i < routes_.size(); ++i) {
    for (size_t c = 0; c < kCodes.size(); ++c) {
      uint64_t n = counts_[i].by_code[c].load(std::memory_order_relaxed);
      if (n == 0) continue;
      out.Sample("cinelake_http_requests_total",
                 {{"route", routes_[i]}, {"code", kCodes[c] == 0 ? "other" : std::to_string(kCodes[c])}},
                 static_cast<double>(n));
    }
  }
  out.Family("cinelake_http_request_duration_seconds", "histogram",
             "Time to answer a dashboard request (handler only, not the network).");
  uint64_t cumulative = 0;
  for (size_t b = 0; b <= kBuckets.size(); ++b) {
    cumulative += buckets_[b].load(std::memory_order_relaxed);
    std::string le = b < kBuckets.size() ? FormatPrometheusNumber(kBuckets[b]) : "+Inf";
    out.Sample("cinelake_http_request_duration_seconds_bucket", {{"le", le}},
               static_cast<double>(cumulative));
  }
  out.Sample("cinelake_http_request_duration_seconds_sum", {},
             static_cast<double>(micros_sum_.load(std::memory_order_relaxed)) / 1e6);
  out.Sample("cinelake_http_request_duration_seconds_count", {}, static_cast<double>(cumulative));
}

}  // namespace cinelake::serve
