#include "common/log.h"

#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/base_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>

#include <algorithm>
#include <mutex>
#include <vector>

namespace cinelake {
namespace {

std::mutex& SecretsMutex() {
  static std::mutex m;
  return m;
}
std::vector<std::string>& Secrets() {
  static std::vector<std::string> s;
  return s;
}

std::string EscapeBytes(std::string_view text, size_t max_bytes, bool backslash);

// Wraps the stderr sink so redaction cannot be bypassed by a format string.
class RedactingSink : public spdlog::sinks::base_sink<std::mutex> {
 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    // The payload is escaped before the pattern adds its own line end. Only
    // control bytes: values already escaped by EscapeForLog stay as they are.
    std::string payload =
        EscapeBytes(std::string_view(msg.payload.data(), msg.payload.size()), 64 * 1024, false);
    spdlog::details::log_msg escaped = msg;
    escaped.payload = spdlog::string_view_t(payload.data(), payload.size());
    spdlog::memory_buf_t formatted;
    formatter_->format(escaped, formatted);
    std::string line = Redact(std::string_view(formatted.data(), formatted.size()));
    std::fwrite(line.data(), 1, line.size(), stderr);
  }
  void flush_() override { std::fflush(stderr); }
};

}  // namespace

void InitLogging(LogLevel level) {
  static std::once_flag once;
  std::call_once(once, [] {
    auto sink = std::make_shared<RedactingSink>();
    auto logger = std::make_shared<spdlog::logger>("cinelake", sink);
    logger->set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ %v");
    spdlog::set_default_logger(logger);
  });
  switch (level) {
    case LogLevel::kDebug: spdlog::set_level(spdlog::level::debug); break;
    case LogLevel::kInfo: spdlog::set_level(spdlog::level::info); break;
    case LogLevel::kWarn: spdlog::set_level(spdlog::level::warn); break;
    case LogLevel::kError: spdlog::set_level(spdlog::level::err); break;
    case LogLevel::kOff: spdlog::set_level(spdlog::level::off); break;
  }
}

Result<LogLevel> ParseLogLevel(std::string_view text) {
  if (text == "debug") return LogLevel::kDebug;
  if (text == "info") return LogLevel::kInfo;
  if (text == "warn") return LogLevel::kWarn;
  if (text == "error") return LogLevel::kError;
  if (text == "off") return LogLevel::kOff;
  return Status::InvalidArgument("log level '" + std::string(text) +
                                 "': must be debug, info, warn, error or off");
}

void RegisterSecret(std::string_view secret) {
  if (secret.size() < 4) return;
  std::lock_guard<std::mutex> lock(SecretsMutex());
  for (const auto& s : Secrets()) {
    if (s == secret) return;
  }
  Secrets().emplace_back(secret);
}

std::string Redact(std::string_view text) {
  std::string out(text);
  std::lock_guard<std::mutex> lock(SecretsMutex());
  for (const auto& secret : Secrets()) {
    size_t pos = 0;
    while ((pos = out.find(secret, pos)) != std::string::npos) {
      out.replace(pos, secret.size(), "***");
      pos += 3;
    }
  }
  return out;
}

namespace {

// Control bytes as \n, \r, \t, \xNN; a backslash too when `backslash`.
std::string EscapeBytes(std::string_view text, size_t max_bytes, bool backslash) {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(std::min(text.size(), max_bytes) + 8);
  for (char ch : text) {
    if (out.size() >= max_bytes) {
      out += "...";
      break;
    }
    unsigned char c = static_cast<unsigned char>(ch);
    switch (c) {
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c == '\\' && backslash) {
          out += "\\\\";
        } else if (c < 0x20 || c == 0x7f) {
          out += "\\x";
          out += kHex[c >> 4];
          out += kHex[c & 0xf];
        } else {
          out += ch;
        }
    }
  }
  return out;
}

}  // namespace

std::string EscapeForLog(std::string_view text, size_t max_bytes) {
  return EscapeBytes(text, max_bytes, true);
}

std::string Sanitize(std::string_view text, size_t max_bytes) {
  return EscapeForLog(Redact(text), max_bytes);
}

}  // namespace cinelake
