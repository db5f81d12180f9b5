// Request targets of the API: "path?query" split, percent-decoded, and the
// query cut into parameters.
//
// Each parameter is split on its first '=' only, so "q=Mirror=x" is q =
// "Mirror=x"; a parameter without '=' has an empty value; '+' in the query is
// a space; a malformed %-escape is kept as written. Pure functions; safe from
// any thread. Errors: ParseTarget() answers InvalidArgument for more than
// kMaxQueryParams parameters.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "common/status.h"

namespace cinelake::serve {

using Query = std::multimap<std::string, std::string>;

inline constexpr size_t kMaxQueryParams = 16;

struct Target {
  std::string path;  // decoded
  Query query;
};

Result<Target> ParseTarget(std::string_view target);
Query ParseQuery(std::string_view query);
// %XX to the byte; with `plus_is_space`, '+' to ' ' (query text, not paths).
std::string PercentDecode(std::string_view text, bool plus_is_space);

}  // namespace cinelake::serve
