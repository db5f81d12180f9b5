// Small URL helpers for messages, recordings and connection pools.
//
// Query parameters that carry keys (api_key, apikey, key, token) are the only
// place a secret can sit in a URL; these helpers remove or mask them.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>

namespace cinelake {

// The URL with every key-carrying query parameter removed, then Redact()ed:
// what recordings store and what recording file names derive from.
std::string StripKeyParams(std::string_view url);

// The URL with key-carrying parameter values shown as "***", then Redact()ed:
// what error messages show.
std::string RedactUrl(std::string_view url);

// "http://h:1/a/b?c" → "/a/b?c" ("/" when there is no path).
std::string UrlPathAndQuery(std::string_view url);

// "http://h:1/a/b?c" → "h:1".
std::string UrlHostPort(std::string_view url);

// "HTTP://H:1/a" → "http://h:1": scheme and host, lower-cased; what a key is
// bound to (ApiConfig::imdb_key_origin).
std::string UrlOrigin(std::string_view url);

// Percent-encodes everything outside [A-Za-z0-9-._~] (for path segments).
std::string UrlEncode(std::string_view text);

}  // namespace cinelake
