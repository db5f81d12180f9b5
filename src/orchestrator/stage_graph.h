// Derives the pipeline's step graph from the stages' declarations.
//
// A stage runs after every other stage that writes a table it reads for
// today (jobs/stage.h); a stage that calls an API gets `api_retry`, the rest
// run once (a bad input will not get better). Nothing about the order is
// written by hand, so a new stage that declares its tables lands in the
// right place, and a branch that needs nothing from another runs beside it.
//
// Errors (Internal: these are programming errors, caught by the unit test
// over the real declarations): two stages writing one table; a kPrevious
// read whose writer does not run downstream of the reader (the reader could
// see the table half updated); duplicate stage names; a cycle.
//
// Thread-safety: pure; builds a new graph each call.
#pragma once

#include <vector>

#include "common/status.h"
#include "jobs/stage.h"
#include "orchestrator/step_graph.h"

namespace cinelake {

[[nodiscard]] Result<StepGraph> DeriveStepGraph(const std::vector<StageDecl>& stages,
                                                const RetryPolicy& api_retry);

}  // namespace cinelake
