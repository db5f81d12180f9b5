// JsonReader: lenient typed access to simdjson DOM objects for the API decoders.
//
// A missing or null field is nullopt silently; a field of the wrong JSON type
// is nullopt plus a warning "<where>: field '<name>' is <type>, expected <type>".
// Integers accept integral doubles (2010.0); doubles accept integers. Unknown
// fields are never looked at. Every string read has the registered secrets
// redacted (Redact()): nothing a server echoes can carry a key into a record.
// Internal to src/sources.
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"

namespace cinelake {

class JsonReader {
 public:
  JsonReader(simdjson::dom::object object, std::string where, std::vector<std::string>* warnings)
      : object_(object), where_(std::move(where)), warnings_(warnings) {}

  std::optional<std::string> String(const char* name);
  std::optional<int64_t> Int(const char* name);
  std::optional<int32_t> Int32(const char* name);
  std::optional<double> Double(const char* name);
  std::optional<bool> Bool(const char* name);
  // Elements that are not strings are skipped with a warning.
  std::vector<std::string> StringArray(const char* name);
  // Calls `each` for every object element (others skipped with a warning).
  void ObjectArray(const char* name, const std::function<void(JsonReader&)>& each);
  // The raw element (missing or null → nullopt, no warning).
  std::optional<simdjson::dom::element> Raw(const char* name);

  void Warn(const std::string& message);
  const std::string& where() const { return where_; }

 private:
  void Mistyped(const char* name, simdjson::dom::element value, const char* expected);

  simdjson::dom::object object_;
  std::string where_;
  std::vector<std::string>* warnings_;
};

// Parses a JSON body (a copy with simdjson padding) with a per-thread parser.
// The returned element lives until the next ParseJson call on this thread.
// Errors are kCorruption naming `where`.
Result<simdjson::dom::element> ParseJson(std::string_view body, const std::string& where);

const char* JsonTypeName(simdjson::dom::element_type type);

}  // namespace cinelake
