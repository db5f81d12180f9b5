#include "sources/http_client.h"

#include <curl/curl.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <condition_variable>
#include <deque>
#include <future>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "sources/url_util.h"

namespace cinelake {
namespace {

struct Job {
  const HttpRequest* request = nullptr;
  std::string pool;
  CURL* easy = nullptr;
  curl_slist* headers = nullptr;
  HttpResponse response;
  int64_t max_bytes = 0;
  bool oversize = false;
  int sends = 0;  // times libcurl was about to send this request
  char error[CURL_ERROR_SIZE] = {0};
  std::promise<Result<HttpResponse>> done;
};

size_t OnBody(char* data, size_t size, size_t count, void* user) {
  Job* job = static_cast<Job*>(user);
  size_t n = size * count;
  if (static_cast<int64_t>(job->response.body.size() + n) > job->max_bytes) {
    job->oversize = true;
    return 0;  // makes curl abort with CURLE_WRITE_ERROR
  }
  job->response.body.append(data, n);
  return n;
}

size_t OnHeader(char* data, size_t size, size_t count, void* user) {
  Job* job = static_cast<Job*>(user);
  size_t n = size * count;
  std::string_view line(data, n);
  if (line.rfind("HTTP/", 0) == 0) {
    job->response.headers.clear();  // a new response (after 100-continue or a redirect)
    return n;
  }
  size_t colon = line.find(':');
  if (colon == std::string_view::npos) return n;
  std::string name(line.substr(0, colon));
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  std::string_view value = line.substr(colon + 1);
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' ')) {
    value.remove_suffix(1);
  }
  job->response.headers[name] = std::string(value);
  return n;
}

// libcurl silently re-sends a request whose reused connection died before
// any answer. That send would bypass the rate limiter and the attempt count,
// so the second send is refused here and the caller retries it the ordinary
// way (token, backoff, counted).
int OnPrereq(void* user, char*, char*, int, int) {
  Job* job = static_cast<Job*>(user);
  return ++job->sends > 1 ? CURL_PREREQFUNC_ABORT : CURL_PREREQFUNC_OK;
}

void GlobalInitOnce() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

}  // namespace

class CurlTransport::Impl {
 public:
  explicit Impl(const CurlOptions& options) : options_(options) {}

  ~Impl() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stopping_ = true;
    }
    if (multi_ != nullptr) curl_multi_wakeup(multi_);
    if (loop_.joinable()) loop_.join();
    for (CURL* easy : idle_) curl_easy_cleanup(easy);
    if (multi_ != nullptr) curl_multi_cleanup(multi_);
  }

  Status Start() {
    GlobalInitOnce();
    multi_ = curl_multi_init();
    if (multi_ == nullptr) return Status::Internal("curl_multi_init failed");
    curl_multi_setopt(multi_, CURLMOPT_PIPELINING, long{CURLPIPE_MULTIPLEX});
    curl_multi_setopt(multi_, CURLMOPT_MAX_HOST_CONNECTIONS,
                      long{std::max(1, options_.max_host_connections)});
    curl_multi_setopt(multi_, CURLMOPT_MAX_TOTAL_CONNECTIONS,
                      long{std::max(1, options_.max_total_connections)});
    curl_multi_setopt(multi_, CURLMOPT_MAXCONNECTS, long{std::max(1, options_.max_total_connections)});
    loop_ = std::thread([this] { Loop(); });
    return Status::OK();
  }

  Result<HttpResponse> Perform(const HttpRequest& request) {
    Job job;
    job.request = &request;
    job.pool = request.pool.empty() ? UrlHostPort(request.url) : request.pool;
    job.max_bytes = options_.max_response_bytes;
    std::future<Result<HttpResponse>> result = job.done.get_future();
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (stopping_) return Status::Aborted("http transport is shutting down");
      queued_[job.pool].push_back(&job);
    }
    curl_multi_wakeup(multi_);
    return result.get();
  }

  int MaxInFlightSeen(const std::string& pool) const {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = max_seen_.find(pool);
    return it == max_seen_.end() ? 0 : it->second;
  }

 private:
  int LimitFor(const std::string& pool) const {
    auto it = options_.max_in_flight.find(pool);
    int limit = it == options_.max_in_flight.end() ? options_.default_max_in_flight : it->second;
    return std::max(1, limit);
  }

  CURL* TakeEasy() {
    if (!idle_.empty()) {
      CURL* easy = idle_.back();
      idle_.pop_back();
      curl_easy_reset(easy);
      return easy;
    }
    return curl_easy_init();
  }

  // Moves queued jobs into the multi handle while their pool has room.
  // Called on the loop thread.
  int StartQueued() {
    std::vector<Job*> starting;
    {
      std::lock_guard<std::mutex> lock(mu_);
      for (auto& [pool, queue] : queued_) {
        int limit = LimitFor(pool);
        while (!queue.empty() && active_[pool] < limit) {
          starting.push_back(queue.front());
          queue.pop_front();
          int now = ++active_[pool];
          max_seen_[pool] = std::max(max_seen_[pool], now);
        }
      }
    }
    for (Job* job : starting) {
      Status st = Configure(job);
      if (!st.ok()) {
        Finish(job, st);
        continue;
      }
      running_.insert(job);
      curl_multi_add_handle(multi_, job->easy);
    }
    return static_cast<int>(starting.size());
  }

  Status Configure(Job* job) {
    const HttpRequest& req = *job->request;
    job->easy = TakeEasy();
    if (job->easy == nullptr) return Status::Internal("curl_easy_init failed");
    CURL* e = job->easy;
    curl_easy_setopt(e, CURLOPT_URL, req.url.c_str());
    if (req.method == "GET") {
      curl_easy_setopt(e, CURLOPT_HTTPGET, 1L);
    } else {
      curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, req.method.c_str());
    }
    for (const auto& [name, value] : req.headers) {
      std::string line = name + ": " + value;
      curl_slist* next = curl_slist_append(job->headers, line.c_str());
      if (next == nullptr) return Status::Internal("curl_slist_append failed");
      job->headers = next;
    }
    if (job->headers != nullptr) curl_easy_setopt(e, CURLOPT_HTTPHEADER, job->headers);
    curl_easy_setopt(e, CURLOPT_PRIVATE, job);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, &OnBody);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, job);
    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, &OnHeader);
    curl_easy_setopt(e, CURLOPT_HEADERDATA, job);
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, job->error);
    curl_easy_setopt(e, CURLOPT_PREREQFUNCTION, &OnPrereq);
    curl_easy_setopt(e, CURLOPT_PREREQDATA, job);
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");  // every encoding libcurl decodes (gzip, deflate, ...)
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, long{options_.connect_timeout_ms});
    // The whole request, body included: a server dripping bytes cannot hold it longer.
    long timeout_ms = options_.timeout_ms;
    if (req.timeout_ms > 0) timeout_ms = std::min<long>(timeout_ms, req.timeout_ms);
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, timeout_ms);
    curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, curl_off_t{options_.max_response_bytes});
    curl_easy_setopt(e, CURLOPT_HTTP_VERSION,
                     options_.http2 ? long{CURL_HTTP_VERSION_2TLS} : long{CURL_HTTP_VERSION_1_1});
    if (options_.http2 && req.url.rfind("https://", 0) == 0) {
      // Prefer a new HTTP/2 stream over a new connection. Only where h2 can
      // be negotiated: on plain HTTP/1.1 a waiting transfer can sit until
      // the poll timeout before libcurl opens its own connection.
      curl_easy_setopt(e, CURLOPT_PIPEWAIT, 1L);
    }
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);  // a redirect could carry the key elsewhere
    curl_easy_setopt(e, CURLOPT_USERAGENT, options_.user_agent.c_str());
    curl_easy_setopt(e, CURLOPT_TCP_KEEPALIVE, 1L);
    return Status::OK();
  }

  void Finish(Job* job, Result<HttpResponse> result) {
    running_.erase(job);
    if (job->headers != nullptr) curl_slist_free_all(job->headers);
    job->headers = nullptr;
    if (job->easy != nullptr) idle_.push_back(job->easy);
    job->easy = nullptr;
    {
      std::lock_guard<std::mutex> lock(mu_);
      --active_[job->pool];
    }
    job->done.set_value(std::move(result));
  }

  void Complete(Job* job, CURLcode code) {
    curl_multi_remove_handle(multi_, job->easy);
    std::string what = job->request->method + " " + RedactUrl(job->request->url);
    if (code == CURLE_OK) {
      long status = 0;
      curl_easy_getinfo(job->easy, CURLINFO_RESPONSE_CODE, &status);
      job->response.status = static_cast<int>(status);
      Finish(job, std::move(job->response));
      return;
    }
    std::string detail = curl_easy_strerror(code);
    if (job->sends > 1 && code == CURLE_ABORTED_BY_CALLBACK) {
      detail = "connection closed before an answer";
    } else if (job->oversize || code == CURLE_FILESIZE_EXCEEDED) {
      // Permanent: the same answer would be downloaded again on a retry.
      Finish(job, Status::NotSupported(what + ": response body larger than " +
                                       std::to_string(options_.max_response_bytes) + " bytes (not retried)"));
      return;
    } else if (job->error[0] != '\0') {
      detail += " (" + RedactUrl(job->error) + ")";
    }
    Finish(job, Status::Network(what + ": " + detail));
  }

  // Completes every finished transfer; returns how many.
  int Reap() {
    int reaped = 0;
    int left = 0;
    while (CURLMsg* msg = curl_multi_info_read(multi_, &left)) {
      if (msg->msg != CURLMSG_DONE) continue;
      Job* job = nullptr;
      curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, reinterpret_cast<char**>(&job));
      Complete(job, msg->data.result);
      ++reaped;
    }
    return reaped;
  }

  void Loop() {
    // Each pass: admit queued jobs, drive transfers, reap finished ones; only
    // when a pass made no progress, sleep in curl_multi_poll until socket
    // activity, a curl timer, or a wakeup from Perform()/shutdown. (A transfer
    // can finish inside curl_multi_perform, e.g. a refused connection, so
    // reaping before sleeping avoids waiting out the poll timeout.)
    for (;;) {
      {
        std::lock_guard<std::mutex> lock(mu_);
        if (stopping_) break;
      }
      int started = StartQueued();
      int running = 0;
      curl_multi_perform(multi_, &running);
      int reaped = Reap();
      if (started > 0 || reaped > 0) continue;
      curl_multi_poll(multi_, nullptr, 0, 1000, nullptr);
    }
    // Shutting down: fail everything still active or queued.
    std::vector<Job*> queued;
    {
      std::lock_guard<std::mutex> lock(mu_);
      for (auto& [pool, queue] : queued_) {
        for (Job* j : queue) {
          queued.push_back(j);
          ++active_[pool];  // balanced by Finish
        }
        queue.clear();
      }
    }
    for (Job* j : queued) Finish(j, Status::Aborted("http transport is shutting down"));
    std::vector<Job*> running(running_.begin(), running_.end());
    for (Job* j : running) {
      curl_multi_remove_handle(multi_, j->easy);
      Finish(j, Status::Aborted("http transport is shutting down"));
    }
  }

  const CurlOptions options_;
  CURLM* multi_ = nullptr;
  std::thread loop_;
  mutable std::mutex mu_;
  bool stopping_ = false;
  std::map<std::string, std::deque<Job*>> queued_;
  std::map<std::string, int> active_;
  std::map<std::string, int> max_seen_;
  std::vector<CURL*> idle_;  // loop thread only
  std::set<Job*> running_;   // loop thread only: jobs added to multi_
};

Result<std::shared_ptr<CurlTransport>> CurlTransport::Create(const CurlOptions& options) {
  auto impl = std::make_unique<Impl>(options);
  RETURN_IF_ERROR(impl->Start());
  return std::shared_ptr<CurlTransport>(new CurlTransport(std::move(impl)));
}

CurlTransport::CurlTransport(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
CurlTransport::~CurlTransport() = default;

Result<HttpResponse> CurlTransport::Perform(const HttpRequest& request) {
  return impl_->Perform(request);
}

int CurlTransport::max_in_flight_seen(const std::string& pool) const {
  return impl_->MaxInFlightSeen(pool);
}

}  // namespace cinelake
