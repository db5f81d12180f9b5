#include "lake/s3/xml_text.h"

#include <cstdlib>

namespace cinelake::s3 {
namespace {

// A code point as UTF-8: a lead byte carrying the top bits, then 6 bits a byte.
void AppendUtf8(unsigned long cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
    return;
  }
  int trailing = cp < 0x800 ? 1 : cp < 0x10000 ? 2 : 3;
  static constexpr unsigned char kLead[] = {0, 0xC0, 0xE0, 0xF0};
  out->push_back(static_cast<char>(kLead[trailing] | (cp >> (6 * trailing))));
  for (int shift = 6 * (trailing - 1); shift >= 0; shift -= 6)
    out->push_back(static_cast<char>(0x80 | ((cp >> shift) & 0x3F)));
}

}  // namespace

std::vector<std::string_view> XmlElements(std::string_view xml, std::string_view tag) {
  std::vector<std::string_view> out;
  std::string open = "<" + std::string(tag);
  std::string close = "</" + std::string(tag) + ">";
  size_t pos = 0;
  while ((pos = xml.find(open, pos)) != std::string_view::npos) {
    size_t after = pos + open.size();
    if (after >= xml.size()) break;
    char next = xml[after];
    if (next == '/' && after + 1 < xml.size() && xml[after + 1] == '>') {  // <tag/>
      out.emplace_back();
      pos = after + 2;
      continue;
    }
    if (next != '>' && next != ' ') {  // <tagLonger>: another element
      pos = after;
      continue;
    }
    size_t start = xml.find('>', after);
    if (start == std::string_view::npos) break;
    ++start;
    size_t end = xml.find(close, start);
    if (end == std::string_view::npos) break;
    out.push_back(xml.substr(start, end - start));
    pos = end + close.size();
  }
  return out;
}

std::string XmlText(std::string_view xml, std::string_view tag) {
  auto all = XmlElements(xml, tag);
  return all.empty() ? "" : XmlDecode(all.front());
}

std::string XmlDecode(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '&') {
      out.push_back(text[i]);
      continue;
    }
    size_t semi = text.find(';', i);
    if (semi == std::string_view::npos) {
      out.append(text.substr(i));
      break;
    }
    std::string_view entity = text.substr(i + 1, semi - i - 1);
    if (entity == "amp")
      out.push_back('&');
    else if (entity == "lt")
      out.push_back('<');
    else if (entity == "gt")
      out.push_back('>');
    else if (entity == "quot")
      out.push_back('"');
    else if (entity == "apos")
      out.push_back('\'');
    else if (!entity.empty() && entity[0] == '#') {
      std::string digits(entity.substr(1));
      bool hex = !digits.empty() && (digits[0] == 'x' || digits[0] == 'X');
      AppendUtf8(std::strtoul(digits.c_str() + (hex ? 1 : 0), nullptr, hex ? 16 : 10), &out);
    } else {
      out.append(text.substr(i, semi - i + 1));
    }
    i = semi;
  }
  return out;
}

std::string XmlEscape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

}  // namespace cinelake::s3
