// CheckResult: the outcome of one data-quality check, as a run records it.
//
// A plain value. The quality stage (jobs/quality) produces them, StageMetrics
// carries them to the step graph, and the run manifest keeps them under its
// step ("checks"), so `status`, the dashboard's Runs page, /metrics and the
// notifications all read the same record.
#pragma once

#include <string>

namespace cinelake {

enum class CheckStatus { kPass, kWarn, kFail };
const char* CheckStatusName(CheckStatus s);  // "pass" / "warn" / "fail"
// False when `text` names no status.
bool ParseCheckStatus(const std::string& text, CheckStatus* out);

struct CheckResult {
  std::string name;  // "dim_keys_unique"
  CheckStatus status = CheckStatus::kPass;
  double figure = 0;    // what was measured: a count, a rate or a ratio (see the check)
  std::string message;  // why it passed or what breached, naming tables and an example key
};

}  // namespace cinelake
