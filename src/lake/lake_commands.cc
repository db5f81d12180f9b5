#include "cli/command.h"

namespace cinelake {

void RegisterLakeCommands(CLI::App& app) {
  auto* cmd = app.add_subcommand("parquet", "Inspect Parquet files (schema, rows)");
  cmd->callback([] {
    std::fprintf(stderr, "cinelake parquet: not implemented yet\n");
    Exit(kExitFailure);
  });
}

}  // namespace cinelake
