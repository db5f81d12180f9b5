// Seasons, episodes, statuses and derived facts of sandbox titles.
//
// Episodes are not stored: each is a pure function of (title, season,
// number). TMDB shows a season once its premiere is at most 120 days away;
// IMDB lists an episode once it has aired (specials, season 0, only on TMDB).
#include <algorithm>
#include <cmath>

#include "sandbox/rng.h"
#include "sandbox/vocabulary.h"
#include "sandbox/world.h"

namespace cinelake::sandbox {
namespace {
constexpr int kSeasonLeadDays = 120;
}  // namespace

std::vector<Season> World::VisibleSeasons(const Title& t, Date date) const {
  std::vector<Season> out;
  if (!Announced(t, date)) return out;
  for (const Season& s : t.seasons) {
    if (s.air_day <= date.days + kSeasonLeadDays) out.push_back(s);
  }
  return out;
}

Episode World::EpisodeOf(const Title& t, const Season& s, int number) const {
  Episode e;
  e.season = s.number;
  e.number = number;
  e.air_day = s.air_day + (number - 1) * s.spacing_days;
  uint64_t h = Hash(t.key, static_cast<uint64_t>(s.number), static_cast<uint64_t>(number));
  int jitter = static_cast<int>(std::lround(NormalFrom(h) * 3.0));
  if (t.sticky) jitter = std::clamp(jitter, -3, 3);
  e.runtime = std::max(10, t.runtime + jitter);
  if (!t.sticky && Unit(Hash(h, 1)) < 0.02) e.runtime = 0;
  e.rating = std::round(std::clamp(t.rating + 0.45 * NormalFrom(Hash(h, 2)), 1.0, 10.0) * 10.0) / 10.0;
  e.votes =
      std::max<int64_t>(5, static_cast<int64_t>(t.vote_scale * 0.04 * std::exp(0.5 * NormalFrom(Hash(h, 3))) *
                                                (number == 1 ? 1.6 : 1.0)));
  Rng r(Hash(h, 4));
  if (t.episode_titles_generic) {
    e.name = "Episode #" + std::to_string(s.number) + "." + std::to_string(number);
  } else if (s.number == 1 && number == 1) {
    e.name = "Pilot";
  } else {
    auto words = vocab::EpisodeWords();
    e.name = std::string(words[r.Next() % words.size()]);
    if (r.Chance(0.3)) e.name += " (Part " + std::to_string(r.Int(1, 2)) + ")";
  }
  if (s.number > 0 && number == s.episode_count)
    e.type = "finale";
  else if (s.number > 0 && s.episode_count >= 10 && number == s.episode_count / 2)
    e.type = "mid_season";
  else
    e.type = "standard";
  if (r.Chance(0.85)) {
    std::string tok;
    for (int i = 0; i < 27; ++i) tok += vocab::kBase62[r.Next() % vocab::kBase62.size()];
    e.still_path = "/" + tok + ".jpg";
  }
  return e;
}

int32_t World::LastEpisodeDay(const Title& t) const {
  int32_t last = t.release_day;
  for (const Season& s : t.seasons) {
    if (s.number == 0) continue;
    last = std::max(last, s.air_day + (s.episode_count - 1) * s.spacing_days);
  }
  return last;
}

std::string World::TmdbStatus(const Title& t, Date date) const {
  int32_t d = date.days;
  if (t.kind == Kind::kMovie) {
    if (d >= t.release_day) return "Released";
    return t.release_day - d <= 90 ? "Post Production" : "In Production";
  }
  if (d < t.release_day) return t.release_day - d <= 180 ? "In Production" : "Planned";
  if (t.ended && d >= LastEpisodeDay(t)) return "Ended";
  return "Returning Series";
}

TitleFacts World::Facts(const Title& t, Date date) const {
  TitleFacts f;
  f.released = date.days >= t.release_day;
  if (f.released) f.rating = t.rating;
  if (t.runtime > 0 && (f.released || t.runtime_known_before_release)) f.runtime = t.runtime;
  if (t.kind == Kind::kMovie && f.released) f.revenue = t.revenue;
  int known = 0;
  for (const Season& s : t.seasons) {
    if (s.number == 0) continue;
    for (int n = 1; n <= s.episode_count; ++n) {
      Episode e = EpisodeOf(t, s, n);
      if (e.air_day > date.days) break;
      ++f.episodes_aired;
      if (e.runtime > 0) {
        ++known;
        f.total_runtime += e.runtime;
      }
    }
  }
  if (known > 0) f.avg_episode_runtime = static_cast<double>(f.total_runtime) / known;
  f.status = TmdbStatus(t, date);
  return f;
}

int64_t World::Votes(const Title& t, int32_t day) {
  double age = static_cast<double>(day - t.release_day + 30);
  double f = std::min(1.0, std::sqrt(std::max(0.0, age) / 730.0));
  return std::max<int64_t>(1, static_cast<int64_t>(t.vote_scale * f));
}

}  // namespace cinelake::sandbox
