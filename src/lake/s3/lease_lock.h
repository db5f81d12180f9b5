// LeaseLock: the lake lock on an object store, where flock() does not exist.
//
// The lease is the object <lake>/_runs/lease.json: {holder, host, pid,
// token, expires_at_micros, released}. Taking it is a conditional PUT that
// only succeeds if no lease exists (If-None-Match: *). If one exists, it is
// taken over only when it is released, expired, or held by a process of this
// host that no longer runs, and only by a compare-and-swap (If-Match on the
// ETag read): of two runs racing for it, exactly one PUT succeeds. While held,
// a thread renews the lease (again by If-Match on our last ETag) every third
// of its lifetime; the destructor stops it and marks the lease released.
//
// Lifetime: 60 s, CINELAKE_S3_LEASE_SECONDS to change it. A holder whose
// renewals fail for a whole lifetime loses the lease: lost() turns true and
// an error is logged (the run then fails its next write, since another run
// may be writing). While held, the storage is told it is the lake's only
// writer (S3Storage::BeginSoleWriter), and told again when it is not.
// Thread-safe.
#pragma once

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "common/status.h"
#include "lake/s3/s3_storage.h"

namespace cinelake::s3 {

class LeaseLock {
 public:
  static constexpr const char* kLeasePath = "_runs/lease.json";

  // Busy if another live run holds the lease, naming it.
  static Result<std::unique_ptr<LeaseLock>> Acquire(S3Storage* storage, const std::string& purpose);
  ~LeaseLock();
  LeaseLock(const LeaseLock&) = delete;
  LeaseLock& operator=(const LeaseLock&) = delete;

  // True when an expired or dead holder's lease was taken over.
  bool found_stale() const { return found_stale_; }
  bool lost() const { return lost_.load(); }

 private:
  LeaseLock(S3Storage* storage, std::string etag, std::string record_base, int64_t lifetime_micros);
  std::string Record(int64_t expires_at, bool released) const;
  void RenewLoop();

  S3Storage* storage_;
  std::string record_base_;  // the JSON fields that never change
  int64_t lifetime_micros_;
  bool found_stale_ = false;
  std::atomic<bool> lost_{false};
  std::mutex mu_;
  std::condition_variable stop_cv_;
  bool stopping_ = false;
  std::string etag_;  // guarded by mu_
  std::thread renewer_;
};

}  // namespace cinelake::s3
