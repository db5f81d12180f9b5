// One HTTP/1.x request head and the answer to it, as the dashboard's
// transport (HttpFront) hands them to a handler.
//
// ParseRequestHead() parses a complete head (request line and header lines,
// the blank line excluded) strictly: origin-form targets only ("/..."),
// HTTP/1.0 or 1.1, token header names, no folded lines, at most
// kMaxHeaderLines headers. It returns 0 or the HTTP status to refuse with
// (400, 414, 505). The path is percent-decoded and the query split into
// parameters the way cpp-httplib does, so handlers see what they saw before.
// Plain values; no threads, no I/O.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cinelake::serve {

inline constexpr size_t kMaxTargetBytes = 8 << 10;
inline constexpr size_t kMaxHeaderLines = 100;

struct HttpRequest {
  std::string method;
  std::string target;  // as sent, still percent-encoded
  std::string path;    // decoded, without the query
  std::multimap<std::string, std::string> params;
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  bool http10 = false;
  bool has_body = false;  // announced by the head; never read

  // First value of a header (name in lower case), or nullptr.
  const std::string* Header(std::string_view lower_name) const;
};

struct HttpResponse {
  int status = 200;
  std::string content_type;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
};

int ParseRequestHead(std::string_view head, HttpRequest* req);

// "OK", "Not Found", ... ("Unknown" for a code we never send).
const char* ReasonPhrase(int status);

// The status line, headers, Content-Length and Connection lines, blank line.
std::string SerializeHead(const HttpResponse& res, size_t content_length, bool keep_alive);

}  // namespace cinelake::serve
