#include "lake/s3/glue_client.h"

#include <curl/curl.h>

#include <chrono>
#include <cstdlib>
#include <map>
#include <random>
#include <thread>

#include "lake/s3/digest.h"
#include "lake/s3/signed_curl.h"
#include "lake/s3/sigv4.h"

namespace cinelake::s3 {
namespace {

struct Answer {
  long status = 0;
  std::string body;
};

// Glue's error type: "__type" may carry a namespace ("ns#Type").
std::string ErrorType(const nlohmann::json& body) {
  std::string type = body.is_object() ? body.value("__type", "") : "";
  if (size_t hash = type.rfind('#'); hash != std::string::npos) type.erase(0, hash + 1);
  return type;
}

std::string ErrorMessage(const nlohmann::json& body) {
  if (!body.is_object()) return "";
  for (const char* key : {"message", "Message"}) {
    if (body.contains(key) && body[key].is_string()) return body[key].get<std::string>();
  }
  return "";
}

}  // namespace

Result<GlueSettings> ResolveGlueSettings(const EnvLookup& env) {
  ASSIGN_OR_RETURN(S3Settings s3, ResolveS3Settings(env));
  GlueSettings s{s3.credentials, s3.region, ""};
  for (const char* name : {"AWS_ENDPOINT_URL_GLUE", "AWS_ENDPOINT_URL"}) {
    const char* value = env(name);
    if (value != nullptr && *value != '\0') {
      s.endpoint = value;
      break;
    }
  }
  if (s.endpoint.empty()) s.endpoint = "https://glue." + s.region + ".amazonaws.com";
  ASSIGN_OR_RETURN(s.endpoint, CheckedEndpoint(std::move(s.endpoint), "Glue"));
  return s;
}

Result<GlueSettings> ResolveGlueSettingsFromEnvironment() {
  return ResolveGlueSettings([](const char* name) { return std::getenv(name); });
}

GlueClient::GlueClient(GlueSettings settings) : settings_(std::move(settings)) {
  host_ = settings_.endpoint.substr(settings_.endpoint.find("://") + 3);
  if (size_t slash = host_.find('/'); slash != std::string::npos) host_.resize(slash);
}

Result<nlohmann::json> GlueClient::Call(const std::string& action, const nlohmann::json& request,
                                        std::string* error_type) const {
  if (error_type != nullptr) error_type->clear();
  const std::string what = "Glue " + action + " (" + settings_.endpoint + ")";
  const std::string body = request.dump();
  thread_local std::mt19937 jitter{std::random_device{}()};
  std::string last_problem;
  for (int attempt = 1; attempt <= kAttempts; ++attempt) {
    if (attempt > 1) {
      int base_ms = 100 << (attempt - 2);  // 100, 200, 400, 800 ms
      std::uniform_int_distribution<int> spread(0, base_ms);
      std::this_thread::sleep_for(std::chrono::milliseconds(base_ms + spread(jitter)));
    }
    CanonicalRequest canonical;
    canonical.method = "POST";
    canonical.path = "/";
    canonical.headers["host"] = host_;
    canonical.headers["content-type"] = "application/x-amz-json-1.1";
    canonical.headers["x-amz-target"] = "AWSGlue." + action;
    const std::string amz_date = AmzDateNow();
    canonical.headers["x-amz-date"] = amz_date;
    if (!settings_.credentials.session_token.empty())
      canonical.headers["x-amz-security-token"] = settings_.credentials.session_token;
    canonical.payload_sha256_hex = Sha256Hex(body);
    const std::string authorization =
        AuthorizationHeader(canonical, settings_.credentials, settings_.region, "glue", amz_date);

    CURL* curl = curl_easy_init();
    if (curl == nullptr) return Status::Internal("curl_easy_init failed");
    curl_slist* headers = SignedHeaderList(canonical, authorization);
    Answer answer;
    char error[CURL_ERROR_SIZE] = {0};
    SetSignedRequestOptions(curl, settings_.endpoint + "/", headers, error, &answer.body);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, 60000L);
    curl_easy_setopt(curl, CURLOPT_POST, 1L);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    CURLcode rc = curl_easy_perform(curl);
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &answer.status);
    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);
    if (rc != CURLE_OK) {
      last_problem = error[0] != 0 ? error : curl_easy_strerror(rc);
      continue;
    }
    nlohmann::json parsed = nlohmann::json::parse(answer.body.empty() ? "{}" : answer.body, nullptr, false);
    if (answer.status == 200) {
      if (parsed.is_discarded() || !parsed.is_object())
        return Status::Corruption(what + ": the answer is not a JSON object");
      return parsed;
    }
    const std::string type = ErrorType(parsed);
    const std::string text = what + ": HTTP " + std::to_string(answer.status) +
                             (type.empty() ? "" : " " + type) +
                             (ErrorMessage(parsed).empty() ? "" : ": " + ErrorMessage(parsed));
    bool transient = answer.status >= 500 || answer.status == 429 || type == "ThrottlingException";
    if (transient && attempt < kAttempts) {
      last_problem = text;
      continue;
    }
    if (error_type != nullptr) *error_type = type;
    if (type == "EntityNotFoundException") return Status::NotFound(text);
    if (answer.status == 401 || answer.status == 403 || type == "AccessDeniedException")
      return Status::Unauthorized(text + " (check the AWS credentials and region)");
    return Status::IOError(text);
  }
  return Status::Network(what + ": no answer after " + std::to_string(kAttempts) +
                         " attempts: " + last_problem);
}

}  // namespace cinelake::s3
