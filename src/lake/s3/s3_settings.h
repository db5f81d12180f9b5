// Where an S3 lake lives and how to reach it, found the way AWS tools find it.
//
//   credentials  AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN,
//                else the profile (AWS_PROFILE, default "default") in
//                AWS_SHARED_CREDENTIALS_FILE (default ~/.aws/credentials),
//                else that profile in the config file
//   region       AWS_REGION, AWS_DEFAULT_REGION, the profile's region in
//                AWS_CONFIG_FILE (default ~/.aws/config), else us-east-1
//   endpoint     AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL, the profile's
//                endpoint_url, else AWS's regional endpoint. A custom endpoint
//                (MinIO, R2, Ceph, moto) is addressed path-style
//                (http://host/bucket/key); AWS virtual-hosted
//                (https://bucket.s3.region.amazonaws.com/key).
//
// Errors name the variable or file and line at fault, never a secret's value;
// secrets found are registered with RegisterSecret so logs redact them.
//
// Thread-safety: pure functions of the environment snapshot they are given; RegisterSecret is itself
// thread-safe.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "common/status.h"
#include "lake/s3/sigv4.h"

namespace cinelake::s3 {

struct S3Url {
  std::string bucket;
  std::string prefix;  // "" or "a/b", no leading or trailing '/'
  std::string ToString() const { return "s3://" + bucket + (prefix.empty() ? "" : "/" + prefix); }
};

bool IsS3Url(std::string_view text);
// "s3://bucket[/prefix]"; a bucket name must be 3-63 of [a-z0-9.-].
Result<S3Url> ParseS3Url(const std::string& text);

struct S3Settings {
  Credentials credentials;
  std::string region;
  std::string endpoint;  // scheme://host[:port], no trailing '/'
  bool path_style = false;
};

// `endpoint` without trailing '/'s; InvalidArgument, naming `service`
// ("S3", "Glue"), unless it starts with http:// or https://.
Result<std::string> CheckedEndpoint(std::string endpoint, std::string_view service);

using EnvLookup = std::function<const char*(const char*)>;
Result<S3Settings> ResolveS3Settings(const EnvLookup& env);
Result<S3Settings> ResolveS3SettingsFromEnvironment();

}  // namespace cinelake::s3
