#include "serve/rules_hidden_gems.h"

#include <algorithm>
#include <optional>

namespace cinelake::serve {

std::vector<Gem> HiddenGems(const GoldSnapshot& s, const Day& day) {
  std::vector<const FactRow*> rows;
  for (const FactRow& r : day.ranked) {
    const Title& t = s.titles[r.title];
    if (t.rating && *t.rating >= 7.0 && t.votes) rows.push_back(&r);
  }
  std::stable_sort(rows.begin(), rows.end(), [&](const FactRow* a, const FactRow* b) {
    return *s.titles[a->title].votes < *s.titles[b->title].votes;  // ties keep rank order
  });
  std::vector<Gem> out;
  int dense = 0;
  std::optional<int64_t> last;
  for (const FactRow* r : rows) {
    int64_t v = *s.titles[r->title].votes;
    if (!last || v != *last) ++dense;
    last = v;
    if (dense > kGemRanks) break;
    out.push_back({r, dense});
  }
  return out;
}

}  // namespace cinelake::serve
