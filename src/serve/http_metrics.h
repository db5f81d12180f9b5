// HttpMetrics: the dashboard's own request counters for /metrics — requests
// by route and status code, and one latency histogram over every request
// (one, not one per route: few series, and parsers that flatten labelled
// histograms read it right).
//
// Routes are labelled by pattern ("/api/title/{id}"), never by the path
// asked, and codes outside a fixed list count as "other", so no request can
// grow the set of series. Record() is lock-free (relaxed atomics: counters
// only need to be eventually consistent with each other); Render() reads
// them while requests go on.
//
// Ownership: plain object, owned by the server. Thread-safety: any thread.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace cinelake::serve {

class PrometheusText;

class HttpMetrics {
 public:
  // Upper bounds of the latency buckets, in seconds (+Inf is implicit).
  static constexpr std::array<double, 12> kBuckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                   0.05,   0.1,   0.25,   0.5,   1,    2.5};
  static constexpr std::array<int, 11> kCodes{200, 206, 304, 400, 404, 405, 413, 416, 500, 503, 0};

  explicit HttpMetrics(std::vector<std::string> routes);  // "other" is added last

  // The index of `route` among the labels, or that of "other".
  size_t RouteIndex(std::string_view route) const;
  void Record(size_t route, int status, int64_t micros);

  void Render(PrometheusText& out) const;

 private:
  struct PerRoute {
    std::array<std::atomic<uint64_t>, kCodes.size()> by_code{};
  };
  std::vector<std::string> routes_;
  std::unique_ptr<PerRoute[]> counts_;
  std::array<std::atomic<uint64_t>, kBuckets.size() + 1> buckets_{};  // not cumulative; last = +Inf
  std::atomic<uint64_t> micros_sum_{0};
};

}  // namespace cinelake::serve
