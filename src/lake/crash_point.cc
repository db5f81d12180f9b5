#include "lake/crash_point.h"

#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdlib>

namespace cinelake {

void MaybeCrashForTest() {
  static std::atomic<long> writes{0};
  static std::atomic<pid_t> owner{0};
  const char* v = std::getenv("CINELAKE_CRASH_AT_WRITE");
  if (v == nullptr) return;
  pid_t me = ::getpid();
  if (owner.exchange(me) != me) writes = 0;
  long crash_at = std::strtol(v, nullptr, 10);
  if (crash_at > 0 && writes.fetch_add(1) + 1 == crash_at) ::raise(SIGKILL);
}

}  // namespace cinelake
