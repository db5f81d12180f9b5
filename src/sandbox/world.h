// The sandbox world: a synthetic, dated universe of movies, series, people
// and companies with a popularity per title per day. A pure model: it knows
// nothing of JSON or HTTP; imdb_json.h and tmdb_json.h render it in the
// shapes of the IMDB (imdb236) and TMDB v3 APIs.
//
// Contract:
// - Deterministic: a World is a pure function of its seed. Every answer is a
//   pure function of (seed, date, question): same inputs, same answer,
//   whatever was asked before and from whichever thread (all methods are
//   const and thread-safe; internal caches never change an answer).
// - Ownership: the World owns every Title, Person and Company; pointers and
//   references it hands out live as long as the World.
// - Errors: none; unknown ids are nullptr / nullopt, never a failure.
// - Dated: titles are announced over time (evergreen classics released before
//   2012, then a cohort of new titles every 28 days from 2012 to 2045). A
//   title not yet announced on a date is unknown on that date (lists skip it,
//   detail calls answer NotFound). Popularity evolves per title per day (slow
//   trend, pre-release hype, release and season-premiere bumps with decay,
//   weekly seasonality, smooth and daily noise), so the top-100 lists churn.
// - The IMDB list order is a noisy function of TMDB popularity: correlated,
//   not identical. Each list has exactly 100 titles.
// - Guarantees on every date from 2015 on (tests pin them): the movie list
//   holds the XSS probe title, "Amélie" and "千と千尋の神隠し", a movie with
//   runtime <= 90 rated >= 7, a movie with revenue >= 5e8 and unreleased
//   titles; the series list holds a short series (rated >= 7, average
//   episode <= 45 min, total <= 480 min).
// - Dates outside 2015..2045 still answer, from a world that stops growing.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "common/status.h"

namespace cinelake::sandbox {

enum class Kind { kMovie = 0, kSeries = 1 };

struct Person {
  std::string imdb_id;  // "nm0123456"
  int64_t tmdb_id = 0;
  std::string name;
  bool female = false;
  std::string image_url;     // IMDB primaryImage; empty = null
  std::string profile_path;  // TMDB "/x.jpg"; empty = null
};

// A production company or a network.
struct Company {
  int64_t id = 0;
  std::string imdb_id;  // "co0123456" (companies only)
  std::string name;
  std::string logo_path;  // "/abc.png"; empty = null
  std::string country;
};

struct CastMember {
  int person = 0;
  std::vector<std::string> characters;
};

struct Season {
  int number = 0;       // 0 = specials
  int32_t air_day = 0;  // first episode, days since epoch
  int episode_count = 0;
  int spacing_days = 7;     // between episodes; 0 = all at once
  std::string poster_path;  // empty = null
};

struct Episode {
  int season = 0;
  int number = 0;
  int32_t air_day = 0;
  int runtime = 0;    // minutes; 0 = unknown
  double rating = 0;  // IMDB-style 1..10, one decimal
  int64_t votes = 0;
  std::string name;
  std::string type;        // standard, mid_season, finale
  std::string still_path;  // empty = null
};

struct Title {
  int index = 0;
  Kind kind = Kind::kMovie;
  std::string type;  // IMDB type: movie, tvSeries, tvMiniSeries
  std::string imdb_id;
  int64_t tmdb_id = 0;
  std::string primary_title, original_title, original_language;
  std::string overview, tagline, homepage, content_rating, country;
  std::string primary_image, poster_path, backdrop_path, trailer;  // empty = null
  int32_t announce_day = 0;
  int32_t release_day = 0;  // movies: release; series: first episode
  int runtime = 0;          // movies: minutes; series: typical episode; 0 = unknown
  bool runtime_known_before_release = true;
  double rating = 0;      // IMDB averageRating once released
  double vote_scale = 0;  // numVotes a mature title reaches
  int metascore = 0;      // 0 = null
  int64_t budget = 0, revenue = 0;
  std::vector<int> genres, interests;             // indices into vocab::Genres() / flattened interests
  std::vector<int> directors, writers, creators;  // person indices
  std::vector<CastMember> cast;
  std::vector<int> companies, networks;
  std::vector<Season> seasons;  // series only, by number
  bool ended = false;
  bool episode_titles_generic = false;  // "Episode #1.3"
  // Popularity model (natural log scale).
  double base = 0, trend = 0, hype = 0, bump = 0, tau = 20, season_bump = 0;
  double weekly_amp = 0, weekly_phase = 0, imdb_bias = 0;
  bool evergreen = false;
  bool sticky = false;                // always on its list
  bool sticky_until_release = false;  // on its list while announced and unreleased
  int tmdb_id_style = 0;              // /tmdb-id answer: 0 path, 1 bare string, 2 bare number
  uint64_t key = 0;
};

// What a consumer derives from the served JSON, computed directly (for tests).
struct TitleFacts {
  bool released = false;
  std::optional<double> rating;    // IMDB averageRating
  std::optional<int> runtime;      // IMDB runtimeMinutes
  int64_t revenue = 0;             // TMDB revenue (0 before release)
  int episodes_aired = 0;          // IMDB episodes on that date
  double avg_episode_runtime = 0;  // over aired episodes with a runtime
  int total_runtime = 0;
  std::string status;  // TMDB status
};

class World {
 public:
  explicit World(uint64_t seed);
  ~World();
  World(const World&) = delete;
  World& operator=(const World&) = delete;

  uint64_t seed() const { return seed_; }

  // ---- the catalogue ----
  const std::vector<Title>& titles() const { return titles_; }
  const Person& person(int i) const { return people_[i]; }
  const Company& company(int i) const { return companies_[i]; }
  const Company& network(int i) const { return networks_[i]; }
  const std::string& interest(int i) const { return interests_[i]; }
  const Title* FindImdb(std::string_view imdb_id) const;
  const Title* FindTmdb(Kind kind, int64_t tmdb_id) const;
  static bool Announced(const Title& t, Date date) { return date.days >= t.announce_day; }
  // Every title of a kind announced by the date, by ascending TMDB id.
  std::vector<const Title*> AnnouncedTitles(Kind kind, Date date) const;

  // ---- popularity ----
  // TMDB popularity as served on that date (3 decimals, >= 0.6).
  double Popularity(const Title& t, Date date) const;
  // nullopt when the id is unknown or not yet announced on that date.
  std::optional<double> TmdbPopularity(Kind kind, int64_t tmdb_id, Date date) const;
  // The IMDB most-popular list of that date, in list order: exactly 100.
  std::vector<const Title*> PopularList(Kind kind, Date date) const;
  std::vector<std::string> PopularIds(Kind kind, Date date) const;

  // ---- series structure ----
  std::vector<Season> VisibleSeasons(const Title& t, Date date) const;  // TMDB view
  Episode EpisodeOf(const Title& t, const Season& s, int number) const;
  TitleFacts Facts(const Title& t, Date date) const;
  // TMDB status: Released / Post Production / In Production for movies;
  // Returning Series / Ended / In Production / Planned for series.
  std::string TmdbStatus(const Title& t, Date date) const;
  // Day the last episode of the last season airs (series), else release day.
  int32_t LastEpisodeDay(const Title& t) const;
  // IMDB numVotes on a day: grows with the square root of the title's age
  // (from 30 days before release) to vote_scale after two years; >= 1.
  static int64_t Votes(const Title& t, int32_t day);

  // Identities of the special titles (tests and the dashboard's XSS check).
  static constexpr std::string_view kXssTitle = "<img src=x onerror=alert(1)>";

 private:
  // The candidates of a day with their (sticky-adjusted) log popularity,
  // sorted by title index, and the two lists.
  struct DaySnapshot {
    std::vector<std::pair<int, double>> lp;
    std::vector<int> lists[2];
  };
  void Build();
  void BuildPools();
  void AddSpecialTitles();
  Title& NewTitle(Kind kind, bool evergreen, int kind_index, int block, int slot);
  void Populate(Title& t, uint64_t salt);
  double ModelLogPopularity(const Title& t, int32_t day) const;
  double ImdbScore(const Title& t, double lp, int32_t day) const;
  std::shared_ptr<const DaySnapshot> Snapshot(int32_t day) const;
  double LogPopularity(const Title& t, int32_t day) const;

  uint64_t seed_;
  std::vector<Person> people_;
  std::vector<Company> companies_;
  std::vector<Company> networks_;
  std::vector<std::string> interests_;
  std::vector<int> interest_genre_;  // interest index -> genre index
  std::vector<Title> titles_;
  std::map<std::string, int, std::less<>> by_imdb_;
  std::map<int64_t, int> by_tmdb_[2];
  std::vector<int> by_kind_sorted_[2];  // title indices by ascending TMDB id

  mutable std::mutex cache_mu_;
  mutable std::map<int32_t, std::shared_ptr<const DaySnapshot>> snapshots_;
  mutable std::vector<int32_t> snapshot_order_;  // insertion order, for eviction
};

// Formats a day number as "YYYY-MM-DD".
std::string DayString(int32_t day);

}  // namespace cinelake::sandbox
