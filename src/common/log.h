// Logging, secret redaction and escaping of outside text.
//
// All logs go to stderr through spdlog. API keys are registered with
// RegisterSecret() as soon as they are read; from then on every log line,
// and every string passed through Redact(), shows "***" in their place. Code
// that puts a URL, header or body into an error message calls Redact() on it.
// The sink escapes control bytes in every log message, so a value
// from outside (an id with a newline) cannot forge a log line; code that puts
// outside text into a manifest or an error calls EscapeForLog() itself.
//
// Thread-safety: every function may be called from any thread (the secret list and the sink take locks).
#pragma once

#include <spdlog/spdlog.h>

#include <string>
#include <string_view>

#include "common/status.h"

namespace cinelake {

enum class LogLevel { kDebug, kInfo, kWarn, kError, kOff };

// Sets up the stderr logger; safe to call more than once.
void InitLogging(LogLevel level);
// Parses "debug|info|warn|error|off"; anything else is InvalidArgument.
Result<LogLevel> ParseLogLevel(std::string_view text);

// Registers a secret (ignored if shorter than 4 characters, which would
// redact ordinary text). Thread-safe.
void RegisterSecret(std::string_view secret);
// Returns text with every registered secret replaced by "***".
std::string Redact(std::string_view text);

// Text safe for one log line: control bytes as \n, \r, \t or \xNN and a
// backslash as \\; longer than max_bytes is cut and ends with "...".
// Thread-safe.
std::string EscapeForLog(std::string_view text, size_t max_bytes = 4096);
// Redact() then EscapeForLog(): for a value from outside going into a
// message (an id, a server's answer).
std::string Sanitize(std::string_view text, size_t max_bytes = 200);

}  // namespace cinelake
