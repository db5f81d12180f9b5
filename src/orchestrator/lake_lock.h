// LakeLock: keeps two runs from writing one lake at once.
//
// An exclusive flock() on <lake>/_runs/lock, held for the life of the object.
// The kernel drops the lock when its holder dies, so a lock left by a killed
// process is stale by construction: the next run takes it and logs that it
// found one. The file also records the holder (pid, host, start time) so a
// refused run can say who holds the lake.
//
// A lake on S3 has no file to flock: there the lock is a lease object taken
// and renewed by conditional PUTs (lake/s3/lease_lock.h); Acquire(Lake&)
// picks the right one.
//
// Ownership: the lock is held while the LakeLock lives. Thread-safety: one owner thread.
// Errors: Busy (exit code 3) naming the holder when another run holds the lake.
#pragma once

#include <memory>
#include <string>

#include "common/status.h"
#include "lake/lake.h"
#include "lake/s3/lease_lock.h"

namespace cinelake {

class LakeLock {
 public:
  // Busy if a live process holds it, naming that process.
  static Result<std::unique_ptr<LakeLock>> Acquire(const std::string& lake_root, const std::string& purpose);
  // The lake's own kind of lock: the lease on S3, flock on a local folder.
  static Result<std::unique_ptr<LakeLock>> Acquire(Lake& lake, const std::string& purpose);
  ~LakeLock();
  LakeLock(const LakeLock&) = delete;
  LakeLock& operator=(const LakeLock&) = delete;

  // True when the file held a previous holder's record (a dead process's).
  bool found_stale() const { return lease_ ? lease_->found_stale() : found_stale_; }

 private:
  LakeLock(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
  int fd_;  // -1 when lease_ holds the lake
  std::unique_ptr<s3::LeaseLock> lease_;
  std::string path_;
  bool found_stale_ = false;
};

}  // namespace cinelake
