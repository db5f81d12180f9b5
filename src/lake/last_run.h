// The one small object a reader of a remote lake polls to notice a new run
// without listing the lake: rewritten at the end of every successful run
// (orchestrator/run_manifest.h, SaveLastSuccess), read by serve.
//
// Constants only; readers treat an absent object as no successful run yet.
//
// Constants only (thread-safe); a reader treats an absent object as no successful run yet.
#pragma once

namespace cinelake {

inline constexpr const char* kLastRunFile = "_runs/last_success.json";

}  // namespace cinelake
