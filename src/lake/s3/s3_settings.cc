#include "lake/s3/s3_settings.h"

#include <cstdlib>
#include <fstream>
#include <map>

#include "common/log.h"

namespace cinelake::s3 {
namespace {

using Section = std::map<std::string, std::string>;

std::string Trim(std::string s) {
  size_t b = s.find_first_not_of(" \t\r");
  size_t e = s.find_last_not_of(" \t\r");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

// An INI file as the AWS tools write it; absent is an empty map. Only the
// wanted section is kept, so a malformed line elsewhere does not matter.
Result<Section> ReadProfileSection(const std::string& path, const std::string& section) {
  Section out;
  std::ifstream in(path);
  if (!in) return out;
  std::string line;
  std::string current;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    line = Trim(line);
    if (line.empty() || line[0] == '#' || line[0] == ';') continue;
    if (line.front() == '[') {
      if (line.back() != ']')
        return Status::InvalidArgument(path + ":" + std::to_string(number) + ": unclosed [section]");
      current = Trim(line.substr(1, line.size() - 2));
      continue;
    }
    if (current != section) continue;
    size_t eq = line.find('=');
    if (eq == std::string::npos)
      return Status::InvalidArgument(path + ":" + std::to_string(number) + ": expected 'name = value' in [" +
                                     section + "]");
    out[Trim(line.substr(0, eq))] = Trim(line.substr(eq + 1));
  }
  return out;
}

std::string Get(const EnvLookup& env, const char* name) {
  const char* v = env(name);
  return v == nullptr ? "" : v;
}

std::string Lookup(const Section& s, const char* key) {
  auto it = s.find(key);
  return it == s.end() ? "" : it->second;
}

}  // namespace

bool IsS3Url(std::string_view text) {
  return text.substr(0, 5) == "s3://";
}

Result<S3Url> ParseS3Url(const std::string& text) {
  if (!IsS3Url(text)) return Status::InvalidArgument("'" + text + "' is not an s3:// location");
  std::string rest = text.substr(5);
  size_t slash = rest.find('/');
  S3Url url;
  url.bucket = rest.substr(0, slash);
  if (slash != std::string::npos) url.prefix = rest.substr(slash + 1);
  while (!url.prefix.empty() && url.prefix.back() == '/') url.prefix.pop_back();
  bool valid = url.bucket.size() >= 3 && url.bucket.size() <= 63;
  for (char c : url.bucket)
    valid = valid && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-');
  if (!valid)
    return Status::InvalidArgument("'" + text +
                                   "': the bucket name must be 3-63 lowercase letters, digits, '.' or '-'");
  if (url.prefix.find("//") != std::string::npos || (!url.prefix.empty() && url.prefix.front() == '/'))
    return Status::InvalidArgument("'" + text + "': empty path segment in the prefix");
  return url;
}

Result<S3Settings> ResolveS3Settings(const EnvLookup& env) {
  std::string home = Get(env, "HOME");
  std::string profile = Get(env, "AWS_PROFILE");
  if (profile.empty()) profile = "default";
  std::string credentials_file = Get(env, "AWS_SHARED_CREDENTIALS_FILE");
  if (credentials_file.empty()) credentials_file = home + "/.aws/credentials";
  std::string config_file = Get(env, "AWS_CONFIG_FILE");
  if (config_file.empty()) config_file = home + "/.aws/config";
  ASSIGN_OR_RETURN(Section creds, ReadProfileSection(credentials_file, profile));
  ASSIGN_OR_RETURN(Section config,
                   ReadProfileSection(config_file, profile == "default" ? "default" : "profile " + profile));

  S3Settings s;
  Credentials& c = s.credentials;
  c.access_key_id = Get(env, "AWS_ACCESS_KEY_ID");
  if (!c.access_key_id.empty()) {
    c.secret_access_key = Get(env, "AWS_SECRET_ACCESS_KEY");
    c.session_token = Get(env, "AWS_SESSION_TOKEN");
    if (c.secret_access_key.empty())
      return Status::InvalidArgument("AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not");
  } else {
    for (const Section* from : {&creds, &config}) {
      if (Lookup(*from, "aws_access_key_id").empty()) continue;
      c.access_key_id = Lookup(*from, "aws_access_key_id");
      c.secret_access_key = Lookup(*from, "aws_secret_access_key");
      c.session_token = Lookup(*from, "aws_session_token");
      break;
    }
    if (c.access_key_id.empty() || c.secret_access_key.empty())
      return Status::InvalidArgument(
          "no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or put "
          "profile '" +
          profile + "' in " + credentials_file);
  }
  RegisterSecret(c.secret_access_key);
  RegisterSecret(c.session_token);

  s.region = Get(env, "AWS_REGION");
  if (s.region.empty()) s.region = Get(env, "AWS_DEFAULT_REGION");
  if (s.region.empty()) s.region = Lookup(config, "region");
  if (s.region.empty()) s.region = "us-east-1";

  s.endpoint = Get(env, "AWS_ENDPOINT_URL_S3");
  if (s.endpoint.empty()) s.endpoint = Get(env, "AWS_ENDPOINT_URL");
  if (s.endpoint.empty()) s.endpoint = Lookup(config, "endpoint_url");
  s.path_style = !s.endpoint.empty();
  if (s.endpoint.empty()) s.endpoint = "https://s3." + s.region + ".amazonaws.com";
  ASSIGN_OR_RETURN(s.endpoint, CheckedEndpoint(std::move(s.endpoint), "S3"));
  return s;
}

Result<std::string> CheckedEndpoint(std::string endpoint, std::string_view service) {
  size_t end = endpoint.find_last_not_of('/');
  endpoint.resize(end == std::string::npos ? 0 : end + 1);
  if (endpoint.rfind("http://", 0) == 0 || endpoint.rfind("https://", 0) == 0) return endpoint;
  return Status::InvalidArgument(std::string(service) + " endpoint '" + endpoint +
                                 "' must start with http:// or https://");
}

Result<S3Settings> ResolveS3SettingsFromEnvironment() {
  return ResolveS3Settings([](const char* name) { return std::getenv(name); });
}

}  // namespace cinelake::s3
