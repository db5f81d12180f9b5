// Helpers the sandbox's wire-JSON renderers (imdb_json.cc, tmdb_json.cc)
// share. Keys keep insertion order (ordered_json), so bodies are byte-stable.
// Pure functions, thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "common/date.h"
#include "common/status.h"

namespace cinelake::sandbox {

using WireJson = nlohmann::ordered_json;

// An empty string is how the world spells "none": JSON null.
inline WireJson Nullable(const std::string& s) {
  return s.empty() ? WireJson(nullptr) : WireJson(s);
}

// The NotFound of an id the world does not know on that date.
inline Status UnknownOn(std::string_view what, std::string_view id, Date date) {
  return Status::NotFound(std::string(what) + " " + std::string(id) + " is unknown on " + date.ToString());
}

}  // namespace cinelake::sandbox
