#include "sources/tmdb_export_lines.h"

#include <charconv>
#include <cmath>

namespace cinelake {

void ExportBatch::Reserve(size_t rows, size_t title_bytes_hint) {
  id.reserve(rows);
  popularity.reserve(rows);
  adult.reserve(rows);
  video.reserve(rows);
  title_valid.reserve(rows);
  title_end.reserve(rows);
  title_bytes.reserve(title_bytes_hint);
}

namespace {

// A cursor over one line; every Read* leaves it after what it read.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : p_(text.data()), end_(text.data() + text.size()) {}

  void SkipSpace() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\r' || *p_ == '\n')) ++p_;
  }
  bool AtEnd() const { return p_ == end_; }
  char Peek() const { return p_ < end_ ? *p_ : '\0'; }
  bool Eat(char c) {
    SkipSpace();
    if (p_ < end_ && *p_ == c) {
      ++p_;
      return true;
    }
    return false;
  }
  bool EatWord(std::string_view word) {
    if (static_cast<size_t>(end_ - p_) < word.size() || std::string_view(p_, word.size()) != word)
      return false;
    p_ += word.size();
    return true;
  }

  // A string at the cursor ('"' next), unescaped into *out (when not null).
  bool ReadString(std::string* out) {
    if (p_ >= end_ || *p_ != '"') return false;
    ++p_;
    if (out != nullptr) out->clear();
    while (true) {
      const char* run = p_;
      while (p_ < end_ && *p_ != '"' && *p_ != '\\' && static_cast<unsigned char>(*p_) >= 0x20 &&
             static_cast<unsigned char>(*p_) < 0x80) {
        ++p_;
      }
      if (out != nullptr) out->append(run, static_cast<size_t>(p_ - run));
      if (p_ >= end_) return false;
      unsigned char c = static_cast<unsigned char>(*p_);
      if (c == '"') {
        ++p_;
        return true;
      }
      if (c < 0x20) return false;
      if (c == '\\') {
        if (!ReadEscape(out)) return false;
        continue;
      }
      // A multi-byte UTF-8 sequence: shortest form, no surrogates, <= U+10FFFF.
      int extra = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc2 ? 1 : -1;
      if (extra < 0 || c > 0xf4 || end_ - p_ <= extra) return false;
      unsigned char c1 = static_cast<unsigned char>(p_[1]);
      if ((c == 0xe0 && c1 < 0xa0) || (c == 0xed && c1 > 0x9f) || (c == 0xf0 && c1 < 0x90) ||
          (c == 0xf4 && c1 > 0x8f)) {
        return false;
      }
      for (int k = 1; k <= extra; ++k) {
        if ((static_cast<unsigned char>(p_[k]) & 0xc0) != 0x80) return false;
      }
      if (out != nullptr) out->append(p_, static_cast<size_t>(extra + 1));
      p_ += extra + 1;
    }
  }

  // A JSON number's text at the cursor (strict grammar), or empty.
  std::string_view ReadNumber() {
    const char* start = p_;
    if (p_ < end_ && *p_ == '-') ++p_;
    if (p_ < end_ && *p_ == '0') {
      ++p_;
    } else if (!Digits()) {
      p_ = start;
      return {};
    }
    if (p_ < end_ && *p_ == '.') {
      ++p_;
      if (!Digits()) return Fail(start);
    }
    if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
      ++p_;
      if (p_ < end_ && (*p_ == '+' || *p_ == '-')) ++p_;
      if (!Digits()) return Fail(start);
    }
    return std::string_view(start, static_cast<size_t>(p_ - start));
  }

  // Any value, checked and discarded.
  bool SkipValue(int depth = 0) {
    SkipSpace();
    char c = Peek();
    if (c == '"') return ReadString(nullptr);
    if (c == 't') return EatWord("true");
    if (c == 'f') return EatWord("false");
    if (c == 'n') return EatWord("null");
    if (c == '{' || c == '[') {
      if (depth > 32) return false;
      char close = c == '{' ? '}' : ']';
      ++p_;
      if (Eat(close)) return true;
      do {
        if (c == '{') {
          SkipSpace();
          if (!ReadString(nullptr) || !Eat(':')) return false;
        }
        if (!SkipValue(depth + 1)) return false;
      } while (Eat(','));
      return Eat(close);
    }
    return !ReadNumber().empty();
  }

 private:
  bool Digits() {
    const char* start = p_;
    while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    return p_ > start;
  }
  std::string_view Fail(const char* start) {
    p_ = start;
    return {};
  }
  static int Hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }
  bool ReadHex4(uint32_t* v) {
    if (end_ - p_ < 4) return false;
    *v = 0;
    for (int k = 0; k < 4; ++k) {
      int h = Hex(p_[k]);
      if (h < 0) return false;
      *v = *v * 16 + static_cast<uint32_t>(h);
    }
    p_ += 4;
    return true;
  }
  bool ReadEscape(std::string* out) {
    ++p_;  // the backslash
    if (p_ >= end_) return false;
    char e = *p_++;
    char plain;
    switch (e) {
      case '"': plain = '"'; break;
      case '\\': plain = '\\'; break;
      case '/': plain = '/'; break;
      case 'b': plain = '\b'; break;
      case 'f': plain = '\f'; break;
      case 'n': plain = '\n'; break;
      case 'r': plain = '\r'; break;
      case 't': plain = '\t'; break;
      case 'u': return ReadUnicodeEscape(out);
      default: return false;
    }
    if (out != nullptr) out->push_back(plain);
    return true;
  }
  bool ReadUnicodeEscape(std::string* out) {
    uint32_t cp;
    if (!ReadHex4(&cp)) return false;
    if (cp >= 0xdc00 && cp <= 0xdfff) return false;  // a lone low surrogate
    if (cp >= 0xd800 && cp <= 0xdbff) {
      uint32_t low;
      if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return false;
      p_ += 2;
      if (!ReadHex4(&low) || low < 0xdc00 || low > 0xdfff) return false;
      cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
    }
    if (out == nullptr) return true;
    if (cp < 0x80) {
      out->push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out->push_back(static_cast<char>(0xc0 | (cp >> 6)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3f)));
    } else if (cp < 0x10000) {
      out->push_back(static_cast<char>(0xe0 | (cp >> 12)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3f)));
    } else {
      out->push_back(static_cast<char>(0xf0 | (cp >> 18)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3f)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3f)));
    }
    return true;
  }

  const char* p_;
  const char* end_;
};

bool IsBlank(std::string_view line) {
  for (char c : line) {
    if (c != ' ' && c != '\t' && c != '\r') return false;
  }
  return true;
}

// A tristate boolean value; false when it is neither a boolean nor null.
bool ReadFlag(Scanner& s, int8_t* out) {
  if (s.EatWord("true")) {
    *out = 1;
  } else if (s.EatWord("false")) {
    *out = 0;
  } else if (s.EatWord("null")) {
    *out = -1;
  } else {
    return false;
  }
  return true;
}

}  // namespace

const char* ExportLineParser::ParseLine(std::string_view line, ExportBatch* out) {
  Scanner s(line);
  if (!s.Eat('{')) return "not a JSON object";
  int64_t id = 0;
  double popularity = 0;
  bool has_id = false, has_popularity = false, has_title = false;
  int8_t adult = -1, video = -1;
  std::string key;
  if (!s.Eat('}')) {
    do {
      s.SkipSpace();
      if (!s.ReadString(&key)) return "bad key";
      if (!s.Eat(':')) return "no ':' after a key";
      s.SkipSpace();
      if (key == "id") {
        std::string_view n = s.ReadNumber();
        auto [end, ec] = std::from_chars(n.data(), n.data() + n.size(), id);
        if (n.empty() || ec != std::errc() || end != n.data() + n.size()) return "id is not an integer";
        has_id = true;
      } else if (key == "popularity") {
        std::string_view n = s.ReadNumber();
        if (n.empty()) return "popularity is not a number";
        auto [end, ec] = std::from_chars(n.data(), n.data() + n.size(), popularity);
        if (ec != std::errc() || end != n.data() + n.size()) return "popularity out of range";
        has_popularity = true;
      } else if (key == "original_title" || key == "original_name") {
        if (s.EatWord("null")) {
          has_title = false;
        } else if (!s.ReadString(&title_)) {
          return "title is not a valid string";
        } else {
          has_title = true;
        }
      } else if (key == "adult") {
        if (!ReadFlag(s, &adult)) return "adult is not a boolean";
      } else if (key == "video") {
        if (!ReadFlag(s, &video)) return "video is not a boolean";
      } else if (!s.SkipValue()) {
        return "bad value";
      }
    } while (s.Eat(','));
    if (!s.Eat('}')) return "the object does not end";
  }
  s.SkipSpace();
  if (!s.AtEnd()) return "bytes after the object";
  if (!has_id) return "no id";
  if (id <= 0) return "id is not positive";
  if (!has_popularity) return "no popularity";
  if (!std::isfinite(popularity) || popularity < 0 || popularity >= 1e8) return "popularity out of range";

  if (!out->id.empty() && id <= out->id.back()) out->ids_ascending = false;
  out->id.push_back(id);
  out->popularity.push_back(popularity);
  out->adult.push_back(adult);
  out->video.push_back(video);
  out->title_valid.push_back(has_title ? 1 : 0);
  if (has_title) out->title_bytes.append(title_);
  out->title_end.push_back(out->title_bytes.size());
  return nullptr;
}

void ExportLineParser::ParseBlock(std::string_view block, ExportBatch* out) {
  while (!block.empty()) {
    size_t nl = block.find('\n');
    std::string_view line = block.substr(0, nl);
    block.remove_prefix(nl == std::string_view::npos ? block.size() : nl + 1);
    if (IsBlank(line)) continue;
    ++out->lines;
    if (const char* why = ParseLine(line, out)) {
      ++out->malformed;
      if (out->malformed_examples.size() < kExamplesKept) {
        out->malformed_examples.push_back("line " + std::to_string(out->lines) + ": " + why);
      }
    }
  }
}

}  // namespace cinelake
