// CurlTransport: the production Transport on libcurl's multi interface.
//
// One multi handle serves every request of the process, so connections (and
// HTTP/2 streams, negotiated over TLS when the server offers it) are reused
// across calls and threads. A background thread drives the multi handle;
// Perform() queues a request and blocks until it completes. Requests are
// grouped in pools (HttpRequest::pool, normally the API name): at most
// max_in_flight(pool) of a pool are active at once, the rest wait in FIFO
// order. Bodies are accepted gzip/deflate-encoded; a body larger than
// max_response_bytes is a kNotSupported error (permanent: not worth a retry).
// timeout_ms bounds a whole request, body included. Thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "common/status.h"
#include "sources/transport.h"

namespace cinelake {

struct CurlOptions {
  int connect_timeout_ms = 10'000;
  int timeout_ms = 30'000;
  int64_t max_response_bytes = 32 * 1024 * 1024;
  bool http2 = true;
  int default_max_in_flight = 8;             // per pool
  std::map<std::string, int> max_in_flight;  // pool → bound
  int max_host_connections = 16;             // CURLMOPT_MAX_HOST_CONNECTIONS
  int max_total_connections = 32;            // CURLMOPT_MAX_TOTAL_CONNECTIONS
  std::string user_agent = "cinelake/0.1";
};

class CurlTransport : public Transport {
 public:
  static Result<std::shared_ptr<CurlTransport>> Create(const CurlOptions& options);
  ~CurlTransport() override;

  Result<HttpResponse> Perform(const HttpRequest& request) override;

  // Highest number of requests of `pool` that were active at once.
  int max_in_flight_seen(const std::string& pool) const;

  class Impl;

 private:
  explicit CurlTransport(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace cinelake
