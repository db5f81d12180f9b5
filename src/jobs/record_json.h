// JSON for the decoded API records (sources/records.h) as the raw layer keeps
// them: raw/stg_tmdb_details.details_json and raw/stg_imdb_titles.title_json.
// Field names are the records' member names; a missing optional is null.
// Defined once here so both codecs stay in step with records.h.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>

#include "sources/records.h"

namespace nlohmann {
template <typename T>
struct adl_serializer<std::optional<T>> {
  static void to_json(json& j, const std::optional<T>& v) {
    if (v) {
      j = *v;
    } else {
      j = nullptr;
    }
  }
  static void from_json(const json& j, std::optional<T>& v) {
    if (j.is_null()) {
      v.reset();
    } else {
      v = j.get<T>();
    }
  }
};
}  // namespace nlohmann

namespace cinelake {

NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(ImdbPerson, id, full_name, url)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(ImdbCastMember, id, full_name, url, primary_image, job,
                                                characters)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(ImdbEpisode, id, season_number, episode_number, primary_title,
                                                original_title, runtime_minutes, average_rating, num_votes)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(ImdbTitle, id, type, primary_title, original_title,
                                                release_date, start_year, end_year, trailer, runtime_minutes,
                                                primary_image, average_rating, num_votes, genres, interests,
                                                directors, writers, cast, episodes, description, budget,
                                                gross_worldwide)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(TmdbCompany, id, name, logo_path)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(TmdbCreator, id, name, profile_path)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(TmdbSeasonSummary, season_number, name, overview, air_date,
                                                episode_count, poster_path, vote_average)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(TmdbWatchOffer, country, offer_type, provider_id,
                                                provider_name, logo_path, display_priority)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(TmdbMovie, id, imdb_id, title, original_title, release_date,
                                                popularity, homepage, overview, original_language, status,
                                                tagline, budget, revenue, poster_path, production_companies)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(TmdbTv, id, name, original_name, first_air_date, popularity,
                                                homepage, overview, original_language, status, tagline,
                                                in_production, poster_path, created_by, networks,
                                                production_companies, seasons, episode_run_time)

}  // namespace cinelake
