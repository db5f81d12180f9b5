#include "orchestrator/lake_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "common/date.h"

namespace cinelake {

Result<std::unique_ptr<LakeLock>> LakeLock::Acquire(const std::string& lake_root,
                                                    const std::string& purpose) {
  std::error_code ec;
  std::filesystem::create_directories(lake_root + "/_runs", ec);
  if (ec) return Status::IOError("create " + lake_root + "/_runs: " + ec.message());
  std::string path = lake_root + "/_runs/lock";
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return Status::IOError("open " + path + ": " + std::strerror(errno));
  auto read_holder = [&] {
    char buf[512] = {0};
    ssize_t n = ::pread(fd, buf, sizeof buf - 1, 0);
    std::string s(buf, n > 0 ? static_cast<size_t>(n) : 0);
    while (!s.empty() && (s.back() == '\n' || s.back() == '\0')) s.pop_back();
    return s;
  };
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    int err = errno;
    std::string holder = read_holder();
    ::close(fd);
    if (err == EWOULDBLOCK) {
      return Status::Busy("the lake " + lake_root + " is locked by another cinelake process (" +
                          (holder.empty() ? "unknown holder" : holder) + ")");
    }
    return Status::IOError("lock " + path + ": " + std::strerror(err));
  }
  std::string previous = read_holder();
  std::unique_ptr<LakeLock> lock(new LakeLock(fd, path));
  lock->found_stale_ = !previous.empty();
  char host[256] = {0};
  ::gethostname(host, sizeof host - 1);
  std::string record = "pid " + std::to_string(::getpid()) + " on " + host + " since " +
                       FormatTimestampMicros(NowMicros()) + " (" + purpose + ")\n";
  if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, record.data(), record.size(), 0) < 0) {
    return Status::IOError("write " + path + ": " + std::strerror(errno));
  }
  return lock;
}

Result<std::unique_ptr<LakeLock>> LakeLock::Acquire(Lake& lake, const std::string& purpose) {
  auto* s3 = dynamic_cast<s3::S3Storage*>(&lake.storage());
  if (s3 == nullptr) return Acquire(lake.Location(), purpose);
  ASSIGN_OR_RETURN(auto lease, s3::LeaseLock::Acquire(s3, purpose));
  std::unique_ptr<LakeLock> lock(new LakeLock(-1, lake.Location(s3::LeaseLock::kLeasePath)));
  lock->lease_ = std::move(lease);
  return lock;
}

LakeLock::~LakeLock() {
  if (fd_ < 0) return;  // the lease releases itself
  // Clear the holder record first so the next run does not report a stale lock.
  if (::ftruncate(fd_, 0) != 0) {
    // Nothing useful to do: the flock is released by close() regardless.
  }
  ::flock(fd_, LOCK_UN);
  ::close(fd_);
}

}  // namespace cinelake
