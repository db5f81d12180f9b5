// Top 10 networks (dashboard.md): networks by how many of a day's titles air
// on them, most first, ties by name then id; ten at most.
//
// A pure function over an immutable GoldSnapshot; safe from any thread; no errors.
#pragma once

#include <vector>

#include "serve/gold_snapshot.h"

namespace cinelake::serve {

struct NetworkCount {
  int network;  // index into GoldSnapshot::networks
  int titles;
};

std::vector<NetworkCount> TopNetworks(const GoldSnapshot& s, const Day& day);

}  // namespace cinelake::serve
