// Test hooks: deterministic points where the node suites interrupt a run.
//
// Read from the environment, unset in production (each hook is then one
// getenv per call and does nothing):
//   CINELAKE_CRASH_AT_WRITE=N    SIGKILL in the middle of the Nth atomic lake
//                                write (temporary file written, not renamed)
//   CINELAKE_SIGNAL_AT_WRITE=N   raise CINELAKE_SIGNAL at that same point
//   CINELAKE_SIGNAL_AT_WRITE_TO=S raise it at the first such write whose
//                                lake path contains S: parallel branches
//                                interleave their writes, so only a path
//                                names one stage's write on every run
//   CINELAKE_SIGNAL_AT_REQUEST=N raise CINELAKE_SIGNAL just before the Nth
//                                API request would be sent
//   CINELAKE_SIGNAL=TERM|INT     the signal to raise (default TERM)
// Counts are per process (a forked child starts again from zero) and shared
// by every thread. When a signal is raised, one line on stderr names the
// point ("test hook: SIGTERM at write 12: gold/dim_content/...") so a test
// can tell which stage it landed in. Thread-safe.
#pragma once

#include <string_view>

namespace cinelake {

// Called by Storage between writing an atomic file's temporary copy and
// renaming it into place; `path` is the lake-relative destination.
void TestHookInsideWrite(std::string_view path);

// Called by the API clients just before each HTTP request (retries
// included); `what` names it ("tmdb GET /movie/1").
void TestHookBeforeRequest(std::string_view what);

}  // namespace cinelake
