#include "common/test_hooks.h"

#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace cinelake {
namespace {

// A per-process event counter: the Nth event of the process, counting from
// one, restarting in a forked child (whose pid differs from the counter's).
class ProcessCounter {
 public:
  long Next() {
    pid_t me = ::getpid();
    if (owner_.exchange(me) != me) count_ = 0;
    return count_.fetch_add(1) + 1;
  }

 private:
  std::atomic<long> count_{0};
  std::atomic<pid_t> owner_{0};
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
  ssize_t ignored = ::write(STDERR_FILENO, line.data(), line.size());
  (void)ignored;
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
