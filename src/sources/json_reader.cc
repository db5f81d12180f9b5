#include "sources/json_reader.h"

#include <cmath>

#include "common/log.h"

namespace cinelake {

using simdjson::dom::element;
using simdjson::dom::element_type;

const char* JsonTypeName(element_type type) {
  switch (type) {
    case element_type::ARRAY: return "array";
    case element_type::OBJECT: return "object";
    case element_type::INT64:
    case element_type::UINT64:
    case element_type::DOUBLE: return "number";
    case element_type::STRING: return "string";
    case element_type::BOOL: return "bool";
    case element_type::NULL_VALUE: return "null";
  }
  return "unknown";
}

Result<element> ParseJson(std::string_view body, const std::string& where) {
  thread_local simdjson::dom::parser parser;
  element root;
  auto error = parser.parse(body.data(), body.size(), true).get(root);
  if (error) {
    return Status::Corruption(where + ": malformed JSON (" + std::string(simdjson::error_message(error)) +
                              ", " + std::to_string(body.size()) + " bytes)");
  }
  return root;
}

Result<simdjson::dom::object> ParseJsonObject(std::string_view body, const std::string& where) {
  ASSIGN_OR_RETURN(element root, ParseJson(body, where));
  simdjson::dom::object object;
  if (root.get_object().get(object) != simdjson::SUCCESS) {
    return Status::Corruption(where + ": expected a JSON object, got " + JsonTypeName(root.type()));
  }
  return object;
}

void JsonReader::Warn(const std::string& message) {
  if (warnings_ != nullptr) warnings_->push_back(where_ + ": " + message);
}

void JsonReader::Mistyped(const char* name, element value, const char* expected) {
  Warn(std::string("field '") + name + "' is " + JsonTypeName(value.type()) + ", expected " + expected);
}

std::optional<element> JsonReader::Raw(const char* name) {
  element value;
  if (object_.at_key(name).get(value) != simdjson::SUCCESS) return std::nullopt;
  if (value.is_null()) return std::nullopt;
  return value;
}

std::optional<std::string> JsonReader::String(const char* name) {
  auto value = Raw(name);
  if (!value) return std::nullopt;
  std::string_view s;
  if (value->get_string().get(s) != simdjson::SUCCESS) {
    Mistyped(name, *value, "string");
    return std::nullopt;
  }
  // The decode boundary: an API that echoes a request (headers, URL) must
  // not carry a key into a record, and from there into the lake.
  return Redact(s);
}

std::optional<int64_t> JsonReader::Int(const char* name) {
  auto value = Raw(name);
  if (!value) return std::nullopt;
  switch (value->type()) {
    case element_type::INT64: return value->get_int64().value_unsafe();
    case element_type::UINT64: {
      uint64_t u = value->get_uint64().value_unsafe();
      if (u <= uint64_t(INT64_MAX)) return static_cast<int64_t>(u);
      Warn(std::string("field '") + name + "' is out of range");
      return std::nullopt;
    }
    case element_type::DOUBLE: {
      double d = value->get_double().value_unsafe();
      if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9.0e18) return static_cast<int64_t>(d);
      Mistyped(name, *value, "integer");
      return std::nullopt;
    }
    default: Mistyped(name, *value, "integer"); return std::nullopt;
  }
}

std::optional<int32_t> JsonReader::Int32(const char* name) {
  std::optional<int64_t> v = Int(name);
  if (!v) return std::nullopt;
  if (*v < INT32_MIN || *v > INT32_MAX) {
    Warn(std::string("field '") + name + "' is out of range");
    return std::nullopt;
  }
  return static_cast<int32_t>(*v);
}

std::optional<double> JsonReader::Double(const char* name) {
  auto value = Raw(name);
  if (!value) return std::nullopt;
  double d;
  if (value->get_double().get(d) == simdjson::SUCCESS) return d;
  int64_t i;
  if (value->get_int64().get(i) == simdjson::SUCCESS) return static_cast<double>(i);
  uint64_t u;
  if (value->get_uint64().get(u) == simdjson::SUCCESS) return static_cast<double>(u);
  Mistyped(name, *value, "number");
  return std::nullopt;
}

std::optional<bool> JsonReader::Bool(const char* name) {
  auto value = Raw(name);
  if (!value) return std::nullopt;
  bool b;
  if (value->get_bool().get(b) != simdjson::SUCCESS) {
    Mistyped(name, *value, "bool");
    return std::nullopt;
  }
  return b;
}

std::vector<std::string> JsonReader::StringArray(const char* name) {
  std::vector<std::string> out;
  auto value = Raw(name);
  if (!value) return out;
  simdjson::dom::array array;
  if (value->get_array().get(array) != simdjson::SUCCESS) {
    Mistyped(name, *value, "array");
    return out;
  }
  for (element item : array) {
    std::string_view s;
    if (item.get_string().get(s) == simdjson::SUCCESS) {
      out.push_back(Redact(s));
    } else if (!item.is_null()) {
      Warn(std::string("field '") + name + "' has a " + JsonTypeName(item.type()) +
           " element, expected string");
    }
  }
  return out;
}

void JsonReader::ObjectArray(const char* name, const std::function<void(JsonReader&)>& each) {
  auto value = Raw(name);
  if (!value) return;
  simdjson::dom::array array;
  if (value->get_array().get(array) != simdjson::SUCCESS) {
    Mistyped(name, *value, "array");
    return;
  }
  size_t index = 0;
  for (element item : array) {
    simdjson::dom::object object;
    if (item.get_object().get(object) == simdjson::SUCCESS) {
      JsonReader child(object, where_ + "." + name + "[" + std::to_string(index) + "]", warnings_);
      each(child);
    } else if (!item.is_null()) {
      Warn(std::string("field '") + name + "' has a " + JsonTypeName(item.type()) +
           " element, expected object");
    }
    ++index;
  }
}

}  // namespace cinelake
