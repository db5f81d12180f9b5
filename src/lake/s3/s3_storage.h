// S3Storage: the lake's Storage on an S3 bucket under a prefix.
//
// A path "gold/t/part-00000.parquet" is the object "<prefix>/gold/t/part-00000.parquet".
// WriteAtomic is one PUT, which S3 makes visible only when complete; above
// the multipart threshold (8 MiB, CINELAKE_S3_MULTIPART_BYTES to change it)
// it is a multipart upload, aborted if any part fails, so again nothing
// partial is ever visible. Every PUT carries Content-MD5 (the server refuses
// a body damaged on the way) and x-amz-checksum-sha256; a GET asks for the
// stored checksum and refuses a body that does not match it. Folders are
// key prefixes: List pages through ListObjectsV2 with '/' as delimiter.
// RemoveTemporaryFiles aborts the multipart uploads a killed writer left.
//
// While this process holds the lake lease (BeginSoleWriter to EndSoleWriter,
// which the lease lock calls), a SoleWriterCache answers List, Exists and
// repeated Reads without requests; see sole_writer_cache.h for why that is
// safe and when it is dropped.
//
// Thread-safe (S3Client and the cache are). Errors name the s3:// location.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

#include "lake/s3/s3_client.h"
#include "lake/s3/s3_settings.h"
#include "lake/s3/sole_writer_cache.h"
#include "lake/storage.h"

namespace cinelake::s3 {

class S3Storage final : public Storage {
 public:
  static Result<std::unique_ptr<S3Storage>> Open(const std::string& url);
  S3Storage(S3Settings settings, S3Url url);
  // Logs how many PUTs and bytes the storage sent (info), for the benchmark,
  // and every request by kind with its time (debug).
  ~S3Storage() override;

  Status Read(const std::string& path, std::string* out) const override;
  Status WriteAtomic(const std::string& path, std::string_view data) override;
  Result<std::vector<std::string>> List(const std::string& dir) const override;
  bool Exists(const std::string& path) const override;
  Status Remove(const std::string& path) override;
  // A server-side CopyObject: the bytes never leave the store. The copy gets
  // a whole-body SHA-256 of its own, even when the source was a multipart upload.
  Status Copy(const std::string& from, const std::string& to) override;
  std::string Location(const std::string& path) const override;
  Result<int> RemoveTemporaryFiles() override;

  // Conditional writes for the lease lock. kIfAbsent: If-None-Match: *;
  // kIfMatch: If-Match on `etag`. Returns the new ETag; Busy when the
  // condition does not hold (412, or 409 for a concurrent conditional write).
  enum class Condition { kIfAbsent, kIfMatch };
  Result<std::string> PutIf(const std::string& path, std::string_view data, Condition condition,
                            const std::string& etag);
  // The body and its ETag; NotFound if absent.
  Result<std::pair<std::string, std::string>> ReadWithEtag(const std::string& path) const;
  // Every key below a folder (no delimiter), relative to the lake root.
  Result<std::vector<std::string>> ListRecursive(const std::string& dir) const;

  // After this, every write fails with `reason` (Aborted): the lease lock
  // calls it when it has lost the lake to another run.
  // It also forgets the sole writer's cache.
  void Fence(std::string reason);

  // The lease lock's: from BeginSoleWriter (one recursive listing of the
  // lake) to EndSoleWriter, no other process writes the lake, so listings,
  // existence and bytes already seen are answered from memory. A failed
  // listing leaves the cache off (every call asks the server, as before).
  void BeginSoleWriter();
  void EndSoleWriter();

  // Bytes sent in PUT bodies since the start, for the benchmark.
  int64_t bytes_uploaded() const { return bytes_uploaded_.load(); }

 private:
  std::string Key(const std::string& path) const;
  Status PutWhole(const std::string& key, std::string_view data);
  Status PutMultipart(const std::string& key, std::string_view data);
  Result<S3Response> Expect(const S3Request& request, std::initializer_list<long> ok) const;
  // The cache while the lease is held, else null.
  std::shared_ptr<SoleWriterCache> cache() const;
  // After a failed write, copy or removal: what the store holds is unknown.
  void ForgetCache();

  S3Client client_;
  S3Url url_;
  size_t multipart_bytes_;
  std::atomic<int64_t> bytes_uploaded_{0};
  std::atomic<int64_t> puts_{0};
  std::atomic<bool> fenced_{false};
  std::string fence_reason_;  // written once, before fenced_ is set
  mutable std::mutex cache_mu_;
  std::shared_ptr<SoleWriterCache> cache_;  // guarded by cache_mu_
};

}  // namespace cinelake::s3
