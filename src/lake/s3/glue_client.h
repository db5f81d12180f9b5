// GlueClient: the AWS Glue Data Catalog's JSON API, the way the AWS tools
// call it: POST / with X-Amz-Target "AWSGlue.<Action>", a JSON 1.1 body, and
// a SigV4 signature for service "glue" (sigv4.h, the S3 lake's signing).
//
// Credentials and region are found as for an S3 lake (s3_settings.h); the
// endpoint is AWS_ENDPOINT_URL_GLUE, else AWS_ENDPOINT_URL, else
// https://glue.<region>.amazonaws.com.
//
// Transient failures (no answer, HTTP 5xx, 429, ThrottlingException) are
// retried with backoff, kAttempts in all. Errors name the action and Glue's
// error type and message, never a secret; EntityNotFoundException is
// NotFound, and the error type is handed back so that callers can tell
// others apart (AlreadyExistsException).
//
// Thread-compatible: one caller at a time.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "common/status.h"
#include "lake/s3/s3_settings.h"

namespace cinelake::s3 {

struct GlueSettings {
  Credentials credentials;
  std::string region;
  std::string endpoint;  // scheme://host[:port], no trailing '/'
};

Result<GlueSettings> ResolveGlueSettings(const EnvLookup& env);
Result<GlueSettings> ResolveGlueSettingsFromEnvironment();

class GlueClient {
 public:
  static constexpr int kAttempts = 5;

  explicit GlueClient(GlueSettings settings);
  // The answer's JSON object for a 200; otherwise the error described above.
  // `error_type`, when given, receives Glue's error type ("" on success).
  Result<nlohmann::json> Call(const std::string& action, const nlohmann::json& request,
                              std::string* error_type = nullptr) const;
  const std::string& endpoint() const { return settings_.endpoint; }

 private:
  GlueSettings settings_;
  std::string host_;
};

}  // namespace cinelake::s3
