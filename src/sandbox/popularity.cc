// The popularity model and the daily most-popular lists.
//
// log popularity = base + trend*years + (hype before release | decaying bump
// after it) + decaying bump after each later season premiere + weekly wave +
// smooth noise (knots every 6 days) + small daily noise. The IMDB list score
// adds a per-title bias and its own daily noise, so list order follows TMDB
// popularity loosely. A day's candidates and lists are computed once and
// cached; the cache never changes an answer.
#include <algorithm>
#include <cmath>

#include "sandbox/rng.h"
#include "sandbox/world.h"

namespace cinelake::sandbox {
namespace {

constexpr int kListSize = 100;
constexpr int kWindowDays = 5 * 365;  // non-evergreen titles older than this leave the race
constexpr size_t kSnapshotCache = 512;

double SmoothNoise(uint64_t key, int32_t day) {
  constexpr int kKnot = 6;
  int32_t k0 = day >= 0 ? day / kKnot : -((-day + kKnot - 1) / kKnot);
  double frac = static_cast<double>(day - k0 * kKnot) / kKnot;
  double v0 = NormalFrom(Hash(key, static_cast<uint64_t>(static_cast<int64_t>(k0)), 7));
  double v1 = NormalFrom(Hash(key, static_cast<uint64_t>(static_cast<int64_t>(k0) + 1), 7));
  double w = (1.0 - std::cos(frac * 3.141592653589793)) / 2.0;
  return v0 * (1.0 - w) + v1 * w;
}

uint64_t U(int32_t day) {
  return static_cast<uint64_t>(static_cast<int64_t>(day));
}

}  // namespace

double World::ModelLogPopularity(const Title& t, int32_t day) const {
  double x = t.base;
  double years = static_cast<double>(day - t.release_day) / 365.0;
  x += t.trend * std::clamp(years, -1.0, 6.0);
  if (day < t.release_day) {
    double span = std::max(1, t.release_day - t.announce_day);
    double s = std::clamp(static_cast<double>(day - t.announce_day) / span, 0.0, 1.0);
    x += -0.8 + t.hype * std::pow(s, 1.5);
  } else {
    x += t.bump * std::exp(-static_cast<double>(day - t.release_day) / t.tau);
  }
  // A later season's premiere brings a series back.
  const Season* latest = nullptr;
  for (const Season& s : t.seasons) {
    if (s.number >= 2 && s.air_day <= day) latest = &s;
  }
  if (latest != nullptr) {
    x += t.season_bump * std::exp(-static_cast<double>(day - latest->air_day) / t.tau);
  }
  int dow = ((day % 7) + 7) % 7;
  x += t.weekly_amp * std::sin(6.283185307179586 * (dow + t.weekly_phase) / 7.0);
  x += 0.22 * SmoothNoise(t.key, day);
  x += 0.04 * NormalFrom(Hash(seed_, t.key, U(day), 1));
  return x;
}

double World::ImdbScore(const Title& t, double lp, int32_t day) const {
  return lp + t.imdb_bias + 0.07 * NormalFrom(Hash(seed_, t.key, U(day), 2));
}

std::shared_ptr<const World::DaySnapshot> World::Snapshot(int32_t day) const {
  {
    std::lock_guard<std::mutex> lock(cache_mu_);
    auto it = snapshots_.find(day);
    if (it != snapshots_.end()) return it->second;
  }
  auto snap = std::make_shared<DaySnapshot>();
  struct Cand {
    int index;
    double lp;
    double score;
    size_t slot;  // position in snap->lp
  };
  std::vector<Cand> cands[2];
  auto in_window = [&](const Title& t) {
    return t.evergreen || t.sticky || day - t.release_day <= kWindowDays;
  };
  for (int pass = 0; pass < 2; ++pass) {
    // Pass 0 takes the window; pass 1 (far-future dates only) fills short lists.
    for (const Title& t : titles_) {
      if (day < t.announce_day) continue;
      int k = static_cast<int>(t.kind);
      if (pass == 0 ? !in_window(t) : (in_window(t) || cands[k].size() >= kListSize)) continue;
      double lp = ModelLogPopularity(t, day);
      cands[k].push_back({t.index, lp, ImdbScore(t, lp, day), 0});
    }
    if (cands[0].size() >= kListSize && cands[1].size() >= kListSize) break;
  }
  for (int k = 0; k < 2; ++k) {
    std::vector<double> lps, scores;
    for (const Cand& c : cands[k]) {
      const Title& t = titles_[c.index];
      bool sticky = t.sticky || (t.sticky_until_release && day < t.release_day);
      if (!sticky) {
        lps.push_back(c.lp);
        scores.push_back(c.score);
      }
    }
    std::sort(lps.rbegin(), lps.rend());
    std::sort(scores.rbegin(), scores.rend());
    size_t pivot = std::min<size_t>(39, lps.empty() ? 0 : lps.size() - 1);
    for (Cand& c : cands[k]) {
      const Title& t = titles_[c.index];
      bool sticky = t.sticky || (t.sticky_until_release && day < t.release_day);
      if (!sticky || lps.empty()) continue;
      c.lp = std::max(c.lp, lps[pivot] + 0.4 * Unit(Hash(seed_, t.key, U(day), 3)));
      c.score = std::max(ImdbScore(t, c.lp, day), scores[pivot] + 0.4 * Unit(Hash(seed_, t.key, U(day), 4)));
    }
    std::vector<const Cand*> order;
    for (const Cand& c : cands[k]) order.push_back(&c);
    std::sort(order.begin(), order.end(), [&](const Cand* a, const Cand* b) {
      if (a->score != b->score) return a->score > b->score;
      return titles_[a->index].imdb_id < titles_[b->index].imdb_id;
    });
    for (size_t i = 0; i < order.size() && i < kListSize; ++i) {
      snap->lists[k].push_back(order[i]->index);
    }
    for (const Cand& c : cands[k]) snap->lp.emplace_back(c.index, c.lp);
  }
  std::sort(snap->lp.begin(), snap->lp.end());

  std::lock_guard<std::mutex> lock(cache_mu_);
  auto [it, inserted] = snapshots_.emplace(day, snap);
  if (inserted) {
    snapshot_order_.push_back(day);
    if (snapshot_order_.size() > kSnapshotCache) {
      snapshots_.erase(snapshot_order_.front());
      snapshot_order_.erase(snapshot_order_.begin());
    }
  }
  return it->second;
}

double World::LogPopularity(const Title& t, int32_t day) const {
  auto snap = Snapshot(day);
  auto it = std::lower_bound(snap->lp.begin(), snap->lp.end(), std::make_pair(t.index, -1e300));
  if (it != snap->lp.end() && it->first == t.index) return it->second;
  return ModelLogPopularity(t, day);
}

double World::Popularity(const Title& t, Date date) const {
  double p = std::max(0.6, std::exp(LogPopularity(t, date.days)));
  return std::round(p * 1000.0) / 1000.0;
}

std::optional<double> World::TmdbPopularity(Kind kind, int64_t tmdb_id, Date date) const {
  const Title* t = FindTmdb(kind, tmdb_id);
  if (t == nullptr || !Announced(*t, date)) return std::nullopt;
  return Popularity(*t, date);
}

std::vector<const Title*> World::PopularList(Kind kind, Date date) const {
  auto snap = Snapshot(date.days);
  std::vector<const Title*> out;
  for (int i : snap->lists[static_cast<int>(kind)]) out.push_back(&titles_[i]);
  return out;
}

std::vector<std::string> World::PopularIds(Kind kind, Date date) const {
  std::vector<std::string> out;
  for (const Title* t : PopularList(kind, date)) out.push_back(t->imdb_id);
  return out;
}

}  // namespace cinelake::sandbox
