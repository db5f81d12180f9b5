#include "cli/command.h"

namespace cinelake {

void RegisterPipelineCommands(CLI::App& app) {
  for (const char* name : {"run", "backfill", "status"}) {
    auto* cmd = app.add_subcommand(name, std::string("Pipeline: ") + name);
    cmd->callback([name] {
      std::fprintf(stderr, "cinelake %s: not implemented yet\n", name);
      Exit(kExitFailure);
    });
  }
}

}  // namespace cinelake
