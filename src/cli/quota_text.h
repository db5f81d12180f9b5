// How `cinelake status` and `cinelake check` word an API plan's standing
// (RapidAPI's x-ratelimit-requests-* headers). Pure; thread-safe.
#pragma once

#include <cstdint>
#include <string>

namespace cinelake {

// "4985 of 5000 requests left, resets in 12 days"; a negative limit or reset
// (not told) leaves that part out.
std::string DescribeQuota(int64_t remaining, int64_t limit, int64_t reset_seconds);

}  // namespace cinelake
