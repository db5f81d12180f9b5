// ApiCaller: what the IMDB and TMDB clients share — building the request
// (base URL, auth), rate limiting every attempt, retrying with backoff and
// Retry-After, classifying the final outcome, counting, and batch fan-out.
// Internal to src/sources; clients wrap it.
//
// Thread-safety: Call and ForEach may be used from several threads at once; stats, issues, warnings and the
// rng are guarded by one lock, the rate limiter by its own.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <numeric>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "sources/api_config.h"
#include "sources/api_deadline.h"
#include "sources/api_issues.h"
#include "sources/api_stats.h"
#include "sources/fetched.h"
#include "sources/rate_limiter.h"
#include "sources/retry_policy.h"
#include "sources/transport.h"

namespace cinelake {

struct ApiCallerOptions {
  std::string api;       // "imdb" / "tmdb": message prefix and transport pool
  std::string base_url;  // no trailing slash
  ApiLimits limits;
  RetryPolicy retry;
  // Adds auth to a request (headers or an api_key query parameter).
  std::function<void(HttpRequest*)> authorize;
  // When non-empty, every call fails with kUnauthorized and this message
  // (e.g. the key is not configured) without sending anything.
  std::string missing_key_message;
};

// The options every API shares (name, base URL without trailing slashes,
// limits, retry policy from the config); callers add auth.
ApiCallerOptions BaseCallerOptions(std::string api, std::string base_url, const ApiLimits& limits,
                                   const ApiConfig& config);
// ApiCallerOptions::missing_key_message for a client whose credential is
// `key`: none in a replayed run (it needs no key), `unset` when the key is
// empty, else `refusal` (ApiConfig's *Refusal(): empty for a usable key).
std::string MissingKeyMessage(const ApiConfig& config, const std::string& key, std::string unset,
                              std::string refusal);

class ApiCaller {
 public:
  // Decodes a 2xx body: OK, or kCorruption for a body worth retrying (malformed
  // JSON); warnings go to the vector. Other codes end the call without retry.
  using DecodeFn = std::function<Status(std::string_view body, std::vector<std::string>* warnings)>;

  ApiCaller(ApiCallerOptions options, std::shared_ptr<Transport> transport);

  // GET base_url + path (path starts with '/', may carry a query). On 404 the
  // status is kNotFound and decode is not called.
  FetchInfo Get(const std::string& path, const DecodeFn& decode, Status* status);

  template <typename T>
  using Decoder = std::function<Result<T>(std::string_view body, std::vector<std::string>* warnings)>;

  template <typename T>
  Fetched<T> GetAs(const std::string& path, const Decoder<T>& decoder) {
    std::optional<T> value;
    Status status;
    FetchInfo info = Get(
        path,
        [&](std::string_view body, std::vector<std::string>* warnings) -> Status {
          Result<T> r = decoder(body, warnings);
          if (!r.ok()) return r.status();
          value = std::move(r).value();
          return Status::OK();
        },
        &status);
    if (!status.ok()) return Fetched<T>(status, info);
    return Fetched<T>(std::move(*value), info);
  }

  // Runs fn(items[i]) for every item on up to limits.concurrency threads;
  // results in input order. Items not started when cancelled end kAborted.
  template <typename In, typename T>
  std::vector<Fetched<T>> Batch(const std::vector<In>& items, const std::function<Fetched<T>(const In&)>& fn,
                                const ProgressFn& progress) {
    std::vector<std::optional<Fetched<T>>> slots(items.size());
    const ApiDeadline deadline = CurrentApiDeadline();  // the workers work for the caller's step
    std::atomic<size_t> next{0};
    std::atomic<size_t> done{0};
    auto worker = [&] {
      ApiDeadlineScope scope(deadline);
      for (;;) {
        size_t i = next.fetch_add(1);
        if (i >= items.size()) return;
        if (Cancelled()) {
          slots[i].emplace(Status::Aborted(options_.api + ": cancelled before the request was sent"));
        } else {
          slots[i].emplace(fn(items[i]));
        }
        size_t n = done.fetch_add(1) + 1;
        if (progress) progress(n, items.size());
      }
    };
    size_t workers =
        std::min<size_t>(items.size(), static_cast<size_t>(std::max(1, options_.limits.concurrency)));
    std::vector<std::thread> threads;
    threads.reserve(workers);
    for (size_t i = 1; i < workers; ++i) threads.emplace_back(worker);
    if (workers > 0) worker();
    for (auto& t : threads) t.join();
    std::vector<Fetched<T>> out;
    out.reserve(items.size());
    for (auto& slot : slots) out.push_back(std::move(*slot));
    return out;
  }

  // Batch over the positions 0..count-1 of parallel inputs (ids and their types).
  template <typename T>
  std::vector<Fetched<T>> BatchOfPositions(size_t count, const std::function<Fetched<T>(size_t)>& fn,
                                           const ProgressFn& progress) {
    std::vector<size_t> positions(count);
    std::iota(positions.begin(), positions.end(), size_t{0});
    return Batch<size_t, T>(
        positions, [&](const size_t& i) { return fn(i); }, progress);
  }

  // OK for an IMDB title id; otherwise the InvalidArgument the call ends
  // with ("<api>: not an IMDB title id: '...'"), counted, nothing sent.
  Status CheckImdbTitleId(const std::string& imdb_id);

  void SetCancelFlag(const std::atomic<bool>* cancel) { cancel_.store(cancel); }
  bool Cancelled() const {
    const std::atomic<bool>* c = cancel_.load();
    return c != nullptr && c->load();
  }

  void CountCall(const Status& status);
  void AddWarnings(const std::vector<std::string>& warnings);
  void AddIssues(const std::vector<ApiIssue>& issues);
  ApiStats stats() const;
  // Every call's issues so far, grouped, most frequent first.
  std::vector<ApiIssue> issues() const;
  std::vector<std::string> warnings() const;
  const std::string& api() const { return options_.api; }
  RateLimiter& limiter() { return limiter_; }

 private:
  bool SleepUnlessCancelled(std::chrono::milliseconds delay);
  void NoteQuota(const HttpResponse& response);  // x-ratelimit-requests-*

  const ApiCallerOptions options_;
  std::shared_ptr<Transport> transport_;
  RateLimiter limiter_;
  std::atomic<const std::atomic<bool>*> cancel_{nullptr};

  mutable std::mutex mu_;  // guards stats_, issues_, warnings_, rng_
  ApiStats stats_;
  ApiIssueTally issues_;
  std::vector<std::string> warnings_;
  std::mt19937_64 rng_;
};

// A lookup's 404 as an answer: the id is unknown there (nullopt), not a failure.
template <typename T>
Fetched<std::optional<T>> NotFoundAsNone(Fetched<std::optional<T>> fetched) {
  if (!fetched.ok() && fetched.status().IsNotFound()) {
    return Fetched<std::optional<T>>(std::optional<T>(), fetched.info());
  }
  return fetched;
}

}  // namespace cinelake
