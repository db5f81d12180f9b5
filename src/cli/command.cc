#include "cli/command.h"

#include <cstdio>

#include "common/log.h"

namespace cinelake {

int ExitCodeFor(const Status& status) {
  switch (status.code()) {
    case Status::Code::kOk: return kExitOk;
    case Status::Code::kInvalidArgument: return kExitUsage;
    case Status::Code::kBusy: return kExitBusy;
    case Status::Code::kNotSupported: return kExitUnsupported;
    case Status::Code::kAborted: return kExitInterrupted;
    case Status::Code::kQualityFailed: return kExitQuality;
    default: return kExitFailure;
  }
}

int ReportFailure(const Status& status) {
  std::string msg = Redact(status.ToString());
  std::fprintf(stderr, "cinelake: %s\n", msg.c_str());
  return ExitCodeFor(status);
}

void Exit(int code) {
  throw CLI::RuntimeError(code);
}

int RunCommandLine(CLI::App& app, int argc, char** argv) {
  try {
    app.parse(argc, argv);
  } catch (const CLI::RuntimeError& e) {
    return e.get_exit_code();
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kExitOk : kExitUsage;
  }
  return kExitOk;
}

void AddLakeOptions(CLI::App* cmd, LakeOptions* options) {
  cmd->add_option("--lake", options->lake, "Lake folder")->capture_default_str();
  cmd->add_option("--sandbox", options->sandbox,
                  "URL of a running 'cinelake sandbox' (points both APIs at it, with its keys)");
  cmd->add_option("--config", options->config, "TOML config file");
}

}  // namespace cinelake
