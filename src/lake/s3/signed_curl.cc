#include "lake/s3/signed_curl.h"

namespace cinelake::s3 {

size_t AppendBodyToString(char* data, size_t size, size_t n, void* user) {
  static_cast<std::string*>(user)->append(data, size * n);
  return size * n;
}

curl_slist* SignedHeaderList(const CanonicalRequest& canonical, const std::string& authorization) {
  curl_slist* headers = nullptr;
  for (const auto& [name, value] : canonical.headers)
    headers = curl_slist_append(headers, (name + ": " + value).c_str());
  headers = curl_slist_append(headers, ("authorization: " + authorization).c_str());
  return curl_slist_append(headers, "Expect:");
}

void SetSignedRequestOptions(CURL* curl, const std::string& url, curl_slist* headers, char* error,
                             std::string* body) {
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, 10000L);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, AppendBodyToString);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, body);
}

}  // namespace cinelake::s3
