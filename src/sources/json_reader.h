// JsonReader: lenient typed access to simdjson DOM objects for the API decoders.
//
// A missing or null field is nullopt silently; a field of the wrong JSON type
// is nullopt plus a warning "<where>: field '<name>' is <type>, expected <type>".
// Integers accept integral doubles (2010.0); doubles accept integers. Unknown
// fields are never looked at. Every string read has the registered secrets
// redacted (Redact()): nothing a server echoes can carry a key into a record.
// Internal to src/sources.
//
// Ownership: a JsonReader borrows the DOM element and the warnings vector. Thread-safety: one thread per
// reader.
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "common/status.h"

namespace cinelake {

// One field of a record for JsonReader::Fields: the JSON key and the member it
// decodes into (an optional string, int64, int32, double or bool, or a vector
// of strings).
template <typename T, typename M>
struct Bind {
  const char* key;
  M T::*member;
};

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

  // Reads each Bind{key, member} into `out` by the member's type, as the
  // typed reads above would one call per field.
  template <typename T, typename... M>
  void Fields(T* out, Bind<T, M>... fields) {
    (Read(fields.key, &(out->*fields.member)), ...);
  }

  void Warn(const std::string& message);
  const std::string& where() const { return where_; }

 private:
  void Read(const char* name, std::optional<std::string>* out) { *out = String(name); }
  void Read(const char* name, std::optional<int64_t>* out) { *out = Int(name); }
  void Read(const char* name, std::optional<int32_t>* out) { *out = Int32(name); }
  void Read(const char* name, std::optional<double>* out) { *out = Double(name); }
  void Read(const char* name, std::optional<bool>* out) { *out = Bool(name); }
  void Read(const char* name, std::vector<std::string>* out) { *out = StringArray(name); }
  void Mistyped(const char* name, simdjson::dom::element value, const char* expected);

  simdjson::dom::object object_;
  std::string where_;
  std::vector<std::string>* warnings_;
};

// Parses a JSON body (a copy with simdjson padding) with a per-thread parser.
// The returned element lives until the next ParseJson call on this thread.
// Errors are kCorruption naming `where`.
Result<simdjson::dom::element> ParseJson(std::string_view body, const std::string& where);
// ParseJson for a body that must be an object; another JSON type is kCorruption.
Result<simdjson::dom::object> ParseJsonObject(std::string_view body, const std::string& where);

const char* JsonTypeName(simdjson::dom::element_type type);

// The decoders' opening: parses `body` as a JSON object (another JSON type is
// kCorruption) and returns read(a JsonReader over it).
template <typename Read>
auto ReadJsonObject(std::string_view body, const std::string& where, std::vector<std::string>* warnings,
                    Read read) -> Result<std::invoke_result_t<Read, JsonReader&>> {
  ASSIGN_OR_RETURN(simdjson::dom::object object, ParseJsonObject(body, where));
  JsonReader r(object, where, warnings);
  return read(r);
}

}  // namespace cinelake
