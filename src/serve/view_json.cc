#include "serve/view_json.h"

namespace cinelake::serve {

std::string BodyText(const json& j) {
  std::string raw = j.dump(-1, ' ', false, json::error_handler_t::replace);
  std::string out;
  out.reserve(raw.size() + 16);
  for (char c : raw) {
    // These bytes occur only inside strings in JSON text, so escaping them is safe.
    switch (c) {
      case '<': out += "\\u003c"; break;
      case '>': out += "\\u003e"; break;
      case '&': out += "\\u0026"; break;
      default: out += c;
    }
  }
  return out;
}

std::string ErrorBodyText(const std::string& message) {
  return BodyText(json{{"error", message}});
}

}  // namespace cinelake::serve
