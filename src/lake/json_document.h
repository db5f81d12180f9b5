// The lake's own JSON documents (gold commits, run manifests) read back:
// whatever is wrong with one is a Corruption status naming where it came
// from, never an exception.
//
// Pure functions; thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "common/date.h"
#include "common/status.h"

namespace cinelake {

// Parses `text` as one JSON object and returns read(object), a Result<T>.
// Not an object: Corruption "<where>: not a JSON object"; a json exception
// thrown by `read` (a missing key, a wrong type): Corruption "<where>:
// malformed <what>: <exception>"; errors `read` returns pass through.
template <typename T, typename Read>
Result<T> ReadJsonDocument(const std::string& text, const std::string& where, const char* what, Read&& read) {
  nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) return Status::Corruption(where + ": not a JSON object");
  try {
    return read(j);
  } catch (const nlohmann::json::exception& e) {
    return Status::Corruption(where + ": malformed " + what + ": " + e.what());
  }
}

// j[key], a "YYYY-MM-DD" string, as a Date: Corruption "<where>: <why>" when
// it is no date; throws a json exception when absent or not a string.
inline Result<Date> JsonDate(const nlohmann::json& j, const char* key, const std::string& where) {
  auto date = Date::Parse(j.at(key).get<std::string>());
  if (!date.ok()) return Status::Corruption(where + ": " + date.status().message());
  return *date;
}

}  // namespace cinelake
