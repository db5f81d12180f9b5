#include "serve/rules_top10.h"

namespace cinelake::serve {

std::vector<const FactRow*> Top10(const Day& day) {
  std::vector<const FactRow*> out;
  for (size_t i = 0; i < day.ranked.size() && i < static_cast<size_t>(kTopN); ++i)
    out.push_back(&day.ranked[i]);
  return out;
}

}  // namespace cinelake::serve
