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

void AddLakeOptions(CLI::App* cmd, LakeOptions* options) {
  cmd->add_option("--lake", options->lake, "Lake folder")->capture_default_str();
  cmd->add_option("--sandbox", options->sandbox,
                  "URL of a running 'cinelake sandbox' (points both APIs at it, with its keys)");
  cmd->add_option("--config", options->config, "TOML config file");
}

}  // namespace cinelake
