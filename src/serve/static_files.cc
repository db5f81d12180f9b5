#include "serve/static_files.h"

#include <filesystem>

namespace cinelake::serve {

namespace fs = std::filesystem;

namespace {

constexpr size_t kMaxPath = 512;

int Hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

Result<std::string> ResolveStaticPath(const std::string& root, std::string_view raw) {
  auto refuse = [&](const char* why) {
    return Status::InvalidArgument("static path refused (" + std::string(why) + ")");
  };
  if (raw.size() > kMaxPath) return refuse("too long");
  size_t q = raw.find_first_of("?#");
  if (q != std::string_view::npos) raw = raw.substr(0, q);
  if (raw.empty() || raw[0] != '/') return refuse("not absolute in the URL");

  // Decode once; a '%' left after decoding (double encoding) is refused too.
  std::string path;
  for (size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    if (c == '%') {
      if (i + 2 >= raw.size()) return refuse("bad escape");
      int h = Hex(raw[i + 1]), l = Hex(raw[i + 2]);
      if (h < 0 || l < 0) return refuse("bad escape");
      c = static_cast<char>(h * 16 + l);
      if (c == '/' || c == '%') return refuse("encoded separator");
      i += 2;
    }
    if (c == '\\') return refuse("backslash");
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return refuse("control byte");
    path += c;
  }
  if (path == "/") path = "/index.html";

  // Segment checks: no empty, "." or ".." segments; no drive letters.
  std::string rel;
  size_t start = 1;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    std::string_view seg(path.data() + start, end - start);
    if (seg.empty() || seg == "." || seg == "..") return refuse("dot or empty segment");
    if (seg.find(':') != std::string_view::npos) return refuse("colon");
    if (!rel.empty()) rel += '/';
    rel += seg;
    start = end + 1;
  }
  if (rel.empty()) return refuse("empty");

  std::error_code ec;
  fs::path base = fs::canonical(root, ec);
  if (ec) return Status::NotFound("web folder " + root + " is missing");
  fs::path full = fs::weakly_canonical(base / rel, ec);
  if (ec) return Status::NotFound("no such file");
  auto [bend, fend] = std::mismatch(base.begin(), base.end(), full.begin(), full.end());
  if (bend != base.end()) return refuse("outside the web folder");
  if (!fs::is_regular_file(full, ec)) return Status::NotFound("no such file");
  return full.string();
}

RangeAnswer AnswerRange(const std::string* header, size_t size) {
  RangeAnswer whole;
  if (header == nullptr || header->rfind("bytes=", 0) != 0) return whole;
  std::string_view spec = std::string_view(*header).substr(6);
  if (spec.find(',') != std::string_view::npos) return whole;
  size_t dash = spec.find('-');
  if (dash == std::string_view::npos) return whole;
  auto number = [](std::string_view digits, size_t* out) {
    if (digits.empty() || digits.size() > 18 ||
        digits.find_first_not_of("0123456789") != std::string_view::npos)
      return false;
    *out = std::stoull(std::string(digits));
    return true;
  };
  std::string_view from = spec.substr(0, dash);
  std::string_view to = spec.substr(dash + 1);
  size_t a = 0;
  size_t b = 0;
  RangeAnswer r;
  r.kind = RangeAnswer::kPart;
  if (from.empty()) {  // the last b bytes
    if (!number(to, &b)) return whole;
    if (b == 0 || size == 0) return {RangeAnswer::kUnsatisfiable, 0, 0};
    r.first = b >= size ? 0 : size - b;
    r.last = size - 1;
    return r;
  }
  if (!number(from, &a)) return whole;
  if (!to.empty() && (!number(to, &b) || b < a)) return whole;
  if (a >= size) return {RangeAnswer::kUnsatisfiable, 0, 0};
  r.first = a;
  r.last = to.empty() || b >= size ? size - 1 : b;
  return r;
}

const char* ContentTypeFor(std::string_view path) {
  auto ends = [&](std::string_view ext) {
    return path.size() >= ext.size() && path.substr(path.size() - ext.size()) == ext;
  };
  if (ends(".html")) return "text/html; charset=utf-8";
  if (ends(".js") || ends(".mjs")) return "text/javascript; charset=utf-8";
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".svg")) return "image/svg+xml";
  if (ends(".png")) return "image/png";
  if (ends(".jpg") || ends(".jpeg")) return "image/jpeg";
  if (ends(".ico")) return "image/x-icon";
  if (ends(".json")) return "application/json";
  if (ends(".woff2")) return "font/woff2";
  if (ends(".map")) return "application/json";
  return "application/octet-stream";
}

}  // namespace cinelake::serve
