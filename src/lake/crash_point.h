// Crash testing: CINELAKE_CRASH_AT_WRITE=N makes the process SIGKILL itself
// in the middle of its Nth atomic write, the worst moment for a crash: for a
// local folder the temporary file is written and not yet renamed; for an
// object store the body is not yet (or only partly, as multipart parts)
// uploaded. Unset in production. The count is per process: a forked child
// starts again from zero. Thread-safe.
#pragma once

namespace cinelake {

void MaybeCrashForTest();

}  // namespace cinelake
