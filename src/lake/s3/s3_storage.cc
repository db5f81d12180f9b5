#include "lake/s3/s3_storage.h"

#include <algorithm>
#include <cstdlib>
#include <set>

#include "common/log.h"
#include "common/test_hooks.h"
#include "lake/s3/digest.h"
#include "lake/s3/sigv4.h"
#include "lake/s3/xml_text.h"

namespace cinelake::s3 {
namespace {

constexpr size_t kMinPartBytes = 5u << 20;  // S3's smallest part but the last
constexpr size_t kDefaultMultipartBytes = 8u << 20;
constexpr long long kDefaultCacheBytes = 64ll << 20;

size_t MultipartThreshold() {
  const char* v = std::getenv("CINELAKE_S3_MULTIPART_BYTES");
  if (v == nullptr || *v == '\0') return kDefaultMultipartBytes;
  long long n = std::atoll(v);
  return n > 0 ? static_cast<size_t>(n) : kDefaultMultipartBytes;
}

// The sole writer's byte budget: CINELAKE_S3_CACHE_BYTES, 0 for no cache.
long long CacheBudget() {
  const char* v = std::getenv("CINELAKE_S3_CACHE_BYTES");
  if (v == nullptr || *v == '\0') return kDefaultCacheBytes;
  return std::max(0ll, std::atoll(v));
}

// The key prefix of a folder's contents: "a/b/", or "" for the bucket's root.
std::string FolderPrefix(std::string key) {
  if (!key.empty()) key += '/';
  return key;
}

bool Hidden(const std::string& name) {
  return name.empty() || name[0] == '.';
}

// Body checksum headers every PUT carries.
void AddChecksums(std::string_view data, std::map<std::string, std::string>* headers) {
  (*headers)["content-md5"] = Md5Base64(data);
  (*headers)["x-amz-checksum-sha256"] = Base64(Sha256(data));
  (*headers)["content-type"] = "application/octet-stream";
}

}  // namespace

Result<std::unique_ptr<S3Storage>> S3Storage::Open(const std::string& url) {
  ASSIGN_OR_RETURN(S3Url parsed, ParseS3Url(url));
  ASSIGN_OR_RETURN(S3Settings settings, ResolveS3SettingsFromEnvironment());
  return std::make_unique<S3Storage>(std::move(settings), std::move(parsed));
}

S3Storage::S3Storage(S3Settings settings, S3Url url)
    : client_(std::move(settings), url.bucket),
      url_(std::move(url)),
      multipart_bytes_(MultipartThreshold()) {}

S3Storage::~S3Storage() {
  if (puts_.load() > 0)
    spdlog::info("s3: {} PUTs, {} bytes uploaded to {}", puts_.load(), bytes_uploaded_.load(),
                 url_.ToString());
  std::string requests = client_.RequestSummary();
  if (!requests.empty()) spdlog::debug("s3: requests to {}: {}", url_.ToString(), requests);
}

std::shared_ptr<SoleWriterCache> S3Storage::cache() const {
  std::lock_guard<std::mutex> lock(cache_mu_);
  return cache_;
}

void S3Storage::ForgetCache() {
  std::lock_guard<std::mutex> lock(cache_mu_);
  cache_.reset();
}

void S3Storage::BeginSoleWriter() {
  long long budget = CacheBudget();
  if (budget == 0 || fenced_.load()) return;
  ForgetCache();
  auto keys = ListRecursive("");
  if (!keys.ok()) {
    spdlog::debug("s3: no cache of {}: {}", url_.ToString(), keys.status().ToString());
    return;
  }
  auto made = std::make_shared<SoleWriterCache>(*keys, static_cast<size_t>(budget));
  std::lock_guard<std::mutex> lock(cache_mu_);
  cache_ = std::move(made);
}

void S3Storage::EndSoleWriter() {
  ForgetCache();
}

std::string S3Storage::Key(const std::string& path) const {
  if (url_.prefix.empty()) return path;
  return path.empty() ? url_.prefix : url_.prefix + "/" + path;
}

std::string S3Storage::Location(const std::string& path) const {
  std::string base = url_.ToString();
  return path.empty() ? base : base + "/" + path;
}

Result<S3Response> S3Storage::Expect(const S3Request& request, std::initializer_list<long> ok) const {
  ASSIGN_OR_RETURN(S3Response response, client_.Send(request));
  if (std::find(ok.begin(), ok.end(), response.status) == ok.end())
    return client_.ErrorFor(request, response);
  return response;
}

Result<std::pair<std::string, std::string>> S3Storage::ReadWithEtag(const std::string& path) const {
  S3Request request{"GET", Key(path), {}, {{"x-amz-checksum-mode", "ENABLED"}}, {}};
  ASSIGN_OR_RETURN(S3Response response, client_.Send(request));
  if (response.status == 404) return Status::NotFound(Location(path) + ": no such object");
  if (response.status != 200) return client_.ErrorFor(request, response);
  // A whole-object checksum (a multipart one ends in "-<parts>" and covers
  // the parts' checksums, not the body).
  std::string stored = response.Header("x-amz-checksum-sha256");
  if (!stored.empty() && stored.find('-') == std::string::npos && stored != Base64(Sha256(response.body))) {
    return Status::Corruption(Location(path) + ": the body read does not match its stored SHA-256 checksum");
  }
  return std::make_pair(std::move(response.body), response.Header("etag"));
}

Status S3Storage::Read(const std::string& path, std::string* out) const {
  auto kept = cache();
  if (kept != nullptr) {
    if (!kept->Exists(path)) return Status::NotFound(Location(path) + ": no such object");
    if (auto bytes = kept->Bytes(path)) {
      *out = std::move(*bytes);
      return Status::OK();
    }
  }
  ASSIGN_OR_RETURN(auto got, ReadWithEtag(path));
  *out = std::move(got.first);
  if (kept != nullptr) kept->Read(path, *out);
  return Status::OK();
}

Status S3Storage::PutWhole(const std::string& key, std::string_view data) {
  S3Request request{"PUT", key, {}, {}, data};
  AddChecksums(data, &request.headers);
  TestHookInsideWrite(key);
  RETURN_IF_ERROR(Expect(request, {200}).status());
  bytes_uploaded_ += static_cast<int64_t>(data.size());
  ++puts_;
  return Status::OK();
}

Status S3Storage::PutMultipart(const std::string& key, std::string_view data) {
  S3Request create{"POST",
                   key,
                   {{"uploads", ""}},
                   {{"content-type", "application/octet-stream"}, {"x-amz-checksum-algorithm", "SHA256"}},
                   {}};
  ASSIGN_OR_RETURN(S3Response created, Expect(create, {200}));
  std::string upload_id = XmlText(created.body, "UploadId");
  if (upload_id.empty()) return Status::IOError(client_.Describe(create) + ": the answer has no UploadId");
  auto abort = [&] {
    S3Request request{"DELETE", key, {{"uploadId", upload_id}}, {}, {}};
    (void)client_.Send(request);  // best effort: RemoveTemporaryFiles retries it
  };
  size_t part_bytes = std::max(multipart_bytes_, kMinPartBytes);
  std::string manifest = "<CompleteMultipartUpload>";
  int part = 0;
  for (size_t offset = 0; offset < data.size() || part == 0; offset += part_bytes) {
    ++part;
    std::string_view chunk = data.substr(offset, part_bytes);
    S3Request request{"PUT", key, {{"partNumber", std::to_string(part)}, {"uploadId", upload_id}}, {}, chunk};
    AddChecksums(chunk, &request.headers);
    request.headers.erase("content-type");
    auto sent = Expect(request, {200});
    if (!sent.ok()) {
      abort();
      return sent.status();
    }
    bytes_uploaded_ += static_cast<int64_t>(chunk.size());
    ++puts_;
    manifest += "<Part><PartNumber>" + std::to_string(part) + "</PartNumber><ETag>" +
                XmlEscape(sent->Header("etag")) + "</ETag><ChecksumSHA256>" + Base64(Sha256(chunk)) +
                "</ChecksumSHA256></Part>";
    if (offset + part_bytes >= data.size()) break;
  }
  manifest += "</CompleteMultipartUpload>";
  TestHookInsideWrite(key);
  S3Request complete{"POST", key, {{"uploadId", upload_id}}, {{"content-type", "application/xml"}}, manifest};
  auto done = Expect(complete, {200});
  // S3 may answer 200 and put the failure in the body.
  if (done.ok() && !XmlText(done->body, "Code").empty() && XmlElements(done->body, "ETag").empty()) {
    done = client_.ErrorFor(complete, *done);
  }
  if (!done.ok()) {
    abort();
    return done.status();
  }
  return Status::OK();
}

void S3Storage::Fence(std::string reason) {
  ForgetCache();
  if (fenced_.load()) return;
  fence_reason_ = std::move(reason);
  fenced_ = true;
}

Status S3Storage::WriteAtomic(const std::string& path, std::string_view data) {
  if (fenced_.load()) return Status::Aborted(Location(path) + ": not written: " + fence_reason_);
  std::string key = Key(path);
  auto kept = cache();
  Status st = data.size() >= multipart_bytes_ ? PutMultipart(key, data) : PutWhole(key, data);
  if (!st.ok()) {
    ForgetCache();
    return st;
  }
  if (kept != nullptr) kept->Written(path, data);
  return Status::OK();
}

Result<std::string> S3Storage::PutIf(const std::string& path, std::string_view data, Condition condition,
                                     const std::string& etag) {
  S3Request request{"PUT", Key(path), {}, {}, data};
  AddChecksums(data, &request.headers);
  if (condition == Condition::kIfAbsent) {
    request.headers["if-none-match"] = "*";
  } else {
    request.headers["if-match"] = etag;
  }
  auto kept = cache();
  auto response = client_.Send(request);
  if (response.ok() && (response->status == 412 || response->status == 409))
    return Status::Busy(Location(path) + ": changed by someone else (precondition failed)");
  if (!response.ok() || response->status != 200) {
    ForgetCache();
    return response.ok() ? client_.ErrorFor(request, *response) : response.status();
  }
  bytes_uploaded_ += static_cast<int64_t>(data.size());
  ++puts_;
  if (kept != nullptr) kept->Written(path, data);
  return response->Header("etag");
}

namespace {

struct ListPage {
  std::vector<std::string> keys;
  std::vector<std::string> prefixes;
};

}  // namespace

// Pages through ListObjectsV2 until IsTruncated is false.
static Result<ListPage> ListAll(const S3Client& client, const std::string& prefix, bool delimited) {
  ListPage all;
  std::string token;
  for (int page = 0;; ++page) {
    S3Request request{"GET", "", {{"list-type", "2"}, {"prefix", prefix}}, {}, {}};
    if (delimited) request.query.emplace_back("delimiter", "/");
    if (!token.empty()) request.query.emplace_back("continuation-token", token);
    ASSIGN_OR_RETURN(S3Response response, client.Send(request));
    if (response.status != 200) return client.ErrorFor(request, response);
    for (std::string_view contents : XmlElements(response.body, "Contents"))
      all.keys.push_back(XmlText(contents, "Key"));
    for (std::string_view common : XmlElements(response.body, "CommonPrefixes"))
      all.prefixes.push_back(XmlText(common, "Prefix"));
    if (XmlText(response.body, "IsTruncated") != "true") break;
    token = XmlText(response.body, "NextContinuationToken");
    if (token.empty())
      return Status::IOError(client.Describe(request) +
                             ": a truncated listing without NextContinuationToken");
  }
  return all;
}

Result<std::vector<std::string>> S3Storage::List(const std::string& dir) const {
  if (auto kept = cache()) return kept->List(dir);
  std::string prefix = FolderPrefix(Key(dir));
  ASSIGN_OR_RETURN(ListPage page, ListAll(client_, prefix, true));
  std::set<std::string> names;
  for (const auto& key : page.keys) {
    std::string name = key.substr(prefix.size());
    if (!Hidden(name) && name.find('/') == std::string::npos) names.insert(name);
  }
  for (const auto& p : page.prefixes) {
    std::string name = p.substr(prefix.size());
    if (!name.empty() && name.back() == '/') name.pop_back();
    if (!Hidden(name)) names.insert(name);
  }
  return std::vector<std::string>(names.begin(), names.end());
}

Result<std::vector<std::string>> S3Storage::ListRecursive(const std::string& dir) const {
  if (auto kept = cache()) return kept->Below(dir);
  std::string prefix = FolderPrefix(Key(dir));
  ASSIGN_OR_RETURN(ListPage page, ListAll(client_, prefix, false));
  std::vector<std::string> out;
  std::string root = url_.prefix.empty() ? "" : url_.prefix + "/";
  for (const auto& key : page.keys) out.push_back(key.substr(root.size()));
  return out;
}

bool S3Storage::Exists(const std::string& path) const {
  if (auto kept = cache()) return kept->Exists(path);
  S3Request request{"HEAD", Key(path), {}, {}, {}};
  auto response = client_.Send(request);
  return response.ok() && response->status == 200;
}

Status S3Storage::Remove(const std::string& path) {
  auto kept = cache();
  ASSIGN_OR_RETURN(std::vector<std::string> below, ListRecursive(path));
  // Without the cache `path` itself is deleted whether or not it is an object.
  if (kept == nullptr || kept->Exists(path)) below.push_back(path);
  for (const auto& p : below) {
    S3Request request{"DELETE", Key(p), {}, {}, {}};
    Status st = Expect(request, {204, 200, 404}).status();
    if (!st.ok()) {
      ForgetCache();
      return st;
    }
  }
  if (kept != nullptr) kept->Removed(path);
  return Status::OK();
}

Status S3Storage::Copy(const std::string& from, const std::string& to) {
  S3Request request{"PUT", Key(to), {}, {}, {}};
  request.headers["x-amz-copy-source"] = "/" + url_.bucket + "/" + UriEncode(Key(from), true);
  // A fresh whole-body checksum for the copy: a multipart source's composite
  // one does not describe the body (moto even stores it on the copy without
  // its "-<parts>" suffix, so a GET of the copy would refuse the body).
  request.headers["x-amz-checksum-algorithm"] = "SHA256";
  auto kept = cache();
  auto response = Expect(request, {200});
  if (!response.ok() || response->body.find("<Error>") != std::string::npos) ForgetCache();
  if (!response.ok()) {
    if (response.status().IsNotFound()) return Status::NotFound(Location(from) + ": no such object to copy");
    return response.status().WithContext("copy " + Location(from) + " to " + Location(to));
  }
  // CopyObject can fail after answering 200: the error is then in the body.
  if (response->body.find("<Error>") != std::string::npos) {
    return Status::IOError("copy " + Location(from) + " to " + Location(to) + ": " +
                           std::string(XmlText(response->body, "Message")));
  }
  if (kept != nullptr) kept->Copied(to);
  return Status::OK();
}

Result<int> S3Storage::RemoveTemporaryFiles() {
  std::string prefix = url_.prefix.empty() ? "" : url_.prefix + "/";
  int aborted = 0;
  std::string key_marker, upload_marker;
  while (true) {
    S3Request request{"GET", "", {{"uploads", ""}, {"prefix", prefix}}, {}, {}};
    if (!key_marker.empty()) request.query.emplace_back("key-marker", key_marker);
    if (!upload_marker.empty()) request.query.emplace_back("upload-id-marker", upload_marker);
    ASSIGN_OR_RETURN(S3Response response, Expect(request, {200}));
    for (std::string_view upload : XmlElements(response.body, "Upload")) {
      S3Request abort{"DELETE", XmlText(upload, "Key"), {{"uploadId", XmlText(upload, "UploadId")}}, {}, {}};
      RETURN_IF_ERROR(Expect(abort, {204, 200, 404}).status());
      ++aborted;
    }
    if (XmlText(response.body, "IsTruncated") != "true") break;
    key_marker = XmlText(response.body, "NextKeyMarker");
    upload_marker = XmlText(response.body, "NextUploadIdMarker");
    if (key_marker.empty()) break;
  }
  return aborted;
}

}  // namespace cinelake::s3
