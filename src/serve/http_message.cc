#include "serve/http_message.h"

#include <httplib.h>

#include <cctype>

namespace cinelake::serve {

namespace {

bool IsTokenChar(unsigned char c) {
  return std::isalnum(c) ||
         std::string_view("!#$%&'*+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
}

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Next line without its CRLF (or bare LF); advances `rest`.
std::string_view NextLine(std::string_view* rest) {
  size_t nl = rest->find('\n');
  std::string_view line = rest->substr(0, nl);
  *rest = nl == std::string_view::npos ? std::string_view() : rest->substr(nl + 1);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

int ParseRequestLine(std::string_view line, HttpRequest* req) {
  size_t sp1 = line.find(' ');
  size_t sp2 = sp1 == std::string_view::npos ? sp1 : line.find(' ', sp1 + 1);
  if (sp2 == std::string_view::npos || line.find(' ', sp2 + 1) != std::string_view::npos) return 400;
  std::string_view method = line.substr(0, sp1);
  std::string_view target = line.substr(sp1 + 1, sp2 - sp1 - 1);
  std::string_view version = line.substr(sp2 + 1);
  if (method.empty()) return 400;
  for (unsigned char c : method)
    if (!IsTokenChar(c)) return 400;
  if (version != "HTTP/1.1" && version != "HTTP/1.0") return version.rfind("HTTP/", 0) == 0 ? 505 : 400;
  if (target.size() > kMaxTargetBytes) return 414;
  if (target.empty() || target[0] != '/') return 400;
  for (unsigned char c : target)
    if (c <= 0x20 || c == 0x7f) return 400;
  req->method = method;
  req->target = target;
  req->http10 = version == "HTTP/1.0";
  size_t q = target.find('?');
  req->path = httplib::detail::decode_url(std::string(target.substr(0, q)), false);
  if (q != std::string_view::npos && q + 1 < target.size())
    httplib::detail::parse_query_text(std::string(target.substr(q + 1)), req->params);
  return 0;
}

}  // namespace

const std::string* HttpRequest::Header(std::string_view lower_name) const {
  for (const auto& [name, value] : headers)
    if (name == lower_name) return &value;
  return nullptr;
}

int ParseRequestHead(std::string_view head, HttpRequest* req) {
  std::string_view rest = head;
  if (int bad = ParseRequestLine(NextLine(&rest), req)) return bad;
  while (!rest.empty()) {
    std::string_view line = NextLine(&rest);
    if (line.empty()) continue;                         // only the trailing blank line can be empty here
    if (line[0] == ' ' || line[0] == '\t') return 400;  // obsolete line folding
    size_t colon = line.find(':');
    if (colon == 0 || colon == std::string_view::npos) return 400;
    std::string name(line.substr(0, colon));
    for (char& c : name) {
      if (!IsTokenChar(static_cast<unsigned char>(c))) return 400;
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    std::string_view value = TrimSpaces(line.substr(colon + 1));
    for (unsigned char c : value)
      if ((c < 0x20 && c != '\t') || c == 0x7f) return 400;
    if (req->headers.size() >= kMaxHeaderLines) return 431;
    req->headers.emplace_back(std::move(name), std::string(value));
  }
  return 0;
}

const char* ReasonPhrase(int status) {
  switch (status) {
    case 200: return "OK";
    case 206: return "Partial Content";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 413: return "Content Too Large";
    case 414: return "URI Too Long";
    case 416: return "Range Not Satisfiable";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    case 505: return "HTTP Version Not Supported";
    default: return "Unknown";
  }
}

std::string SerializeHead(const HttpResponse& res, size_t content_length, bool keep_alive) {
  std::string out = "HTTP/1.1 " + std::to_string(res.status) + " " + ReasonPhrase(res.status) + "\r\n";
  if (!res.content_type.empty()) out += "Content-Type: " + res.content_type + "\r\n";
  for (const auto& [name, value] : res.headers) out += name + ": " + value + "\r\n";
  out += "Content-Length: " + std::to_string(content_length) + "\r\n";
  out += keep_alive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n";
  return out;
}

}  // namespace cinelake::serve
