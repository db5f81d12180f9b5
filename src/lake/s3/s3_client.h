// S3Client: signed HTTP requests to one bucket, retried when the failure is
// transient.
//
// Thread-safe: requests from many threads share a pool of libcurl handles
// (and so their kept-alive connections). Transient failures — connection
// refused or reset, timeouts, HTTP 500/502/503/504 (503 SlowDown) and 429 —
// are retried with exponential backoff and jitter, up to kAttempts in all;
// other answers are returned as they are for the caller to interpret.
// Neither errors nor logs carry the Authorization header or any secret.
// Every request is counted by kind, with the time it took, for the debug
// summary S3Storage logs (RequestSummary).
#pragma once

#include <curl/curl.h>

#include <array>
#include <atomic>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/status.h"
#include "lake/s3/s3_settings.h"

namespace cinelake::s3 {

struct S3Request {
  std::string method;  // GET PUT POST DELETE HEAD
  std::string key;     // object key; "" for the bucket itself
  std::vector<std::pair<std::string, std::string>> query;
  std::map<std::string, std::string> headers;  // lowercase names
  std::string_view body;
};

struct S3Response {
  long status = 0;
  std::map<std::string, std::string> headers;  // lowercase names
  std::string body;
  std::string Header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
};

class S3Client {
 public:
  static constexpr int kAttempts = 5;

  S3Client(S3Settings settings, std::string bucket);
  ~S3Client();
  S3Client(const S3Client&) = delete;
  S3Client& operator=(const S3Client&) = delete;

  // The final answer, whatever its status; Network error if no answer came.
  Result<S3Response> Send(const S3Request& request) const;
  // "PUT s3://bucket/key", for messages.
  std::string Describe(const S3Request& request) const;
  // An error for an unexpected answer: the S3 error code and message, the
  // HTTP status, and what was asked.
  Status ErrorFor(const S3Request& request, const S3Response& response) const;
  const std::string& bucket() const { return bucket_; }
  // "GET 12 (40 ms), LIST 3 (9 ms), ..." over every request sent so far
  // (retries included); "" before the first.
  std::string RequestSummary() const;

 private:
  // GET HEAD PUT POST DELETE, and LIST (a GET of the bucket) and COPY (a PUT
  // with x-amz-copy-source) apart.
  enum Kind { kGet, kHead, kPut, kPost, kDelete, kList, kCopy, kKinds };
  static Kind KindOf(const S3Request& request);

  Result<S3Response> SendOnce(CURL* curl, const S3Request& request, std::string* transport_error) const;
  CURL* TakeHandle() const;
  void ReturnHandle(CURL* curl) const;

  S3Settings settings_;
  std::string bucket_;
  std::string host_;      // Host header value
  std::string base_url_;  // scheme://host[/bucket]
  mutable std::mutex mu_;
  mutable std::vector<CURL*> idle_;
  mutable std::array<std::atomic<int64_t>, kKinds> sent_{};
  mutable std::array<std::atomic<int64_t>, kKinds> micros_{};
};

}  // namespace cinelake::s3
