#include "sandbox/route_parts.h"

namespace cinelake::sandbox {

std::vector<std::string_view> PathSegments(std::string_view path) {
  std::vector<std::string_view> out;
  while (!path.empty()) {
    size_t slash = path.find('/');
    out.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return out;
}

std::vector<std::string_view> SegmentsAfter(std::string_view prefix, std::string_view path) {
  if (!path.starts_with(prefix)) return {};
  return PathSegments(path.substr(prefix.size()));
}

std::optional<int64_t> ParseId(std::string_view s) {
  if (s.empty() || s.size() > 12) return std::nullopt;
  int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

bool IsTitleId(std::string_view s) {
  if (s.size() < 9 || s.size() > 12 || s.substr(0, 2) != "tt") return false;
  for (char c : s.substr(2)) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace cinelake::sandbox
