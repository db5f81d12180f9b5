#include "serve/fold_case.h"

#include <cstdint>

namespace cinelake::serve {

namespace {

char32_t Lower(char32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  if ((c >= 0xC0 && c <= 0xDE && c != 0xD7)) return c + 32;   // À..Þ except ×
  if (c >= 0x100 && c <= 0x137) return c | 1;                 // Ā..ķ: even capital, odd small
  if (c >= 0x139 && c <= 0x148) return (c & 1) ? c + 1 : c;   // Ĺ..ň: odd capital
  if (c >= 0x14A && c <= 0x177) return c | 1;                 // Ŋ..ŷ
  if (c == 0x178) return 0xFF;                                // Ÿ
  if (c >= 0x179 && c <= 0x17E) return (c & 1) ? c + 1 : c;   // Ź..ž
  if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 32;  // Greek Α..Ϋ
  if (c == 0x386) return 0x3AC;
  if (c >= 0x388 && c <= 0x38A) return c + 37;
  if (c == 0x38C) return 0x3CC;
  if (c == 0x38E || c == 0x38F) return c + 63;
  if (c >= 0x400 && c <= 0x40F) return c + 80;  // Cyrillic Ѐ..Џ
  if (c >= 0x410 && c <= 0x42F) return c + 32;  // А..Я
  return c;
}

void Append(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

}  // namespace

std::string FoldCase(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    auto b0 = static_cast<uint8_t>(text[i]);
    // Every folded code point is below U+0800, so only 1- and 2-byte
    // sequences can change; longer ones (and stray bytes) copy through.
    if (b0 < 0x80) {
      out += static_cast<char>(Lower(b0));
      ++i;
    } else if (b0 >= 0xC2 && b0 < 0xE0 && i + 1 < text.size() &&
               (static_cast<uint8_t>(text[i + 1]) & 0xC0) == 0x80) {
      char32_t c = (static_cast<char32_t>(b0 & 0x1F) << 6) | (static_cast<uint8_t>(text[i + 1]) & 0x3F);
      Append(out, Lower(c));
      i += 2;
    } else {
      out += text[i];
      ++i;
    }
  }
  return out;
}

}  // namespace cinelake::serve
