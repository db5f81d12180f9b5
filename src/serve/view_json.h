// JSON building blocks of the API's views: how a value, a blank string and a
// missing number are written, and the one serializer every body goes through.
//
// BodyText() escapes '<', '>' and '&' as \u003c, \u003e, \u0026 on top of
// JSON's own escaping, so a body stays inert even if something sniffs it as
// HTML, and replaces invalid UTF-8 rather than failing. Pure functions; safe
// from any thread; no errors.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "common/date.h"

namespace cinelake::serve {

using json = nlohmann::ordered_json;

std::string BodyText(const json& j);
// {"error": message}, serialized.
std::string ErrorBodyText(const std::string& message);

template <typename T>
json OrNull(const std::optional<T>& v) {
  return v ? json(*v) : json(nullptr);
}
inline json DateOrNull(const std::optional<Date>& d) {
  return d ? json(d->ToString()) : json(nullptr);
}
// Blank text is null in every answer (the UI shows "-").
inline json TextOrNull(const std::string& s) {
  return s.empty() ? json(nullptr) : json(s);
}

}  // namespace cinelake::serve
