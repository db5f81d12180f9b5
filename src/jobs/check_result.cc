#include "jobs/check_result.h"

#include "common/enum_names.h"

namespace cinelake {

namespace {

constexpr EnumName<CheckStatus> kCheckStatusNames[] = {
    {CheckStatus::kPass, "pass"}, {CheckStatus::kWarn, "warn"}, {CheckStatus::kFail, "fail"}};

}  // namespace

const char* CheckStatusName(CheckStatus s) {
  return NameOf(kCheckStatusNames, s);
}

std::optional<CheckStatus> ParseCheckStatus(std::string_view text) {
  return ValueNamed(kCheckStatusNames, text);
}

}  // namespace cinelake
