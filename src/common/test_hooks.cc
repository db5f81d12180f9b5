#include "common/test_hooks.h"

#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string>

namespace cinelake {
namespace {

// A per-process event counter: the Nth event of the process, counting from
// one, restarting in a forked child (whose pid differs from the counter's).
// One mutex: the first events of a run come from parallel branches at once,
// and a check-then-reset without it could hand two of them the same number.
class ProcessCounter {
 public:
  long Next() {
    std::lock_guard<std::mutex> lock(mu_);
    pid_t me = ::getpid();
    if (owner_ != me) {
      owner_ = me;
      count_ = 0;
    }
    return ++count_;
  }

 private:
  std::mutex mu_;
  long count_ = 0;
  pid_t owner_ = 0;
};

long EnvNumber(const char* name) {
  const char* v = std::getenv(name);
  return v == nullptr ? 0 : std::strtol(v, nullptr, 10);
}

int SignalToRaise() {
  const char* v = std::getenv("CINELAKE_SIGNAL");
  if (v != nullptr && (std::strcmp(v, "INT") == 0 || std::strcmp(v, "SIGINT") == 0)) return SIGINT;
  return SIGTERM;
}

void RaiseAt(const char* kind, long n, std::string_view what) {
  int sig = SignalToRaise();
  std::string line = std::string("test hook: ") + (sig == SIGINT ? "SIGINT" : "SIGTERM") + " at " + kind +
                     " " + std::to_string(n) + ": " + std::string(what) + "\n";
  // Straight to the descriptor: the hook must not depend on the log level.
  // The test reads this line to know where the signal landed, so a write cut
  // short (EINTR, or EAGAIN on a pipe the reader made non-blocking) goes on.
  for (size_t done = 0, tries = 0; done < line.size() && tries < 1000; ++tries) {
    ssize_t n = ::write(STDERR_FILENO, line.data() + done, line.size() - done);
    if (n > 0) {
      done += static_cast<size_t>(n);
    } else if (n < 0 && errno != EINTR && errno != EAGAIN) {
      break;
    } else {
      ::usleep(1000);
    }
  }
  ::raise(sig);
}

}  // namespace

void TestHookInsideWrite(std::string_view path) {
  long crash_at = EnvNumber("CINELAKE_CRASH_AT_WRITE");
  long signal_at = EnvNumber("CINELAKE_SIGNAL_AT_WRITE");
  const char* signal_to = std::getenv("CINELAKE_SIGNAL_AT_WRITE_TO");
  bool by_path = signal_to != nullptr && *signal_to != '\0';
  if (crash_at <= 0 && signal_at <= 0 && !by_path) return;
  static ProcessCounter writes;
  static std::atomic<bool> raised_by_path{false};
  long n = writes.Next();
  if (n == crash_at) ::raise(SIGKILL);
  if (n == signal_at) RaiseAt("write", n, path);
  if (by_path && path.find(signal_to) != std::string_view::npos && !raised_by_path.exchange(true)) {
    RaiseAt("write", n, path);
  }
}

void TestHookBeforeRequest(std::string_view what) {
  long signal_at = EnvNumber("CINELAKE_SIGNAL_AT_REQUEST");
  if (signal_at <= 0) return;
  static ProcessCounter requests;
  long n = requests.Next();
  if (n == signal_at) RaiseAt("request", n, what);
}

}  // namespace cinelake
