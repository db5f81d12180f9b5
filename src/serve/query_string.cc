#include "serve/query_string.h"

#include <charconv>

namespace cinelake::serve {

std::string PercentDecode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '%' && i + 2 < text.size()) {
      unsigned byte = 0;
      const char* end = text.data() + i + 3;
      auto [p, ec] = std::from_chars(text.data() + i + 1, end, byte, 16);
      if (ec == std::errc() && p == end) {
        out += static_cast<char>(byte);
        i += 2;
        continue;
      }
    }
    out += (plus_is_space && c == '+') ? ' ' : c;
  }
  return out;
}

Query ParseQuery(std::string_view query) {
  Query out;
  size_t start = 0;
  while (start < query.size()) {
    size_t amp = query.find('&', start);
    if (amp == std::string_view::npos) amp = query.size();
    std::string_view part = query.substr(start, amp - start);
    if (!part.empty()) {
      size_t eq = part.find('=');
      std::string_view key = part.substr(0, eq);
      std::string_view value = eq == std::string_view::npos ? std::string_view() : part.substr(eq + 1);
      out.emplace(PercentDecode(key, true), PercentDecode(value, true));
    }
    start = amp + 1;
  }
  return out;
}

Result<Target> ParseTarget(std::string_view target) {
  size_t q = target.find('?');
  Target out;
  out.path = PercentDecode(target.substr(0, q), false);
  if (q != std::string_view::npos) out.query = ParseQuery(target.substr(q + 1));
  if (out.query.size() > kMaxQueryParams) {
    return Status::InvalidArgument("too many query parameters (at most " + std::to_string(kMaxQueryParams) +
                                   ")");
  }
  return out;
}

}  // namespace cinelake::serve
