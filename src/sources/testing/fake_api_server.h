// FakeApiServer: an in-process stand-in for imdb236 and TMDB, for tests.
//
// Serves canned JSON under http://127.0.0.1:<ephemeral>/imdb236/api/imdb and
// /tmdb/3 (the sandbox's layout), checks the keys (401 otherwise), injects
// faults per path, and measures what a polite client must respect: requests
// per path, peak concurrency, and rate-limit violations (arrivals that a
// token bucket with the configured rate and burst, plus a small slack for
// loopback jitter, would have refused). Thread-safe.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "common/status.h"

namespace httplib {
class Server;
}

namespace cinelake::testing {

enum class Fault {
  kNone,
  kStatus,     // answer `status` (429, 500, 503, 404, 401...) with Retry-After if set
  kReset,      // promise a body, then drop the connection mid-way
  kStall,      // sleep stall_ms before answering (a client timeout should fire first)
  kTruncated,  // 200 with the first half of the body (consistent Content-Length)
  kMalformed,  // 200 with a body that is not JSON
  kOversize,   // 200 with a body of oversize_bytes
};

struct FaultSpec {
  Fault fault = Fault::kNone;
  int status = 0;
  std::string retry_after;  // header value, "" = none
  int times = 1;            // how many requests get the fault; -1 = all
  int stall_ms = 2000;
  int64_t oversize_bytes = 1 << 20;
};

struct FakeServerOptions {
  std::string imdb_key = "fake-imdb-key-0001";
  std::string tmdb_token = "fake-tmdb-bearer-0002";  // Bearer token, or a v3 key sent as api_key
  // Rate checks per API ("imdb", "tmdb"); rate 0 = not checked.
  double imdb_rate_per_sec = 0, imdb_burst = 1;
  double tmdb_rate_per_sec = 0, tmdb_burst = 1;
  int slack_ms = 15;
  int latency_ms = 0;  // added to every answer
  int threads = 48;
};

class FakeApiServer {
 public:
  explicit FakeApiServer(FakeServerOptions options = {});
  ~FakeApiServer();

  Status Start();  // binds 127.0.0.1 on an ephemeral port
  void Stop();
  int port() const { return port_; }
  std::string base_url() const;  // "http://127.0.0.1:<port>"
  std::string imdb_base_url() const { return base_url() + "/imdb236/api/imdb"; }
  std::string tmdb_base_url() const { return base_url() + "/tmdb/3"; }

  // Canned answer for a path under an API prefix ("/imdb236/api/imdb/tt1",
  // "/tmdb/3/movie/5"; the query is ignored). Unknown paths answer 404.
  void SetJson(const std::string& path, std::string body, int status = 200);
  void AddFault(const std::string& path, FaultSpec spec);
  void SetLatencyMs(int ms) { latency_ms_.store(ms); }

  int64_t requests() const { return total_.load(); }
  int64_t requests_for(const std::string& path) const;
  std::vector<std::chrono::steady_clock::time_point> arrivals_for(const std::string& path) const;
  int max_concurrency() const { return max_concurrency_.load(); }
  int64_t rate_violations() const { return violations_.load(); }
  // Every request target seen (path and query, as sent): for key-leak checks.
  std::vector<std::string> targets() const;

 private:
  struct Bucket {
    double rate = 0;
    double burst = 1;
    std::chrono::steady_clock::time_point tat;
  };
  void CheckRate(Bucket* bucket, std::chrono::steady_clock::time_point now);

  FakeServerOptions options_;
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  int port_ = 0;
  std::atomic<int> latency_ms_{0};

  mutable std::mutex mu_;
  std::map<std::string, std::pair<int, std::string>> bodies_;
  std::map<std::string, std::vector<FaultSpec>> faults_;
  std::map<std::string, std::vector<std::chrono::steady_clock::time_point>> arrivals_;
  std::vector<std::string> targets_;
  Bucket imdb_bucket_;
  Bucket tmdb_bucket_;

  std::atomic<int64_t> total_{0};
  std::atomic<int> in_flight_{0};
  std::atomic<int> max_concurrency_{0};
  std::atomic<int64_t> violations_{0};
};

}  // namespace cinelake::testing
