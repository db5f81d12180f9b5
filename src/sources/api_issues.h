// ApiIssue and ApiIssueTally: why API calls failed or decoded with warnings,
// grouped so a run can say "tmdb /movie/{id}: field 'popularity' is string,
// expected number (200x, e.g. tmdb /movie/27205...)" instead of only "0 of
// 200 answered".
//
// An issue is keyed by (api, endpoint, cause): the endpoint is the request
// path with its query dropped and every segment holding a digit shown as
// "{id}"; the cause is the message without the request it came from. The
// example is one full message, redacted and escaped. A tally keeps at most
// kMaxIssues keys (the rest are counted under cause "other"). ApiIssueTally
// is not thread-safe; callers lock.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace cinelake {

struct ApiIssue {
  std::string api;       // "imdb" / "tmdb"
  std::string endpoint;  // "/movie/{id}"
  std::string cause;     // "field 'popularity' is string, expected number", "HTTP 500"
  int64_t count = 0;
  std::string example;  // one full message
};

// "/movie/27205?language=en-US" → "/movie/{id}".
std::string EndpointOf(std::string_view path);

// The cause part of a message "<where>: <cause> (<detail>)": the text after
// the first ": ", cut before a " (" detail or a ": '" quoted value.
std::string CauseOf(std::string_view message);

class ApiIssueTally {
 public:
  static constexpr size_t kMaxIssues = 64;

  void Add(const ApiIssue& issue);
  void AddAll(const std::vector<ApiIssue>& issues);
  bool empty() const { return by_key_.empty(); }
  // Most frequent first.
  std::vector<ApiIssue> Sorted() const;
  // "causes: tmdb /movie/{id}: HTTP 500 (3x, e.g. ...); ..." with the top
  // `limit` issues; "" when there are none.
  std::string Describe(size_t limit = 3) const;

 private:
  std::map<std::tuple<std::string, std::string, std::string>, ApiIssue> by_key_;
};

}  // namespace cinelake
