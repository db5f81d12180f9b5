#include "jobs/check_result.h"

namespace cinelake {

const char* CheckStatusName(CheckStatus s) {
  switch (s) {
    case CheckStatus::kPass: return "pass";
    case CheckStatus::kWarn: return "warn";
    case CheckStatus::kFail: return "fail";
  }
  return "?";
}

bool ParseCheckStatus(const std::string& text, CheckStatus* out) {
  for (CheckStatus s : {CheckStatus::kPass, CheckStatus::kWarn, CheckStatus::kFail}) {
    if (text == CheckStatusName(s)) {
      *out = s;
      return true;
    }
  }
  return false;
}

}  // namespace cinelake
