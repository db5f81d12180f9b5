// LakeLock: keeps two runs from writing one lake at once.
//
// An exclusive flock() on <lake>/_runs/lock, held for the life of the object.
// The kernel drops the lock when its holder dies, so a lock left by a killed
// process is stale by construction: the next run takes it and logs that it
// found one. The file also records the holder (pid, host, start time) so a
// refused run can say who holds the lake.
#pragma once

#include <memory>
#include <string>

#include "common/status.h"

namespace cinelake {

class LakeLock {
 public:
  // Busy if a live process holds it, naming that process.
  static Result<std::unique_ptr<LakeLock>> Acquire(const std::string& lake_root, const std::string& purpose);
  ~LakeLock();
  LakeLock(const LakeLock&) = delete;
  LakeLock& operator=(const LakeLock&) = delete;

  // True when the file held a previous holder's record (a dead process's).
  bool found_stale() const { return found_stale_; }

 private:
  LakeLock(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
  int fd_;
  std::string path_;
  bool found_stale_ = false;
};

}  // namespace cinelake
