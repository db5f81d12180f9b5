#include "serve/rules_networks.h"

#include <algorithm>

#include "serve/rules_top10.h"

namespace cinelake::serve {

std::vector<NetworkCount> TopNetworks(const GoldSnapshot& s, const Day& day) {
  std::vector<int> count(s.networks.size(), 0);
  for (const FactRow& r : day.ranked) {
    for (int n : s.titles[r.title].networks) ++count[n];
  }
  std::vector<NetworkCount> out;
  for (size_t i = 0; i < count.size(); ++i) {
    if (count[i] > 0) out.push_back({static_cast<int>(i), count[i]});
  }
  std::sort(out.begin(), out.end(), [&](const NetworkCount& a, const NetworkCount& b) {
    if (a.titles != b.titles) return a.titles > b.titles;
    const Org &x = s.networks[a.network], &y = s.networks[b.network];
    if (x.name != y.name) return x.name < y.name;
    return x.id < y.id;
  });
  if (out.size() > static_cast<size_t>(kTopN)) out.resize(kTopN);
  return out;
}

}  // namespace cinelake::serve
