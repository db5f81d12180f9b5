#include "sources/url_util.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "common/log.h"

namespace cinelake {
namespace {

bool IsKeyParam(std::string_view name) {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower == "api_key" || lower == "apikey" || lower == "key" || lower == "token" ||
         lower == "access_token";
}

// Rewrites the query: drops key params (mask == false) or masks their values.
std::string RewriteQuery(std::string_view url, bool mask) {
  size_t q = url.find('?');
  if (q == std::string_view::npos) return Redact(url);
  size_t hash = url.find('#', q);
  std::string_view query =
      url.substr(q + 1, hash == std::string_view::npos ? std::string_view::npos : hash - q - 1);
  std::string out(url.substr(0, q));
  std::vector<std::string> kept;
  size_t start = 0;
  while (start <= query.size()) {
    size_t amp = query.find('&', start);
    std::string_view part =
        query.substr(start, amp == std::string_view::npos ? std::string_view::npos : amp - start);
    if (!part.empty()) {
      size_t eq = part.find('=');
      std::string_view name = part.substr(0, eq);
      if (!IsKeyParam(name)) {
        kept.emplace_back(part);
      } else if (mask) {
        kept.push_back(std::string(name) + "=***");
      }
    }
    if (amp == std::string_view::npos) break;
    start = amp + 1;
  }
  for (size_t i = 0; i < kept.size(); ++i) {
    out += (i == 0 ? '?' : '&');
    out += kept[i];
  }
  if (hash != std::string_view::npos) out += url.substr(hash);
  return Redact(out);
}

}  // namespace

std::string StripKeyParams(std::string_view url) {
  return RewriteQuery(url, false);
}

std::string RedactUrl(std::string_view url) {
  return RewriteQuery(url, true);
}

std::string UrlPathAndQuery(std::string_view url) {
  size_t scheme = url.find("://");
  size_t from = scheme == std::string_view::npos ? 0 : scheme + 3;
  size_t slash = url.find_first_of("/?", from);
  if (slash == std::string_view::npos) return "/";
  std::string out(url.substr(slash));
  if (out.front() == '?') out.insert(out.begin(), '/');
  return out;
}

std::string UrlHostPort(std::string_view url) {
  size_t scheme = url.find("://");
  size_t from = scheme == std::string_view::npos ? 0 : scheme + 3;
  size_t end = url.find_first_of("/?#", from);
  std::string_view host =
      url.substr(from, end == std::string_view::npos ? std::string_view::npos : end - from);
  size_t at = host.rfind('@');  // never keep user:password@
  if (at != std::string_view::npos) host.remove_prefix(at + 1);
  return std::string(host);
}

std::string UrlOrigin(std::string_view url) {
  size_t scheme = url.find("://");
  std::string out = scheme == std::string_view::npos ? std::string() : std::string(url.substr(0, scheme + 3));
  out += UrlHostPort(url);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string UrlEncode(std::string_view text) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace cinelake
