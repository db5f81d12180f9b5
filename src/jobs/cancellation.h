// How a stage stops when the run is cancelled (SIGINT/SIGTERM).
//
// A cancelled API call is never an answer: a stage that sees one, or sees the
// run's cancel flag, returns Status::Aborted before writing anything from
// that batch, so no "not found", NULL or partial table stands in for an
// answer that never came. The orchestrator records the step as interrupted
// and a later run redoes it. Stages also check between their lake writes.
//
// Thread-safety: the cancel flag is atomic; any stage thread may poll it.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "jobs/job_context.h"
#include "sources/fetched.h"

namespace cinelake {

// Aborted naming `what` when the run is being cancelled, else OK.
inline Status StopIfCancelled(const JobContext& ctx, const std::string& what) {
  if (ctx.Cancelled()) return Status::Aborted(what + " interrupted; run again to resume");
  return Status::OK();
}

// Aborted when the run is being cancelled or any call of `calls` was cut by
// a cancellation (its own message, which names the request), else OK.
template <typename T>
Status StopIfCancelled(const JobContext& ctx, const std::vector<Fetched<T>>& calls, const std::string& what) {
  for (const auto& c : calls) {
    if (c.status().code() == Status::Code::kAborted)
      return Status::Aborted(what + " interrupted (" + c.status().message() + "); run again to resume");
  }
  return StopIfCancelled(ctx, what);
}

}  // namespace cinelake
