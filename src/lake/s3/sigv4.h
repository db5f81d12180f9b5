// AWS Signature Version 4 for S3 requests (HMAC-SHA256 through OpenSSL).
//
// Canonical request -> string to sign -> signing key derived from the secret
// and the date, region and service -> Authorization header. The caller sends
// exactly the headers it passed in (plus Authorization); every one of them is
// signed. Pure functions, thread-safe. The secret never leaves this file: the
// result holds only the access key id and the signature.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace cinelake::s3 {

struct Credentials {
  std::string access_key_id;
  std::string secret_access_key;
  std::string session_token;  // empty for long-term keys
};

struct CanonicalRequest {
  std::string method;                                      // "GET"
  std::string path;                                        // "/bucket/key with spaces", not encoded
  std::vector<std::pair<std::string, std::string>> query;  // not encoded; order does not matter
  std::map<std::string, std::string> headers;              // lowercase names; host and x-amz-* included
  std::string payload_sha256_hex;
};

// RFC 3986 encoding as SigV4 wants it: unreserved characters kept, '/' kept
// when `keep_slash`, every other byte as %XX (uppercase).
std::string UriEncode(const std::string& text, bool keep_slash);
// "a=1&b=2" from the query, encoded and sorted as SigV4 signs it; the request
// must send this exact string.
std::string CanonicalQuery(const std::vector<std::pair<std::string, std::string>>& query);

// The current UTC time as SigV4 wants it in x-amz-date: "YYYYMMDDTHHMMSSZ".
std::string AmzDateNow();

// The Authorization header's value. amz_date is "YYYYMMDDTHHMMSSZ", the same
// as the request's x-amz-date header.
std::string AuthorizationHeader(const CanonicalRequest& request, const Credentials& credentials,
                                const std::string& region, const std::string& service,
                                const std::string& amz_date);

}  // namespace cinelake::s3
