#include "cli/command.h"

namespace cinelake {

void RegisterServeCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand("serve", "Serve the dashboard");
  cmd->callback([] {
    std::fprintf(stderr, "cinelake serve: not implemented yet\n");
    Exit(kExitFailure);
  });
}

}  // namespace cinelake
