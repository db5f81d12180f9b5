// Transport: the seam between the API clients and the network.
//
// A Transport performs one HTTP request and returns the response or a
// transport-level error (connection refused/reset, timeout, oversize body).
// An HTTP error status (404, 429, 500) is a response, not an error: the
// caller decides about retries. Perform() is thread-safe and may be called
// from many threads at once; the implementation decides how many requests
// actually run concurrently (CurlTransport bounds them per pool).
//
// Implementations: CurlTransport (http_client.h), RecordingTransport and
// ReplayTransport (record_replay.h), and fakes in tests.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "common/status.h"

namespace cinelake {

struct HttpRequest {
  std::string method = "GET";
  std::string url;  // absolute; may carry a key (?api_key=): never log it unredacted
  std::vector<std::pair<std::string, std::string>> headers;
  // Requests with the same pool share an in-flight bound (the API name,
  // "imdb" / "tmdb"; empty = the URL's host).
  std::string pool;
  // When > 0, bounds this request below the transport's own timeout (a step
  // budget running out).
  int timeout_ms = 0;
};

struct HttpResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // names lower-cased; last value wins
  std::string body;

  // Header value or "" (name given lower-case).
  std::string Header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
  }
};

class Transport {
 public:
  virtual ~Transport() = default;
  // Error codes: kNetwork for anything transient (refused, reset, timeout,
  // truncated body), kNotSupported for a body over the size cap (fetching it
  // again cannot help), kNotFound only from ReplayTransport when no
  // recording exists, kInvalidArgument for a bad URL.
  virtual Result<HttpResponse> Perform(const HttpRequest& request) = 0;
};

}  // namespace cinelake
