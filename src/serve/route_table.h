// RouteTable: the API's endpoints as data, one Route per endpoint (method,
// path pattern, handler), and the dispatcher that picks one.
//
// A pattern is a '/'-separated path whose "{name}" segments match any
// non-empty segment; the matched segments reach the handler, in order, as
// ApiRequest::args. A path no route matches answers 404; a path some route
// matches under other methods answers 405 with ApiResponse::allow listing
// them (a GET route also answers HEAD). Routes are tried in declaration order.
//
// Ownership: a table holds its routes by value; handlers are plain functions.
// Thread-safety: Dispatch() is const and the table immutable after
// construction, so one table serves every request thread.
// Errors: 404 and 405 as above, as {"error": ...} bodies; everything else is
// the handler's answer.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "serve/query_string.h"

namespace cinelake::serve {

class PreparedGold;

struct ApiRequest {
  std::string path;               // decoded, e.g. "/api/title/tt1/season/2"
  Query query;                    // decoded parameters
  std::vector<std::string> args;  // the "{...}" segments, in pattern order
};

struct ApiResponse {
  int status = 200;
  std::string body;   // JSON text
  std::string allow;  // for 405: the methods the path answers, e.g. "GET, HEAD"
};

using ApiHandler = ApiResponse (*)(const PreparedGold& gold, const ApiRequest& request);

struct Route {
  std::string_view method;   // "GET"
  std::string_view pattern;  // "/api/title/{id}/season/{n}"
  ApiHandler handler;
};

class RouteTable {
 public:
  explicit RouteTable(std::vector<Route> routes) : routes_(std::move(routes)) {}

  ApiResponse Dispatch(const PreparedGold& gold, std::string_view method, std::string path,
                       Query query) const;
  const std::vector<Route>& routes() const { return routes_; }
  // The pattern of the first route whose pattern matches `path` (any
  // method), or "" — a label that cannot grow with what clients ask.
  std::string_view PatternFor(std::string_view path) const;

 private:
  std::vector<Route> routes_;
};

}  // namespace cinelake::serve
