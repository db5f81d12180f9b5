// cinelake: the daily IMDB/TMDB popularity pipeline, its sandbox and its
// dashboard, as one program. Subcommands are registered by their subsystems.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "cli/command.h"
#include "common/log.h"
#include "common/version.h"

int main(int argc, char** argv) {
  CLI::App app{"cinelake " CINELAKE_VERSION
               " - tracks what people watch: IMDB's most popular titles, enriched from TMDB,\n"
               "in a Parquet lake any SQL engine reads, with a dashboard on top."};
  app.set_version_flag("--version", CINELAKE_VERSION);
  std::string log_level = "info";
  app.add_option("--log-level", log_level, "debug, info, warn, error or off (logs go to stderr)")
      ->capture_default_str();
  app.require_subcommand(1);
  app.fallthrough();

  cinelake::RegisterPipelineCommands(app);
  cinelake::RegisterCheckCommand(app);
  cinelake::RegisterSandboxCommand(app);
  cinelake::RegisterServeCommand(app);
  cinelake::RegisterParquetCommand(app);

  app.parse_complete_callback([&] {
    auto level = cinelake::ParseLogLevel(log_level);
    if (!level.ok()) throw CLI::ValidationError("--log-level", "must be debug, info, warn, error or off");
    cinelake::InitLogging(*level);
  });

  return cinelake::RunCommandLine(app, argc, argv);
}
