// The API configuration a pipeline-facing command uses for one date: the
// --config file and the environment (sources/api_config.h), recordings, then
// the sandbox's own keys when --sandbox points at one. Without a sandbox or
// recordings, both keys must be set: InvalidArgument names the variables.
// Called from the CLI thread; reads the environment.
#pragma once

#include <string>

#include "cli/command.h"
#include "common/date.h"
#include "common/status.h"
#include "sources/api_config.h"

namespace cinelake {

Result<ApiConfig> ApiConfigFor(const LakeOptions& lake, Date date, const std::string& record_dir = {},
                               const std::string& replay_dir = {});

}  // namespace cinelake
