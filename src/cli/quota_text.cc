#include "cli/quota_text.h"

namespace cinelake {

std::string DescribeQuota(int64_t remaining, int64_t limit, int64_t reset_seconds) {
  std::string out = std::to_string(remaining);
  if (limit >= 0) out += " of " + std::to_string(limit);
  out += remaining == 1 && limit < 0 ? " request left" : " requests left";
  if (reset_seconds >= 0) {
    const int64_t days = (reset_seconds + 86'399) / 86'400;
    out += ", resets in " + std::to_string(days) + (days == 1 ? " day" : " days");
  }
  return out;
}

}  // namespace cinelake
