// Typed records decoded from the IMDB (imdb236) and TMDB v3 APIs.
//
// Contract: every field that the API may omit or send as null is a
// std::optional (arrays are plain vectors: missing, null or mistyped arrays
// decode as empty, with a recorded warning when mistyped). A field whose JSON
// type is wrong decodes as nullopt and the client records a warning; fields
// the pipeline does not use are ignored. Names follow the APIs' fields in
// snake_case (apis.md lists them). The TMDB fields copied through unchanged
// are not members: they are declared in tmdb_detail_fields.h and kept in
// TmdbMovie/TmdbTv::details.
//
// Thread-safety: plain value types.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "sources/tmdb_detail_fields.h"

namespace cinelake {

// ---------------------------------------------------------------- IMDB ---

struct ImdbPerson {               // directors and writers
  std::optional<std::string> id;  // "nm0634240"
  std::optional<std::string> full_name;
  std::optional<std::string> url;

  bool operator==(const ImdbPerson&) const = default;
};

// imdb236's `cast` carries the crew too: one entry per (person, job), so a
// person can repeat. Only actor/actress entries are the cast proper.
struct ImdbCastMember {  // in billing order within ImdbTitle::cast
  std::optional<std::string> id;
  std::optional<std::string> full_name;
  std::optional<std::string> url;
  std::optional<std::string> primary_image;
  std::optional<std::string> job;  // "actor", "actress", "director", "writer", "producer", "composer", ...
  std::vector<std::string> characters;

  bool operator==(const ImdbCastMember&) const = default;
};

// Real imdb236 details carry no episodes (TMDB's seasons are the source);
// kept for an answer that has them.
struct ImdbEpisode {
  std::optional<std::string> id;  // "tt…" of the episode, when given
  std::optional<int32_t> season_number;
  std::optional<int32_t> episode_number;
  std::optional<std::string> primary_title;
  std::optional<std::string> original_title;
  std::optional<int32_t> runtime_minutes;
  std::optional<double> average_rating;
  std::optional<int64_t> num_votes;

  bool operator==(const ImdbEpisode&) const = default;
};

struct ImdbTitle {
  std::optional<std::string> id;    // "tt1375666"
  std::optional<std::string> type;  // "movie", "tvSeries", "tvMiniSeries", ...
  std::optional<std::string> primary_title;
  std::optional<std::string> original_title;
  std::optional<std::string> release_date;  // "yyyy-mm-dd" as sent
  std::optional<int32_t> start_year;
  std::optional<int32_t> end_year;
  std::optional<std::string> trailer;
  std::optional<int32_t> runtime_minutes;
  std::optional<std::string> primary_image;
  std::optional<double> average_rating;
  std::optional<int64_t> num_votes;
  std::vector<std::string> genres;
  std::vector<std::string> interests;
  std::vector<ImdbPerson> directors;
  std::vector<ImdbPerson> writers;
  std::vector<ImdbCastMember> cast;
  std::vector<ImdbEpisode> episodes;
  // Also on the popular lists' entries, which carry every field above but
  // the people and episodes.
  std::optional<std::string> description;
  std::optional<int64_t> budget;
  std::optional<int64_t> gross_worldwide;

  bool operator==(const ImdbTitle&) const = default;
};

// ---------------------------------------------------------------- TMDB ---

// Which TMDB record an IMDB title maps to.
struct TmdbRef {
  enum class Kind { kMovie, kTv };
  Kind kind = Kind::kMovie;
  int64_t id = 0;

  // "movie/27205" or "tv/1399": the stg_contentIDs.tmdb_id value.
  std::string path() const;
  // Parses "movie/27205", "tv/1399" (also with a leading '/'); anything else
  // is InvalidArgument.
  static Result<TmdbRef> Parse(std::string_view path);
  bool operator==(const TmdbRef&) const = default;
};

// True for an IMDB title id: "tt" and 7-10 ASCII digits, nothing else. Ids are put into request
// paths, so anything else (a '/', "..") is refused before a request is made.
bool IsImdbTitleId(std::string_view id);

// The TMDB kind for an IMDB title type: movie/tvMovie/short/video... → movie,
// tvSeries/tvMiniSeries → tv; nullopt when the type is unknown (e.g. tvEpisode).
std::optional<TmdbRef::Kind> TmdbKindForImdbType(std::string_view imdb_type);

struct TmdbCompany {  // production_companies and networks
  std::optional<int64_t> id;
  std::optional<std::string> name;
  std::optional<std::string> logo_path;  // "/abc.png", not a full URL

  bool operator==(const TmdbCompany&) const = default;
};

struct TmdbCreator {  // tv created_by
  std::optional<int64_t> id;
  std::optional<std::string> name;
  std::optional<std::string> profile_path;

  bool operator==(const TmdbCreator&) const = default;
};

// An announced season has a null air_date, episode_count 0 and no poster.
struct TmdbSeasonSummary {  // tv seasons[]
  std::optional<int32_t> season_number;
  std::optional<std::string> name;
  std::optional<std::string> overview;
  std::optional<std::string> air_date;
  std::optional<int32_t> episode_count;
  std::optional<std::string> poster_path;
  std::optional<double> vote_average;

  bool operator==(const TmdbSeasonSummary&) const = default;
};

struct TmdbMovie {
  std::optional<int64_t> id;
  std::optional<std::string> imdb_id;
  std::optional<std::string> title;
  std::optional<std::string> original_title;
  std::optional<std::string> release_date;
  std::optional<double> popularity;
  std::optional<std::string> overview;  // enrich falls back to IMDB's description
  std::optional<int64_t> budget;        // budget, revenue: 0 means unknown, IMDB's then
  std::optional<int64_t> revenue;
  std::optional<std::string> poster_path;
  std::vector<TmdbCompany> production_companies;
  DetailScalars details;  // the pass-through fields (tmdb_detail_fields.h)

  bool operator==(const TmdbMovie&) const = default;
};

struct TmdbTv {
  std::optional<int64_t> id;
  std::optional<std::string> name;
  std::optional<std::string> original_name;
  std::optional<std::string> first_air_date;
  std::optional<double> popularity;
  std::optional<std::string> overview;
  std::optional<bool> in_production;
  std::optional<std::string> poster_path;
  std::vector<TmdbCreator> created_by;
  std::vector<TmdbCompany> networks;
  std::vector<TmdbCompany> production_companies;
  std::vector<TmdbSeasonSummary> seasons;
  std::vector<int32_t> episode_run_time;  // minutes; the series' runtime
  DetailScalars details;                  // the pass-through fields (tmdb_detail_fields.h)

  bool operator==(const TmdbTv&) const = default;
};

struct TmdbEpisode {
  std::optional<int32_t> episode_number;
  std::optional<int32_t> season_number;
  std::optional<std::string> name;
  std::optional<std::string> air_date;
  std::optional<std::string> episode_type;  // "standard", "mid_season", "finale"
  std::optional<std::string> still_path;
  std::optional<int32_t> runtime;  // null until aired
  std::optional<double> vote_average;
  std::optional<int64_t> vote_count;

  bool operator==(const TmdbEpisode&) const = default;
};

struct TmdbSeason {
  std::optional<int64_t> id;
  std::optional<int32_t> season_number;
  std::optional<std::string> name;
  std::optional<std::string> overview;
  std::optional<std::string> air_date;
  std::optional<std::string> poster_path;
  std::vector<TmdbEpisode> episodes;

  bool operator==(const TmdbSeason&) const = default;
};

// One offer of a title in one country (append_to_response=watch/providers;
// TMDB's data comes from JustWatch). offer_type is TMDB's list name mapped:
// flatrate -> "subscription", rent, buy, free, ads as they are.
struct TmdbWatchOffer {
  std::string country;     // ISO 3166-1 alpha-2, "US"
  std::string offer_type;  // subscription | rent | buy | free | ads
  int64_t provider_id = 0;
  std::optional<std::string> provider_name;
  std::optional<std::string> logo_path;  // "/abc.jpg", not a full URL
  std::optional<int32_t> display_priority;

  bool operator==(const TmdbWatchOffer&) const = default;
};

// The detail record behind a TmdbRef: exactly one of movie / tv is set,
// matching ref.kind.
struct TmdbDetails {
  TmdbRef ref;
  std::optional<TmdbMovie> movie;
  std::optional<TmdbTv> tv;
  // Seasons answered inside a tv detail (append_to_response=season/1,...).
  std::vector<TmdbSeason> seasons;
  // The title's offers in the configured countries, sorted by (country,
  // offer_type, provider_id); nullopt when the answer carried no
  // "watch/providers" (not asked), as opposed to asked and none offered.
  std::optional<std::vector<TmdbWatchOffer>> watch_providers;

  std::optional<double> popularity() const {
    return movie ? movie->popularity : tv ? tv->popularity : std::nullopt;
  }
  bool operator==(const TmdbDetails&) const = default;
};

}  // namespace cinelake
