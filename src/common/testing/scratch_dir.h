// ScratchDir: a test's own empty folder under the system temp directory,
// removed with everything in it when the ScratchDir goes out of scope.
//
// The name carries the tag, the process id and a per-process counter, so
// tests of one binary, and ctest running binaries in parallel, never share a
// folder. Test-only; not thread-safe (one owner). Failing to create the
// folder throws (gtest reports it as the test's failure).
#pragma once

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <string>
#include <string_view>

namespace cinelake::testing {

class ScratchDir {
 public:
  explicit ScratchDir(std::string_view tag) : path_(NewPath(tag)) {
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ignored;  // a destructor must not throw; leftovers live in /tmp
    std::filesystem::remove_all(path_, ignored);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::string str() const { return path_.string(); }

 private:
  static std::filesystem::path NewPath(std::string_view tag) {
    static std::atomic<int> counter{0};
    return std::filesystem::temp_directory_path() /
           ("cinelake-" + std::string(tag) + "-" + std::to_string(::getpid()) + "-" +
            std::to_string(counter++));
  }

  std::filesystem::path path_;
};

}  // namespace cinelake::testing
