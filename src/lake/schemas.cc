#include "lake/schemas.h"

#include <cstdio>
#include <cstdlib>

#include "common/enum_names.h"

namespace cinelake {

constexpr EnumName<Layer> kLayerNames[] = {
    {Layer::kRaw, "raw"}, {Layer::kStg, "stg"}, {Layer::kGold, "gold"}};

const char* LayerName(Layer layer) {
  return NameOf(kLayerNames, layer);
}

std::string TableDef::path() const {
  return std::string(LayerName(layer)) + "/" + name;
}

namespace {

constexpr DataType S = DataType::kString;
constexpr DataType I = DataType::kInt32;
constexpr DataType L = DataType::kInt64;
constexpr DataType D = DataType::kDouble;
constexpr DataType B = DataType::kBool;
constexpr DataType DT = DataType::kDate;
constexpr DataType TS = DataType::kTimestamp;
constexpr DataType DEC = DataType::kDecimal;
constexpr DataType LIST = DataType::kStringList;

Field Key(std::string name, DataType t = S) {
  return Field{std::move(name), t, false};
}
Field Col(std::string name, DataType t = S) {
  return Field{std::move(name), t, true};
}

std::vector<TableDef> BuildTables() {
  std::vector<TableDef> t;
  // raw
  t.push_back({Layer::kRaw,
               "stg_contentIDs",
               {Key("id"), Col("type"), Col("tmdb_id"), Col("list_rank", I), Col("title_json")},
               true,
               {"id"},
               "Today's IMDB most-popular titles with their TMDB path (and, new, the list entry as "
               "decoded: it carries every detail field but the people)."});
  t.push_back({Layer::kRaw,
               "stg_popularity",
               {Key("id"), Col("type"), Col("tmdb_id"), Col("popularity", D)},
               true,
               {"id"},
               "Today's TMDB popularity per title that answered."});
  t.push_back({Layer::kRaw,
               "stg_tmdb_details",
               {Key("id"), Col("type"), Col("tmdb_id"), Col("http_status", I), Col("attempts", I),
                Col("error"), Col("details_json")},
               true,
               {"id"},
               "(new) Today's TMDB detail answer per title, as fetched for popularity; enrichment "
               "reuses it instead of asking again."});
  t.push_back({Layer::kRaw,
               "stg_imdb_titles",
               {Key("id"), Col("http_status", I), Col("attempts", I), Col("error"), Col("title_json")},
               true,
               {"id"},
               "(new) The IMDB title detail of each title due for enrichment that day, as fetched."});
  t.push_back({Layer::kRaw,
               "tmdb_export",
               {Key("id", L), Key("content_type"), Col("title"), Col("popularity", D), Col("adult", B),
                Col("video", B)},
               true,
               {"content_type", "id"},
               "(new) TMDB's daily export files, every title TMDB knows: one row per (content_type, id), "
               "as exported."});
  t.push_back({Layer::kRaw,
               "tmdb_export_log",
               {Key("load_date", DT), Col("state"), Col("movie_lines", L), Col("series_lines", L),
                Col("rows", L), Col("malformed_lines", L), Col("duplicate_ids", L), Col("http_status", I),
                Col("detail"), Col("run_id"), Col("checked_at", TS)},
               false,
               {"load_date"},
               "(new) Per export day: loaded, not_published (fetched again by later runs) or gone."});
  // stg
  t.push_back({Layer::kStg,
               "content_detail",
               {Key("content_id"), Col("content_type"), Col("primary_title"), Col("original_title"),
                Col("release_date"), Col("trailer"), Col("runtime_minutes", I), Col("content_poster"),
                Col("average_rating", D), Col("vote_count", I), Col("content_homepage"), Col("overview"),
                Col("original_language"), Col("status"), Col("tagline"), Col("budget", L), Col("revenue", L),
                Col("created_at", TS), Col("updated_at", TS)},
               false,
               {"content_id"},
               "Core metadata per title (IMDB + TMDB)."});
  t.push_back({Layer::kStg,
               "content_person",
               {Key("content_id"), Key("person_id"), Col("person_name"), Col("person_homepage"),
                Col("person_poster"), Key("role_type"), Col("character_names", LIST), Col("order_no", I)},
               false,
               {"content_id", "person_id", "role_type"},
               "Directors, writers, cast, creators."});
  t.push_back({Layer::kStg,
               "content_genre",
               {Key("content_id"), Key("genre_name")},
               false,
               {"content_id", "genre_name"},
               "IMDB genres per title."});
  t.push_back({Layer::kStg,
               "content_interest",
               {Key("content_id"), Key("interest_name")},
               false,
               {"content_id", "interest_name"},
               "IMDB interests (sub-genres) per title."});
  t.push_back({Layer::kStg,
               "content_production",
               {Key("content_id"), Key("company_id"), Col("company_name"), Col("company_poster")},
               false,
               {"content_id", "company_id"},
               "TMDB production companies per title."});
  t.push_back({Layer::kStg,
               "content_network",
               {Key("content_id"), Key("network_id"), Col("network_name"), Col("network_poster")},
               false,
               {"content_id", "network_id"},
               "TMDB networks per series."});
  t.push_back({Layer::kStg,
               "content_season",
               {Key("content_id"), Key("season_number", I), Col("air_date"), Col("episode_count", I),
                Col("name"), Col("overview"), Col("poster_path")},
               false,
               {"content_id", "season_number"},
               "TMDB seasons per series."});
  t.push_back({Layer::kStg,
               "content_episode",
               {Key("content_id"), Key("season_number", I), Key("episode_number", I), Col("primary_title"),
                Col("original_title"), Col("runtime_minutes", I), Col("average_rating", D),
                Col("vote_count", I), Col("still_path"), Col("episode_type"), Col("air_date")},
               false,
               {"content_id", "season_number", "episode_number"},
               "Episodes: IMDB and TMDB merged on (season, episode)."});
  t.push_back({Layer::kStg,
               "content_error",
               {Key("content_id"), Col("error"), Col("stage"), Col("http_status", I), Col("attempts", I),
                Col("run_id"), Col("occurred_at", TS)},
               true,
               {"content_id", "stage"},
               "Titles whose enrichment failed, per run day."});
  t.push_back({Layer::kStg,
               "content_watch_provider",
               {Key("content_id"), Col("tmdb_id"), Col("country"), Col("provider_id", L), Col("offer_type"),
                Col("provider_name"), Col("logo_path"), Col("display_priority", I)},
               true,
               {"content_id", "country", "provider_id", "offer_type"},
               "(new) Where each title could be watched that day (TMDB watch providers, from JustWatch), "
               "per configured country and offer type; a title checked with no offer has one row with "
               "NULL country, provider and offer type."});
  // gold dimensions
  t.push_back({Layer::kGold,
               "dim_content",
               {Key("content_id"), Col("content_type"), Col("primary_title"), Col("original_title"),
                Col("overview"), Col("release_date"), Col("runtime_minutes", I), Col("status"),
                Col("original_language"), Col("trailer"), Col("content_poster"), Col("average_rating", D),
                Col("vote_count", I), Col("content_homepage"), Col("tagline"), Col("budget", L),
                Col("revenue", L), Col("created_at", TS), Col("updated_at", TS)},
               false,
               {"content_id"},
               "Every title ever seen."});
  t.push_back({Layer::kGold,
               "dim_season",
               {Key("season_key"), Col("content_id"), Col("season_number", I), Col("name"), Col("overview"),
                Col("air_date"), Col("episode_count", I), Col("poster_path")},
               false,
               {"season_key"},
               "Seasons, keyed <content_id>_S<ss>."});
  t.push_back({Layer::kGold,
               "dim_episode",
               {Key("episode_key"), Col("season_key"), Col("content_id"), Col("season_number", I),
                Col("episode_number", I), Col("primary_title"), Col("original_title"),
                Col("runtime_minutes", I), Col("average_rating", D), Col("vote_count", I), Col("still_path"),
                Col("episode_type"), Col("air_date")},
               false,
               {"episode_key"},
               "Episodes, keyed <content_id>_S<ss>_E<ee>."});
  t.push_back({Layer::kGold,
               "dim_person",
               {Key("person_id"), Col("person_name"), Col("person_homepage"), Col("person_poster")},
               false,
               {"person_id"},
               "People: IMDB nm ids, TMDB-only people as tmdb:<id>."});
  t.push_back({Layer::kGold, "dim_genre", {Key("genre_name")}, false, {"genre_name"}, "Genres."});
  t.push_back({Layer::kGold,
               "dim_production_company",
               {Key("company_id"), Col("company_name"), Col("company_poster")},
               false,
               {"company_id"},
               "Production companies."});
  t.push_back(
      {Layer::kGold, "dim_interest", {Key("interest_name")}, false, {"interest_name"}, "IMDB interests."});
  t.push_back({Layer::kGold,
               "dim_network",
               {Key("network_id"), Col("network_name"), Col("network_poster")},
               false,
               {"network_id"},
               "TV networks."});
  t.push_back({Layer::kGold,
               "dim_watch_provider",
               {Key("provider_id", L), Col("provider_name"), Col("logo_path"), Col("first_seen", DT),
                Col("last_seen", DT)},
               false,
               {"provider_id"},
               "(new) Streaming, rental and purchase services (TMDB watch providers), with their latest "
               "name and logo."});
  // gold bridges
  t.push_back({Layer::kGold,
               "bridge_content_genre",
               {Key("content_id"), Key("genre_name")},
               false,
               {"content_id", "genre_name"},
               "Title to genre."});
  t.push_back({Layer::kGold,
               "bridge_content_person",
               {Key("content_id"), Key("person_id"), Key("role_type"), Col("character_names", LIST),
                Col("order_no", I)},
               false,
               {"content_id", "person_id", "role_type"},
               "Title to person, with role."});
  t.push_back({Layer::kGold,
               "bridge_content_company",
               {Key("content_id"), Key("company_id")},
               false,
               {"content_id", "company_id"},
               "Title to production company."});
  t.push_back({Layer::kGold,
               "bridge_content_interest",
               {Key("content_id"), Key("interest_name")},
               false,
               {"content_id", "interest_name"},
               "Title to interest."});
  t.push_back({Layer::kGold,
               "bridge_content_network",
               {Key("content_id"), Key("network_id")},
               false,
               {"content_id", "network_id"},
               "Series to network."});
  t.push_back({Layer::kGold,
               "bridge_content_watch_provider",
               {Key("content_id"), Key("country"), Key("provider_id", L), Key("offer_type"),
                Key("valid_from", DT), Col("valid_to", DT), Col("display_priority", I),
                Col("seen_on_first_check", B), Col("last_checked", DT)},
               false,
               {"content_id", "country", "provider_id", "offer_type", "valid_from"},
               "(new) Title to watch provider per country and offer type, with history: one row per "
               "stretch of checks on which the offer was present."});
  // gold fact
  t.push_back({Layer::kGold,
               "fact_popularity",
               {Key("content_id"), Col("rank", I), Col("popularity", DEC), Col("rank_change", I),
                Col("is_new_joiner", B), Col("is_leaver", B), Col("content_type"), Col("rank_in_type", I),
                Col("rank_change_in_type", I), Col("prev_load_date", DT), Col("days_on_list", I),
                Col("total_days_on_list", I), Col("peak_rank", I), Col("peak_date", DT),
                Col("debut_date", DT), Col("peak_rank_in_type", I), Col("peak_date_in_type", DT)},
               true,
               {"content_id"},
               "One row per title per day: ranks, changes, joiners, leavers, chart measures."});
  t.push_back({Layer::kGold,
               "fact_catalog_popularity",
               {Key("tmdb_id"), Col("rank", I), Col("popularity", DEC), Col("rank_change", I),
                Col("is_new_joiner", B), Col("is_leaver", B), Col("content_type"), Col("rank_in_type", I),
                Col("rank_change_in_type", I), Col("prev_load_date", DT), Col("content_id")},
               true,
               {"tmdb_id"},
               "(new) The whole TMDB catalog per day: ranks, changes, joiners, leavers."});
  return t;
}

}  // namespace

const std::vector<TableDef>& AllTables() {
  static const std::vector<TableDef> tables = BuildTables();
  return tables;
}

const TableDef& TableByName(std::string_view name_or_path) {
  for (const auto& t : AllTables()) {
    if (t.name == name_or_path || t.path() == name_or_path) return t;
  }
  std::fprintf(stderr, "cinelake: internal error: unknown table '%.*s'\n",
               static_cast<int>(name_or_path.size()), name_or_path.data());
  std::abort();
}

}  // namespace cinelake
