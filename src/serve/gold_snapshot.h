// GoldSnapshot: an immutable, indexed view of the gold tables for the dashboard.
//
// Ownership: Build() copies what it needs out of a GoldTables (which it does
// not keep) and hands back a shared_ptr<const GoldSnapshot>; the only way to
// get one is through Build(), so no caller ever holds a mutable snapshot.
// Thread-safety: nothing in it changes after Build() returns, so any number
// of request threads read one concurrently without locks.
// Errors: none; Build() never fails (see Build()).
//
// Titles, people, networks and companies are interned to small integers;
// each loadDate becomes a Day whose ranked rows are sorted by rank. Per-title
// series aggregates (episode runtime average and total, seasons, air dates)
// are computed here, once, so the rules only filter and sort.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

#include "common/date.h"
#include "serve/gold.h"
#include "serve/watch_index.h"

namespace cinelake::serve {

struct Person {
  std::string id, name, poster;
};

struct Org {  // a network or a production company
  std::string id, name, logo;
};

struct Credit {
  int person = -1;
  std::string role;
  std::vector<std::string> characters;
  std::optional<int> order;
};

struct Episode {
  int season = 0, number = 0;
  std::string title, still, type, air_date;
  std::optional<int> runtime;
  std::optional<double> rating;
  std::optional<int64_t> votes;
};

struct Season {
  int number = 0;
  std::string name, overview, air_date, poster;
  std::optional<int> episode_count;  // as dim_season states it
  std::vector<Episode> episodes;     // from dim_episode, by number
};

// One cell of a pass-through column; monostate for null.
using CellValue = std::variant<std::monostate, std::string, int64_t, double, bool>;

struct Title {
  std::string id, type, title, original_title, overview, release_date, status, language, trailer, poster,
      homepage;
  // Every dim_content column the server reads for nothing of its own (the
  // TMDB pass-through fields, sources/tmdb_detail_fields.h, e.g. tagline), by
  // column name in schema order, so a new column reaches the page unnamed here.
  std::vector<std::pair<std::string, CellValue>> details;
  std::optional<int> runtime;
  std::optional<double> rating;
  std::optional<int64_t> votes, budget, revenue;
  std::optional<Date> release;                 // release_date parsed; nullopt when blank or malformed
  std::vector<std::string> genres, interests;  // sorted by name
  std::vector<int> networks, companies;        // indexes into GoldSnapshot::networks/companies
  std::vector<Credit> cast;                    // by billing order
  std::vector<Credit> directors, creators, writers;
  std::vector<Season> seasons;  // by season number, specials (0) included

  // Series aggregates over every episode in dim_episode with a known runtime.
  std::optional<double> avg_episode_runtime;
  std::optional<int64_t> total_episode_runtime;
  int season_count = 0;                       // seasons numbered > 0
  int episode_count = 0;                      // episodes in seasons numbered > 0
  std::string first_air_date, last_air_date;  // min/max episode air_date, "" if none

  // IMDB lists more types than movie and tvSeries (apis.md): a mini-series
  // is a series (TMDB's tv kind), a TV movie, short, video or special a movie.
  // The dashboard groups by these two kinds; `type` keeps IMDB's word.
  bool is_movie() const { return IsMovieType(type); }
  bool is_series() const { return IsSeriesType(type); }
  static bool IsSeriesType(std::string_view t) { return t == "tvSeries" || t == "tvMiniSeries"; }
  static bool IsMovieType(std::string_view t) {
    return t == "movie" || t == "tvMovie" || t == "short" || t == "video" || t == "tvSpecial";
  }
};

struct FactRow {
  int title = -1;
  std::optional<int> rank;
  double popularity = 0;
  std::optional<int> rank_change;
  bool joiner = false, leaver = false;
  // The fact's chart measures (README); nullopt in a lake written before them.
  std::optional<int> days_on_list, total_days_on_list, peak_rank;
  std::optional<Date> peak_date, debut_date;
};

struct Day {
  Date date;
  // "Yesterday": the snapshot this day's rank changes were computed against
  // (the fact's prev_load_date), even when that day could not be loaded; for
  // rows without one (a first day, older files) the latest earlier day.
  std::optional<Date> prev_date;
  std::vector<FactRow> ranked;                    // rows with a rank, by rank ascending
  std::vector<FactRow> leavers;                   // rows without a rank
  std::unordered_map<int, int> by_title;          // title -> index in ranked
  double popularity_min = 0, popularity_max = 0;  // over ranked rows

  const FactRow* Find(int title) const {
    auto it = by_title.find(title);
    return it == by_title.end() ? nullptr : &ranked[it->second];
  }
};

class GoldSnapshot {
 public:
  // Never fails: rows pointing at unknown keys are skipped (a bridge to a
  // missing person) or get a stub (a fact row for a title missing from
  // dim_content keeps its id as title).
  static std::shared_ptr<const GoldSnapshot> Build(const GoldTables& gold);

  std::vector<Title> titles;
  std::vector<Person> people;
  std::vector<Org> networks, companies;
  std::vector<Day> days;  // ascending by date
  WatchIndex watch;       // where to watch, by title
  GoldLoadNotes notes;    // what the load could not read, and which commit it read

  int FindTitle(std::string_view id) const;
  int FindDay(Date date) const;  // -1 if no partition that day
  // days[day]'s yesterday as an index into days; -1 when it has none or it
  // could not be loaded.
  int PrevDay(int day) const;
  const Day* LatestDay() const { return days.empty() ? nullptr : &days.back(); }

 private:
  GoldSnapshot() = default;  // only Build() makes one

  std::unordered_map<std::string, int> title_index_;
};

}  // namespace cinelake::serve
