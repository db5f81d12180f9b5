#include "lake/storage.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "lake/crash_point.h"

namespace cinelake {
namespace fs = std::filesystem;

namespace {

Status Errno(const std::string& what, const std::string& where) {
  return Status::IOError(what + " " + where + ": " + std::strerror(errno));
}

Status FsyncPath(const std::string& path, bool directory) {
  int fd = ::open(path.c_str(), directory ? (O_RDONLY | O_DIRECTORY) : O_RDONLY);
  if (fd < 0) return Errno("open", path);
  int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) return Errno("fsync", path);
  return Status::OK();
}

}  // namespace

std::string LocalStorage::Location(const std::string& path) const {
  if (path.empty()) return root_;
  return root_ + "/" + path;
}

Status LocalStorage::Read(const std::string& path, std::string* out) const {
  std::string full = Location(path);
  int fd = ::open(full.c_str(), O_RDONLY);
  if (fd < 0) {
    if (errno == ENOENT) return Status::NotFound(full + ": no such file");
    return Errno("open", full);
  }
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    ::close(fd);
    return Errno("stat", full);
  }
  out->resize(static_cast<size_t>(st.st_size));
  size_t done = 0;
  while (done < out->size()) {
    ssize_t n = ::read(fd, out->data() + done, out->size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ::close(fd);
      return n == 0 ? Status::IOError(full + ": file shrank while reading") : Errno("read", full);
    }
    done += static_cast<size_t>(n);
  }
  ::close(fd);
  return Status::OK();
}

Status LocalStorage::WriteAtomic(const std::string& path, std::string_view data) {
  static std::atomic<uint64_t> counter{0};
  std::string full = Location(path);
  fs::path target(full);
  std::error_code ec;
  fs::create_directories(target.parent_path(), ec);
  if (ec) return Status::IOError("create folder " + target.parent_path().string() + ": " + ec.message());
  // Hidden temporary beside the target: same file system, so rename is atomic,
  // and query engines skip dot-files when they list a table's folder.
  std::string tmp_name = ".";
  tmp_name += target.filename().string();
  tmp_name += ".tmp." + std::to_string(::getpid()) + "." + std::to_string(counter.fetch_add(1));
  std::string tmp = (target.parent_path() / tmp_name).string();
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return Errno("create", tmp);
  size_t done = 0;
  while (done < data.size()) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      Status st = Errno("write", tmp);
      ::close(fd);
      ::unlink(tmp.c_str());
      return st;
    }
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0) {
    Status st = Errno("fsync", tmp);
    ::close(fd);
    ::unlink(tmp.c_str());
    return st;
  }
  ::close(fd);
  MaybeCrashForTest();
  if (::rename(tmp.c_str(), full.c_str()) != 0) {
    Status st = Errno("rename to", full);
    ::unlink(tmp.c_str());
    return st;
  }
  return FsyncPath(target.parent_path().string(), true);
}

Result<std::vector<std::string>> LocalStorage::List(const std::string& dir) const {
  std::vector<std::string> names;
  std::string full = Location(dir);
  std::error_code ec;
  if (!fs::is_directory(full, ec)) return names;
  for (fs::directory_iterator it(full, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (!name.empty() && name[0] != '.') names.push_back(std::move(name));
  }
  if (ec) return Status::IOError("list " + full + ": " + ec.message());
  std::sort(names.begin(), names.end());
  return names;
}

bool LocalStorage::Exists(const std::string& path) const {
  std::error_code ec;
  return fs::exists(Location(path), ec);
}

Result<int> LocalStorage::RemoveTemporaryFiles() {
  int removed = 0;
  std::error_code ec;
  if (!fs::is_directory(root_, ec)) return 0;
  for (fs::recursive_directory_iterator it(root_, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (it->is_regular_file(ec) && name.size() > 1 && name[0] == '.' &&
        name.find(".tmp.") != std::string::npos) {
      fs::remove(it->path(), ec);
      if (!ec) ++removed;
    }
  }
  if (ec) return Status::IOError("clean temporary files under " + root_ + ": " + ec.message());
  return removed;
}

Status LocalStorage::Remove(const std::string& path) {
  std::error_code ec;
  fs::remove_all(Location(path), ec);
  if (ec) return Status::IOError("remove " + Location(path) + ": " + ec.message());
  return Status::OK();
}

}  // namespace cinelake
