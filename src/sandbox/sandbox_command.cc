#include "cli/command.h"

namespace cinelake {

void RegisterSandboxCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand("sandbox", "Serve the offline stand-in for the IMDB and TMDB APIs");
  cmd->callback([] {
    std::fprintf(stderr, "cinelake sandbox: not implemented yet\n");
    Exit(kExitFailure);
  });
}

}  // namespace cinelake
