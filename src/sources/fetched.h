// Fetched<T>: the outcome of one API call, a Result<T> plus how it went.
//
// The pipeline records http_status and attempts in content_error, so every
// client call reports them next to the value or error. Fetched<T> exposes
// ok()/status()/value() like Result<T> (so ASSIGN_OR_RETURN works on it) and
// converts to Result<T> when the details are not needed.
//
// Error codes a client call can return (Status::Code):
//   kNotFound        HTTP 404 (never retried; exactly one request)
//   kUnauthorized    HTTP 401/403 or a missing key (never retried)
//   kRateLimited     still 429 after the last attempt
//   kNetwork         5xx, reset, timeout, oversize body... after the last attempt
//   kCorruption      the body stayed unparseable JSON after the last attempt
//   kInvalidArgument a malformed id (nothing was sent)
//   kAborted         the cancel flag was set before the request was sent
// Messages name the API and the request path and never contain a key.
//
// Thread-safety: a value type, not synchronised.
#pragma once

#include <functional>
#include <utility>
#include <vector>

#include "common/status.h"
#include "sources/api_issues.h"

namespace cinelake {

struct FetchInfo {
  FetchInfo() = default;
  FetchInfo(int attempts_sent, int last_http_status, std::vector<ApiIssue> call_issues = {})
      : attempts(attempts_sent), http_status(last_http_status), issues(std::move(call_issues)) {}

  int attempts = 0;     // HTTP requests sent for this call, retries included
  int http_status = 0;  // last HTTP status received; 0 when none (transport error, nothing sent)
  // Why the call failed or what its decode warned about (a few at most).
  std::vector<ApiIssue> issues;
};

template <typename T>
class [[nodiscard]] Fetched {
 public:
  Fetched(Result<T> result, FetchInfo info = {})  // NOLINT: implicit by design
      : result_(std::move(result)), info_(info) {}
  Fetched(T value, FetchInfo info = {}) : result_(std::move(value)), info_(info) {}         // NOLINT
  Fetched(Status status, FetchInfo info = {}) : result_(std::move(status)), info_(info) {}  // NOLINT

  bool ok() const { return result_.ok(); }
  const Status& status() const { return result_.status(); }
  T& value() & { return result_.value(); }
  const T& value() const& { return result_.value(); }
  T&& value() && { return std::move(result_).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const FetchInfo& info() const { return info_; }
  int attempts() const { return info_.attempts; }
  int http_status() const { return info_.http_status; }

  Result<T>& result() & { return result_; }
  const Result<T>& result() const& { return result_; }
  operator Result<T>() && { return std::move(result_); }  // NOLINT: implicit by design
  operator Result<T>() const& { return result_; }         // NOLINT

 private:
  Result<T> result_;
  FetchInfo info_;
};

// Called from worker threads after each item of a batch finishes (in any
// order): done items so far, total items. Must be thread-safe and quick.
using ProgressFn = std::function<void(size_t done, size_t total)>;

}  // namespace cinelake
