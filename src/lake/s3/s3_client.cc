#include "lake/s3/s3_client.h"

#include <chrono>
#include <ctime>
#include <random>
#include <thread>

#include "lake/s3/digest.h"
#include "lake/s3/signed_curl.h"
#include "lake/s3/sigv4.h"
#include "lake/s3/xml_text.h"

namespace cinelake::s3 {
namespace {

struct GlobalInit {
  GlobalInit() { curl_global_init(CURL_GLOBAL_DEFAULT); }
};

size_t OnHeader(char* data, size_t size, size_t n, void* user) {
  auto* headers = static_cast<std::map<std::string, std::string>*>(user);
  std::string line(data, size * n);
  if (line.rfind("HTTP/", 0) == 0) headers->clear();  // a new answer (after 100 Continue)
  size_t colon = line.find(':');
  if (colon != std::string::npos) {
    std::string name = line.substr(0, colon);
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string value = line.substr(colon + 1);
    while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' '))
      value.pop_back();
    value.erase(0, value.find_first_not_of(' '));
    (*headers)[name] = value;
  }
  return size * n;
}

bool Transient(long status) {
  return status == 500 || status == 502 || status == 503 || status == 504 || status == 429;
}

}  // namespace

S3Client::S3Client(S3Settings settings, std::string bucket)
    : settings_(std::move(settings)), bucket_(std::move(bucket)) {
  static GlobalInit init;
  size_t scheme_end = settings_.endpoint.find("://") + 3;
  std::string scheme = settings_.endpoint.substr(0, scheme_end);
  std::string host = settings_.endpoint.substr(scheme_end);
  if (size_t slash = host.find('/'); slash != std::string::npos) host.resize(slash);
  if (settings_.path_style) {
    host_ = host;
    base_url_ = scheme + host + "/" + bucket_;
  } else {
    host_ = bucket_ + "." + host;
    base_url_ = scheme + host_;
  }
}

S3Client::~S3Client() {
  for (CURL* c : idle_) curl_easy_cleanup(c);
}

CURL* S3Client::TakeHandle() const {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!idle_.empty()) {
      CURL* c = idle_.back();
      idle_.pop_back();
      return c;
    }
  }
  return curl_easy_init();
}

void S3Client::ReturnHandle(CURL* curl) const {
  std::lock_guard<std::mutex> lock(mu_);
  idle_.push_back(curl);
}

std::string S3Client::Describe(const S3Request& request) const {
  std::string what = request.method + " s3://" + bucket_ + "/" + request.key;
  for (const auto& [k, v] : request.query) {
    if (k == "uploads" || k == "uploadId" || k == "partNumber") return what + " (multipart " + k + ")";
  }
  return what;
}

Status S3Client::ErrorFor(const S3Request& request, const S3Response& response) const {
  std::string code = XmlText(response.body, "Code");
  std::string message = XmlText(response.body, "Message");
  std::string text = Describe(request) + ": HTTP " + std::to_string(response.status);
  if (!code.empty()) text += " " + code;
  if (!message.empty()) text += ": " + message;
  if (response.status == 403 || response.status == 401)
    return Status::Unauthorized(text + " (check the AWS credentials and region)");
  if (response.status == 404) return Status::NotFound(text);
  return Status::IOError(text);
}

Result<S3Response> S3Client::SendOnce(CURL* curl, const S3Request& request,
                                      std::string* transport_error) const {
  std::string path = settings_.path_style ? "/" + bucket_ + "/" + request.key : "/" + request.key;
  std::string amz_date = AmzDateNow();
  CanonicalRequest canonical;
  canonical.method = request.method;
  canonical.path = path;
  canonical.query = request.query;
  canonical.headers = request.headers;
  canonical.headers["host"] = host_;
  canonical.headers["x-amz-date"] = amz_date;
  canonical.payload_sha256_hex = Sha256Hex(request.body);
  canonical.headers["x-amz-content-sha256"] = canonical.payload_sha256_hex;
  if (!settings_.credentials.session_token.empty())
    canonical.headers["x-amz-security-token"] = settings_.credentials.session_token;
  std::string authorization =
      AuthorizationHeader(canonical, settings_.credentials, settings_.region, "s3", amz_date);

  std::string query = CanonicalQuery(request.query);
  std::string url = base_url_ + "/" + UriEncode(request.key, true) + (query.empty() ? "" : "?" + query);
  curl_slist* headers = SignedHeaderList(canonical, authorization);
  if (canonical.headers.count("content-type") == 0) headers = curl_slist_append(headers, "Content-Type:");

  S3Response response;
  char error[CURL_ERROR_SIZE] = {0};
  curl_easy_reset(curl);
  SetSignedRequestOptions(curl, url, headers, error, &response.body);
  curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, 1L);
  curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, 60L);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, OnHeader);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &response.headers);
  if (request.method == "HEAD") {
    curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
  } else if (request.method == "PUT" || request.method == "POST") {
    curl_easy_setopt(curl, CURLOPT_POST, 1L);
    // Never a null pointer: curl would then read the body from stdin.
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.empty() ? "" : request.body.data());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
  } else if (request.method != "GET") {
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
  }
  CURLcode rc = curl_easy_perform(curl);
  curl_slist_free_all(headers);
  if (rc != CURLE_OK) {
    *transport_error =
        std::string(error[0] != 0 ? error : curl_easy_strerror(rc)) + " (" + settings_.endpoint + ")";
    return Status::Network(*transport_error);
  }
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
  return response;
}

S3Client::Kind S3Client::KindOf(const S3Request& request) {
  const std::string& m = request.method;
  if (m == "GET") return request.key.empty() ? kList : kGet;
  if (m == "PUT") return request.headers.count("x-amz-copy-source") != 0 ? kCopy : kPut;
  if (m == "HEAD") return kHead;
  if (m == "POST") return kPost;
  return kDelete;
}

std::string S3Client::RequestSummary() const {
  static constexpr const char* kNames[kKinds] = {"GET", "HEAD", "PUT", "POST", "DELETE", "LIST", "COPY"};
  std::string out;
  for (int k = 0; k < kKinds; ++k) {
    int64_t n = sent_[k].load();
    if (n == 0) continue;
    if (!out.empty()) out += ", ";
    out += std::string(kNames[k]) + " " + std::to_string(n) + " (" +
           std::to_string(micros_[k].load() / 1000) + " ms)";
  }
  return out;
}

Result<S3Response> S3Client::Send(const S3Request& request) const {
  thread_local std::mt19937 jitter{std::random_device{}()};
  CURL* curl = TakeHandle();
  if (curl == nullptr) return Status::Internal("curl_easy_init failed");
  std::string last_problem;
  for (int attempt = 1; attempt <= kAttempts; ++attempt) {
    if (attempt > 1) {
      int base_ms = 100 << (attempt - 2);  // 100, 200, 400, 800 ms
      std::uniform_int_distribution<int> spread(base_ms / 2, base_ms);
      std::this_thread::sleep_for(std::chrono::milliseconds(base_ms + spread(jitter)));
    }
    std::string transport_error;
    auto started = std::chrono::steady_clock::now();
    auto response = SendOnce(curl, request, &transport_error);
    Kind kind = KindOf(request);
    ++sent_[kind];
    micros_[kind] +=
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started)
            .count();
    if (!response.ok()) {
      last_problem = transport_error;
      continue;
    }
    if (Transient(response->status) && attempt < kAttempts) {
      last_problem = "HTTP " + std::to_string(response->status);
      continue;
    }
    ReturnHandle(curl);
    return response;
  }
  curl_easy_cleanup(curl);
  return Status::Network(Describe(request) + ": " + last_problem + " after " + std::to_string(kAttempts) +
                         " attempts");
}

}  // namespace cinelake::s3
