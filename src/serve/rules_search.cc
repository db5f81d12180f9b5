#include "serve/rules_search.h"

#include <algorithm>
#include <climits>
#include <string>

#include "serve/fold_case.h"

namespace cinelake::serve {

SearchResult SearchTitles(const GoldSnapshot& s, std::string_view text) {
  std::string needle = FoldCase(text);
  const Day* latest = s.LatestDay();
  struct Hit {
    int title;
    bool prefix;
    int rank;
  };
  std::vector<Hit> hits;
  for (size_t i = 0; i < s.titles.size(); ++i) {
    const Title& t = s.titles[i];
    std::string a = FoldCase(t.title), b = FoldCase(t.original_title);
    size_t pa = a.find(needle), pb = b.find(needle);
    if (pa == std::string::npos && pb == std::string::npos) continue;
    const FactRow* r = latest ? latest->Find(static_cast<int>(i)) : nullptr;
    hits.push_back({static_cast<int>(i), pa == 0 || pb == 0, r ? *r->rank : INT_MAX});
  }
  std::sort(hits.begin(), hits.end(), [&](const Hit& x, const Hit& y) {
    if (x.prefix != y.prefix) return x.prefix;
    if (x.rank != y.rank) return x.rank < y.rank;
    return s.titles[x.title].title < s.titles[y.title].title;
  });
  SearchResult out;
  out.total = hits.size();
  for (size_t i = 0; i < hits.size() && i < kSearchResults; ++i) {
    out.shown.push_back(
        {hits[i].title, hits[i].rank == INT_MAX ? std::nullopt : std::optional<int>(hits[i].rank)});
  }
  return out;
}

}  // namespace cinelake::serve
