// CheckResult: the outcome of one data-quality check, as a run records it.
//
// A plain value. The quality stage (jobs/quality) produces them, StageMetrics
// carries them to the step graph, and the run manifest keeps them under its
// step ("checks"), so `status`, the dashboard's Runs page, /metrics and the
// notifications all read the same record.
//
// Thread-safety: plain values, no shared state. Errors: ParseCheckStatus returns false on an unknown name.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cinelake {

enum class CheckStatus { kPass, kWarn, kFail };
const char* CheckStatusName(CheckStatus s);  // "pass" / "warn" / "fail"
// nullopt when `text` names no status.
std::optional<CheckStatus> ParseCheckStatus(std::string_view text);

struct CheckResult {
  std::string name;  // "dim_keys_unique"
  CheckStatus status = CheckStatus::kPass;
  double figure = 0;    // what was measured: a count, a rate or a ratio (see the check)
  std::string message;  // why it passed or what breached, naming tables and an example key
};

}  // namespace cinelake
