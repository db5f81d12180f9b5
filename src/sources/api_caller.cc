#include "sources/api_caller.h"

#include <charconv>
#include <ctime>

#include "common/log.h"
#include "common/test_hooks.h"
#include "sources/records.h"
#include "sources/url_util.h"

namespace cinelake {

ApiCallerOptions BaseCallerOptions(std::string api, std::string base_url, const ApiLimits& limits,
                                   const ApiConfig& config) {
  ApiCallerOptions o;
  o.api = std::move(api);
  o.base_url = std::move(base_url);
  while (!o.base_url.empty() && o.base_url.back() == '/') o.base_url.pop_back();
  o.limits = limits;
  o.retry = RetryPolicy{config.max_attempts, config.backoff_base_ms, config.backoff_max_ms,
                        config.max_retry_after_ms};
  return o;
}

std::string MissingKeyMessage(const ApiConfig& config, const std::string& key, std::string unset,
                              std::string refusal) {
  if (!config.replay_dir.empty()) return std::string();
  return key.empty() ? std::move(unset) : std::move(refusal);
}

namespace {

constexpr size_t kMaxKeptWarnings = 1000;
constexpr size_t kMaxIssuesPerCall = 8;
using Clock = std::chrono::steady_clock;

}  // namespace

ApiCaller::ApiCaller(ApiCallerOptions options, std::shared_ptr<Transport> transport)
    : options_(std::move(options)),
      transport_(std::move(transport)),
      limiter_(options_.limits.rate_per_sec, options_.limits.burst),
      rng_(std::random_device{}()) {}

namespace {

// A non-negative integer header; -1 when absent or not one.
int64_t CountHeader(const HttpResponse& response, const std::string& name) {
  std::string text = response.Header(name);
  int64_t n = -1;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || n < 0) return -1;
  return n;
}

}  // namespace

void ApiCaller::NoteQuota(const HttpResponse& response) {
  int64_t left = CountHeader(response, "x-ratelimit-requests-remaining");
  if (left < 0) return;
  std::lock_guard<std::mutex> lock(mu_);
  if (stats_.quota_remaining >= 0 && left > stats_.quota_remaining) return;
  stats_.quota_remaining = left;
  stats_.quota_limit = CountHeader(response, "x-ratelimit-requests-limit");
  stats_.quota_reset_seconds = CountHeader(response, "x-ratelimit-requests-reset");
}

bool ApiCaller::SleepUnlessCancelled(std::chrono::milliseconds delay) {
  auto until = std::chrono::steady_clock::now() + delay;
  for (;;) {
    if (Cancelled()) return false;
    auto now = std::chrono::steady_clock::now();
    if (now >= until) return true;
    std::this_thread::sleep_for(
        std::min<std::chrono::steady_clock::duration>(until - now, std::chrono::milliseconds(50)));
  }
}

namespace {

std::string BudgetMessage(const std::string& where, int attempts_done) {
  return where + ": step budget used up" +
         (attempts_done > 0
              ? " after " + std::to_string(attempts_done) + (attempts_done == 1 ? " attempt" : " attempts")
              : " before sending it");
}

}  // namespace

FetchInfo ApiCaller::Get(const std::string& path, const DecodeFn& decode, Status* status) {
  FetchInfo info;
  // `where` is what messages show: the API and the path, never the key.
  const std::string where = options_.api + " GET " + RedactUrl(path);
  const std::string endpoint = EndpointOf(path);
  const ApiDeadline deadline = CurrentApiDeadline();
  auto issue = [&](const std::string& cause, const std::string& example) {
    return ApiIssue{options_.api, endpoint, cause, 1, Sanitize(example)};
  };
  // `cause` is the short reason the call's issue is grouped by.
  auto finish = [&](Status st, const std::string& cause = std::string()) {
    *status = std::move(st);
    if (!status->ok() && status->code() != Status::Code::kAborted) {
      info.issues.push_back(issue(cause.empty() ? CauseOf(status->message()) : cause, status->message()));
    }
    CountCall(*status);
    AddIssues(info.issues);
    return info;
  };
  if (!options_.missing_key_message.empty()) {
    return finish(Status::Unauthorized(where + ": " + options_.missing_key_message));
  }

  HttpRequest request;
  request.url = options_.base_url + path;
  request.pool = options_.api;
  if (options_.authorize) options_.authorize(&request);

  const int max_attempts = std::max(1, options_.retry.max_attempts);
  std::string last_problem;
  std::string last_cause;  // last_problem without the request it names
  Status::Code last_code = Status::Code::kNetwork;
  auto cancelled = [&](int attempt) {
    return finish(Status::Aborted(
        where + ": cancelled" + (attempt > 1 ? " after " + std::to_string(attempt - 1) + " attempts" : "")));
  };
  for (int attempt = 1; attempt <= max_attempts; ++attempt) {
    TestHookBeforeRequest(where);
    // A cancelled request is never an answer: checked before the budget, so
    // a signal is never reported as a budget or network failure.
    if (Cancelled()) return cancelled(attempt);
    if (deadline) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(*deadline - Clock::now());
      if (left.count() <= 0)
        return finish(Status::Network(BudgetMessage(where, attempt - 1)), "step budget used up");
      request.timeout_ms = static_cast<int>(std::min<int64_t>(left.count(), INT32_MAX));
    }
    if (!limiter_.Acquire(cancel_.load())) return cancelled(attempt);
    {
      std::lock_guard<std::mutex> lock(mu_);
      ++stats_.requests;
      if (attempt > 1) ++stats_.retries;
    }
    info.attempts = attempt;
    std::optional<std::chrono::milliseconds> retry_after;

    Result<HttpResponse> result = transport_->Perform(request);
    if (!result.ok()) {
      if (result.status().code() != Status::Code::kNetwork) {
        return finish(Status(result.status()).WithContext(Redact(where)), CauseOf(result.status().message()));
      }
      last_code = Status::Code::kNetwork;
      last_problem = Redact(result.status().message());
      last_cause = CauseOf(last_problem);
    } else {
      const HttpResponse& resp = result.value();
      info.http_status = resp.status;
      NoteQuota(resp);
      if (resp.status >= 200 && resp.status < 300) {
        std::vector<std::string> warnings;
        Status st = decode(resp.body, &warnings);
        if (st.ok()) {
          AddWarnings(warnings);
          for (const auto& w : warnings) {
            if (info.issues.size() >= kMaxIssuesPerCall) break;
            info.issues.push_back(issue(CauseOf(w), w));
          }
          return finish(Status::OK());
        }
        if (st.code() != Status::Code::kCorruption) return finish(st);
        last_code = Status::Code::kCorruption;
        last_problem = Redact(st.message());
        last_cause = CauseOf(last_problem);
      } else if (resp.status == 404) {
        return finish(Status::NotFound(where + ": HTTP 404 (not found)"));
      } else if (resp.status == 401 || resp.status == 403) {
        return finish(Status::Unauthorized(where + ": HTTP " + std::to_string(resp.status) +
                                           " (the API key is missing, wrong or lacks access)"));
      } else if (resp.status == 429 && CountHeader(resp, "x-ratelimit-requests-remaining") == 0) {
        // The plan's quota for the period is spent: waiting seconds cannot help.
        {
          std::lock_guard<std::mutex> lock(mu_);
          ++stats_.rate_limited;
        }
        int64_t reset = CountHeader(resp, "x-ratelimit-requests-reset");
        return finish(
            Status::RateLimited(
                where + ": HTTP 429, the plan's request quota is used up" +
                (reset >= 0 ? " (it resets in " + std::to_string((reset + 86'399) / 86'400) + " days)"
                            : std::string()) +
                "; not retried"),
            "request quota used up");
      } else if (IsRetryableHttpStatus(resp.status)) {
        last_code = resp.status == 429 ? Status::Code::kRateLimited : Status::Code::kNetwork;
        last_problem = "HTTP " + std::to_string(resp.status);
        last_cause = last_problem;
        if (resp.status == 429) {
          std::lock_guard<std::mutex> lock(mu_);
          ++stats_.rate_limited;
        }
        if (resp.status == 429 || resp.status == 503) {
          retry_after = ParseRetryAfter(resp.Header("retry-after"), std::time(nullptr));
        }
      } else {
        // Another 4xx (400, 422...): the request itself is wrong; retrying cannot help.
        return finish(Status::Network(where + ": HTTP " + std::to_string(resp.status) + " (not retried)"));
      }
    }

    if (attempt == max_attempts) break;
    std::chrono::milliseconds delay;
    if (retry_after) {
      delay = std::min(*retry_after, std::chrono::milliseconds(options_.retry.max_retry_after_ms));
    } else {
      std::lock_guard<std::mutex> lock(mu_);
      delay = BackoffDelay(options_.retry, attempt, rng_);
    }
    if (deadline && Clock::now() + delay >= *deadline) {
      return finish(Status::Network(BudgetMessage(where, attempt) + " (last: " + last_problem + ")"),
                    "step budget used up");
    }
    // The server asked the whole client to back off, not just this request.
    if (retry_after) limiter_.PauseUntil(Clock::now() + delay);
    spdlog::debug("{}: {} on attempt {}/{}; retrying in {} ms", where, last_problem, attempt, max_attempts,
                  delay.count());
    if (!SleepUnlessCancelled(delay)) return cancelled(attempt + 1);
  }
  // The last attempt failed while the run was being cancelled: it may have
  // been cut short, so it is no answer either.
  if (Cancelled()) return cancelled(info.attempts + 1);

  std::string message = where + ": " + last_problem + " after " + std::to_string(info.attempts) +
                        (info.attempts == 1 ? " attempt" : " attempts");
  if (info.http_status != 0) message += " (last HTTP status " + std::to_string(info.http_status) + ")";
  switch (last_code) {
    case Status::Code::kRateLimited: return finish(Status::RateLimited(message), last_cause);
    case Status::Code::kCorruption: return finish(Status::Corruption(message), last_cause);
    default: return finish(Status::Network(message), last_cause);
  }
}

Status ApiCaller::CheckImdbTitleId(const std::string& imdb_id) {
  if (IsImdbTitleId(imdb_id)) return Status::OK();
  CountCall(Status::InvalidArgument(""));
  return Status::InvalidArgument(options_.api + ": not an IMDB title id: '" + Sanitize(imdb_id, 80) + "'");
}

void ApiCaller::CountCall(const Status& status) {
  std::lock_guard<std::mutex> lock(mu_);
  ++stats_.calls;
  if (status.IsNotFound()) {
    ++stats_.not_found;
  } else if (!status.ok()) {
    ++stats_.failures;
  }
}

void ApiCaller::AddWarnings(const std::vector<std::string>& warnings) {
  if (warnings.empty()) return;
  std::lock_guard<std::mutex> lock(mu_);
  stats_.warnings += static_cast<int64_t>(warnings.size());
  for (const auto& w : warnings) {
    if (warnings_.size() >= kMaxKeptWarnings) break;
    warnings_.push_back(Redact(w));
  }
}

void ApiCaller::AddIssues(const std::vector<ApiIssue>& issues) {
  if (issues.empty()) return;
  std::lock_guard<std::mutex> lock(mu_);
  issues_.AddAll(issues);
}

std::vector<ApiIssue> ApiCaller::issues() const {
  std::lock_guard<std::mutex> lock(mu_);
  return issues_.Sorted();
}

ApiStats ApiCaller::stats() const {
  std::lock_guard<std::mutex> lock(mu_);
  return stats_;
}

std::vector<std::string> ApiCaller::warnings() const {
  std::lock_guard<std::mutex> lock(mu_);
  return warnings_;
}

}  // namespace cinelake
