// How subsystems plug their subcommands into the cinelake CLI.
//
// Each subsystem owns one Register*Command function that adds its
// subcommand(s) to the app. A command's callback returns an exit code through
// Exit(); ExitCodeFor() maps a Status to the codes documented in the README.
//
// Called from main() only, on one thread.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "common/status.h"

namespace cinelake {

// Exit codes: what a script can rely on.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;        // the work failed (network, corrupt data, ...)
inline constexpr int kExitUsage = 2;          // bad command line, config or date
inline constexpr int kExitBusy = 3;           // another run holds the lake lock
inline constexpr int kExitUnsupported = 4;    // valid input using a feature cinelake does not support
inline constexpr int kExitQuality = 5;        // the run's gold breached a data-quality check set to fail
inline constexpr int kExitInterrupted = 130;  // stopped by a signal; resumable

int ExitCodeFor(const Status& status);

// Prints a failed status on stderr as "cinelake: <message>" and returns its code.
int ReportFailure(const Status& status);

// Ends a command's callback with the given exit code.
[[noreturn]] void Exit(int code);

// Parses the command line and runs the chosen command's callback; returns
// the process exit code (a usage error is kExitUsage, help is 0).
int RunCommandLine(CLI::App& app, int argc, char** argv);

// Options every pipeline-facing command takes.
struct LakeOptions {
  std::string lake = "./lake";
  std::string sandbox;  // URL of a running `cinelake sandbox`; points both APIs at it
  std::string config;   // optional TOML config file
};
void AddLakeOptions(CLI::App* cmd, LakeOptions* options);

void RegisterSandboxCommand(CLI::App& app);
void RegisterPipelineCommands(CLI::App& app);  // run, backfill, status
void RegisterCheckCommand(CLI::App& app);      // check (config, keys, quota)
void RegisterServeCommand(CLI::App& app);
void RegisterParquetCommand(CLI::App& app);  // parquet (inspection)

}  // namespace cinelake
