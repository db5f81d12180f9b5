// The API handlers' building blocks (api.h, api_catalog.h): a 200 with a JSON
// body, an error body with its status, and a query parameter ("" when absent).
// Pure inline functions; safe from any thread; no errors of their own.
#pragma once

#include <string>

#include "serve/query_string.h"
#include "serve/route_table.h"
#include "serve/view_json.h"

namespace cinelake::serve::reply {

inline ApiResponse Ok(const json& j) {
  return {200, BodyText(j), ""};
}
inline ApiResponse Error(int status, const std::string& message) {
  return {status, ErrorBodyText(message), ""};
}
inline std::string Param(const Query& q, const char* name) {
  auto it = q.find(name);
  return it == q.end() ? "" : it->second;
}

}  // namespace cinelake::serve::reply
