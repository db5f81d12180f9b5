// The request pipeline of the sandbox: one Request in, one Reply out.
//
// A Handler answers a Request. An ApiRenderer is the innermost handler of one
// service (imdb236, TMDB v3, the TMDB export host): it owns that service's
// routes, its wire JSON, its error bodies and its auth check. The concerns
// that are the same for every service (stats, auth, rate limits, faults,
// corruption; sandbox/layers.h) are Handlers that wrap another Handler, and
// server.cc composes them once per service.
//
// Contract:
// - Handlers do not own the Handlers they wrap, nor the World; whoever
//   composes them keeps everything alive for as long as requests can arrive.
// - Handle() is called concurrently from the server's worker threads, so
//   every implementation is thread-safe. It may write to the Request (the
//   layers leave the key and the drawn fault there for the layers inside).
// - Errors are answers, never Status: a Reply carries the HTTP status and the
//   service's own error body; a dropped connection is Reply::dropped.
#pragma once

#include <httplib.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "common/date.h"
#include "sandbox/faults.h"
#include "sandbox/world.h"

namespace cinelake::sandbox {

inline constexpr const char* kJsonType = "application/json;charset=utf-8";

// An endpoint recognised by a renderer's Match().
struct Route {
  EndpointKind kind;
  Kind title_kind = Kind::kMovie;  // lists
  std::string id{};                // tt id, TMDB id, or export file name
  int season = 0;
};

struct Request {
  const httplib::Request& http;  // headers, query parameters, the connection
  Route route{};
  Date date{};                                  // the day the answer is for
  std::shared_ptr<const FaultConfig> faults{};  // as when the request arrived
  std::string key{};                            // the API key, once authenticated
  FaultAction fault = FaultAction::kNone;       // drawn by the fault layer
};

struct Reply {
  int status = 200;
  std::string body{};
  std::string content_type = kJsonType;
  int retry_after_s = 0;  // > 0: a Retry-After header
  bool dropped = false;   // the connection was closed without an answer
};

class Handler {
 public:
  virtual ~Handler() = default;
  virtual Reply Handle(Request& request) = 0;
};

// The errors a layer answers in the service's own words.
enum class ApiError { kUnauthorized, kNotFound, kRateLimited, kInternal, kUnavailable };

class ApiRenderer : public Handler {
 public:
  explicit ApiRenderer(Api api) : api_(api) {}
  Api api() const { return api_; }
  // The endpoint a path (without the /@date prefix) names, or nullopt when
  // the path is not this service's.
  virtual std::optional<Route> Match(std::string_view path) const = 0;
  // The key the request presents when it is the one this service accepts;
  // nullopt means 401. Services without auth accept every request with "".
  virtual std::optional<std::string> Authenticate(const httplib::Request& http) const = 0;
  virtual Reply Error(ApiError error) const = 0;
  // Handle() answers the body of an endpoint (200) or the service's own
  // 4xx/5xx for it (unknown id, bad parameter).

 private:
  const Api api_;
};

}  // namespace cinelake::sandbox
