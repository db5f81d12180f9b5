// Status and Result<T>: how every fallible cinelake call reports failure.
//
// A Status is OK or carries a code and a message. Messages name what failed
// and where (a file, a URL path, a column), and never contain secrets: code
// that builds a message from a URL or header passes it through Redact() first.
// Result<T> holds either a value or a non-OK Status.
//
// Both are [[nodiscard]], so an ignored error fails the build.
//
// Thread-safety: value types, not synchronised; a const Status may be read from any thread.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace cinelake {

class [[nodiscard]] Status {
 public:
  enum class Code {
    kOk = 0,
    kNotFound,
    kInvalidArgument,  // bad input from a user: CLI flag, config, date
    kCorruption,       // bad bytes: a Parquet file, a JSON body
    kNotSupported,     // valid input using a feature cinelake does not implement
    kIOError,          // the file system said no
    kNetwork,          // transport failed after retries, or a server error
    kRateLimited,      // the API kept answering 429
    kUnauthorized,     // 401/403: a key is missing or wrong
    kBusy,             // another process holds the lake lock
    kAborted,          // stopped on purpose (signal, cancelled run)
    kInternal,
    kQualityFailed,  // a data-quality check of severity "fail" breached
  };

  Status() = default;
  static Status OK() { return Status(); }
  // Status::NotFound("...") and the like: one factory per error code, each a
  // Factory naming its code.
  struct Factory {
    Code code;
    Status operator()(std::string msg) const { return Status(code, std::move(msg)); }
  };
  static constexpr Factory NotFound{Code::kNotFound}, InvalidArgument{Code::kInvalidArgument},
      Corruption{Code::kCorruption}, NotSupported{Code::kNotSupported}, IOError{Code::kIOError},
      Network{Code::kNetwork}, RateLimited{Code::kRateLimited}, Unauthorized{Code::kUnauthorized},
      Busy{Code::kBusy}, Aborted{Code::kAborted}, Internal{Code::kInternal},
      QualityFailed{Code::kQualityFailed};

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  bool IsNotFound() const { return code_ == Code::kNotFound; }

  // "Corruption: lake/raw/x.parquet: bad magic"
  std::string ToString() const;
  static const char* CodeName(Code code);

  // Prefixes the message with context, keeping the code: "reading X: <msg>".
  Status WithContext(std::string_view context) const;

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}                                  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) { assert(!status_.ok()); }  // NOLINT

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  T& value() & {
    assert(ok());
    return *value_;
  }
  const T& value() const& {
    assert(ok());
    return *value_;
  }
  T&& value() && {
    assert(ok());
    return std::move(*value_);
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace cinelake

#define CINELAKE_CONCAT_INNER(a, b) a##b
#define CINELAKE_CONCAT(a, b) CINELAKE_CONCAT_INNER(a, b)

// Returns the Status from the enclosing function if it is not OK.
#define RETURN_IF_ERROR(expr)        \
  do {                               \
    ::cinelake::Status _st = (expr); \
    if (!_st.ok()) return _st;       \
  } while (0)

// ASSIGN_OR_RETURN(auto x, MakeX()): binds the value or returns the Status.
#define ASSIGN_OR_RETURN(lhs, expr) ASSIGN_OR_RETURN_IMPL(CINELAKE_CONCAT(_result_, __LINE__), lhs, expr)
#define ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                          \
  if (!tmp.ok()) return tmp.status();         \
  lhs = std::move(tmp).value()
