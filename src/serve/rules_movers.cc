#include "serve/rules_movers.h"

#include <algorithm>
#include <cstdlib>

#include "serve/rules_top10.h"

namespace cinelake::serve {

std::vector<const FactRow*> Movers(const Day& day, Move move) {
  std::vector<const FactRow*> rows;
  for (const FactRow& r : day.ranked) {
    if (r.joiner || !r.rank_change) continue;
    int c = *r.rank_change;
    if (move == Move::kRaise ? c < 0 : (c > 0 && c != 999)) rows.push_back(&r);
  }
  std::stable_sort(rows.begin(), rows.end(), [](const FactRow* a, const FactRow* b) {
    return std::abs(*a->rank_change) > std::abs(*b->rank_change);  // ties keep rank order
  });
  if (rows.size() > static_cast<size_t>(kTopN)) rows.resize(kTopN);
  return rows;
}

}  // namespace cinelake::serve
