// Logging and secret redaction.
//
// All logs go to stderr through spdlog. API keys are registered with
// RegisterSecret() as soon as they are read; from then on every log line,
// and every string passed through Redact(), shows "***" in their place. Code
// that puts a URL, header or body into an error message calls Redact() on it.
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

}  // namespace cinelake
