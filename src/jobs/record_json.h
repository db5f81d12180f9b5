// JSON for the decoded API records (sources/records.h) as the raw layer keeps
// them: raw/stg_tmdb_details.details_json and raw/stg_imdb_titles.title_json.
// Field names are the records' member names (the pass-through fields: their
// TMDB keys); a missing optional is null. Defined once here so both codecs
// stay in step with records.h.
//
// Thread-safety: stateless serializers. Errors: nlohmann's exceptions on a wrong type; callers (raw_*.cc)
// turn them into Corruption.
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
// The pass-through fields (sources/tmdb_detail_fields.h) sit at the top level
// of the record's JSON under their TMDB keys, null when absent, as they did
// when each was a member: details_json written by any version reads back.
void DetailScalarsToJson(const DetailScalars& d, bool tv, nlohmann::json* j);
void DetailScalarsFromJson(const nlohmann::json& j, bool tv, DetailScalars* d);  // throws as get<T>() does

// NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT for the typed members, plus
// the record's `details`.
#define CINELAKE_TMDB_RECORD_JSON(Type, tv, ...)                                            \
  inline void to_json(nlohmann::json& nlohmann_json_j, const Type& nlohmann_json_t) {       \
    NLOHMANN_JSON_EXPAND(NLOHMANN_JSON_PASTE(NLOHMANN_JSON_TO, __VA_ARGS__))                \
    DetailScalarsToJson(nlohmann_json_t.details, tv, &nlohmann_json_j);                     \
  }                                                                                         \
  inline void from_json(const nlohmann::json& nlohmann_json_j, Type& nlohmann_json_t) {     \
    Type nlohmann_json_default_obj;                                                         \
    NLOHMANN_JSON_EXPAND(NLOHMANN_JSON_PASTE(NLOHMANN_JSON_FROM_WITH_DEFAULT, __VA_ARGS__)) \
    DetailScalarsFromJson(nlohmann_json_j, tv, &nlohmann_json_t.details);                   \
  }

CINELAKE_TMDB_RECORD_JSON(TmdbMovie, false, id, imdb_id, title, original_title, release_date, popularity,
                          overview, budget, revenue, poster_path, production_companies)
CINELAKE_TMDB_RECORD_JSON(TmdbTv, true, id, name, original_name, first_air_date, popularity, overview,
                          in_production, poster_path, created_by, networks, production_companies, seasons,
                          episode_run_time)
#undef CINELAKE_TMDB_RECORD_JSON

}  // namespace cinelake
