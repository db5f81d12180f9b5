#include "sources/tmdb_export_download.h"

#include <curl/curl.h>

#include <chrono>
#include <memory>

#include "common/log.h"

namespace cinelake {
namespace {

using Clock = std::chrono::steady_clock;

struct Transfer {
  CURL* curl = nullptr;
  const BodyFn* on_body = nullptr;
  const std::atomic<bool>* cancel = nullptr;
  long status = 0;  // NOLINT(runtime/int): libcurl's type
  Status body_error;
  bool stalled = false;
  bool cancelled = false;
  bool local = false;  // file://: no HTTP status; a missing file reads as 404
  int stall_ms = 0;
  Clock::time_point last_byte = Clock::now();
};

size_t OnWrite(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  size_t n = size * count;
  t->last_byte = Clock::now();
  if (t->status == 0 && t->local) t->status = 200;
  if (t->status == 0) curl_easy_getinfo(t->curl, CURLINFO_RESPONSE_CODE, &t->status);
  if (t->status != 200) return n;  // an error page: not ours to parse
  Status st = (*t->on_body)(std::string_view(data, n));
  if (!st.ok()) {
    t->body_error = std::move(st);
    return CURL_WRITEFUNC_ERROR;
  }
  return n;
}

int OnProgress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  auto* t = static_cast<Transfer*>(user);
  if (t->cancel != nullptr && t->cancel->load()) {
    t->cancelled = true;
    return 1;
  }
  auto idle = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t->last_byte).count();
  if (idle > t->stall_ms) {
    t->stalled = true;
    return 1;
  }
  return 0;
}

}  // namespace

Result<int> StreamDownload(const std::string& url, const StreamDownloadOptions& options,
                           const BodyFn& on_body, const std::atomic<bool>* cancel) {
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), &curl_easy_cleanup);
  if (!curl) return Status::Internal("cannot create a libcurl handle");
  Transfer t;
  t.curl = curl.get();
  t.on_body = &on_body;
  t.cancel = cancel;
  t.stall_ms = options.stall_ms;
  t.local = url.starts_with("file://");
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options.connect_timeout_ms));  // NOLINT
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(options.timeout_ms));                 // NOLINT
  curl_easy_setopt(c, CURLOPT_USERAGENT, options.user_agent.c_str());
  curl_easy_setopt(c, CURLOPT_BUFFERSIZE, 256L * 1024);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, &OnWrite);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &t);
  curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, &OnProgress);
  curl_easy_setopt(c, CURLOPT_XFERINFODATA, &t);
  curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
  t.last_byte = Clock::now();
  CURLcode rc = curl_easy_perform(c);
  if (!t.body_error.ok()) return t.body_error;
  if (t.cancelled) return Status::Aborted("download cancelled: " + Redact(url));
  if (t.stalled) {
    return Status::Network("download stalled: no byte for " + std::to_string(options.stall_ms) + " ms from " +
                           Redact(url));
  }
  if (t.local && rc == CURLE_FILE_COULDNT_READ_FILE) return 404;
  if (rc != CURLE_OK) {
    return Status::Network(std::string("download failed: ") + curl_easy_strerror(rc) + ": " + Redact(url));
  }
  long status = t.local ? 200 : 0;  // NOLINT(runtime/int)
  if (!t.local) curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  return static_cast<int>(status);
}

}  // namespace cinelake
