// The libcurl side of a SigV4-signed request, shared by the S3 and Glue
// clients: both send exactly the headers they signed, plus Authorization.
//
// Pure helpers over a caller-owned CURL handle: no state, thread-safe as
// long as each thread uses its own handle. The header list returned is the
// caller's to free with curl_slist_free_all.
#pragma once

#include <curl/curl.h>

#include <string>

#include "lake/s3/sigv4.h"

namespace cinelake::s3 {

// libcurl write callback appending the body to the std::string at `user`.
size_t AppendBodyToString(char* data, size_t size, size_t n, void* user);

// The signed headers, the Authorization header and an empty Expect (no
// 100-continue round trip).
curl_slist* SignedHeaderList(const CanonicalRequest& canonical, const std::string& authorization);

// The options every signed request sets: its URL and headers, the error
// buffer (CURL_ERROR_SIZE bytes), no signals, a 10 s connect timeout and
// the body collected into `body`.
void SetSignedRequestOptions(CURL* curl, const std::string& url, curl_slist* headers, char* error,
                             std::string* body);

}  // namespace cinelake::s3
