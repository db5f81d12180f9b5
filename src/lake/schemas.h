// The schema of every table cinelake writes, defined once (data-model.md).
//
// Writers, readers, the catalog and the tests all take their schemas from
// here. Partitioned tables list their partition column separately: as Hive
// and Spark do, loadDate lives in the folder name only, not in the files.
//
// Thread-safety: the table list is built once (function-local static) and immutable after; read from any
// thread. Errors: TableByName aborts on an unknown name: that is a programming error, caught by the tests.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "table/table.h"

namespace cinelake {

enum class Layer { kRaw, kStg, kGold };
const char* LayerName(Layer layer);  // "raw", "stg", "gold"

struct TableDef {
  Layer layer;
  std::string name;              // "stg_contentIDs", "dim_content", ...
  Schema schema;                 // columns inside the files
  bool partitioned = false;      // by loadDate (DATE), in the folder name
  std::vector<std::string> key;  // the natural key, for dims and bridges
  std::string description;

  std::string path() const;  // "raw/stg_contentIDs"
};

// Every table, in lineage order: raw, stg, gold.
const std::vector<TableDef>& AllTables();
// The table with that path ("gold/dim_content") or name ("dim_content");
// aborts if absent: table names are code, not input.
const TableDef& TableByName(std::string_view name_or_path);

namespace tables {
inline constexpr std::string_view kContentIds = "stg_contentIDs";
inline constexpr std::string_view kPopularity = "stg_popularity";
inline constexpr std::string_view kTmdbDetails = "stg_tmdb_details";
inline constexpr std::string_view kImdbTitles = "stg_imdb_titles";
inline constexpr std::string_view kTmdbExport = "tmdb_export";
inline constexpr std::string_view kTmdbExportLog = "tmdb_export_log";
inline constexpr std::string_view kContentDetail = "content_detail";
inline constexpr std::string_view kContentPerson = "content_person";
inline constexpr std::string_view kContentGenre = "content_genre";
inline constexpr std::string_view kContentInterest = "content_interest";
inline constexpr std::string_view kContentProduction = "content_production";
inline constexpr std::string_view kContentNetwork = "content_network";
inline constexpr std::string_view kContentSeason = "content_season";
inline constexpr std::string_view kContentEpisode = "content_episode";
inline constexpr std::string_view kContentError = "content_error";
inline constexpr std::string_view kContentWatchProvider = "content_watch_provider";
inline constexpr std::string_view kDimContent = "dim_content";
inline constexpr std::string_view kDimSeason = "dim_season";
inline constexpr std::string_view kDimEpisode = "dim_episode";
inline constexpr std::string_view kDimPerson = "dim_person";
inline constexpr std::string_view kDimGenre = "dim_genre";
inline constexpr std::string_view kDimProductionCompany = "dim_production_company";
inline constexpr std::string_view kDimInterest = "dim_interest";
inline constexpr std::string_view kDimNetwork = "dim_network";
inline constexpr std::string_view kDimWatchProvider = "dim_watch_provider";
inline constexpr std::string_view kBridgeContentGenre = "bridge_content_genre";
inline constexpr std::string_view kBridgeContentPerson = "bridge_content_person";
inline constexpr std::string_view kBridgeContentCompany = "bridge_content_company";
inline constexpr std::string_view kBridgeContentInterest = "bridge_content_interest";
inline constexpr std::string_view kBridgeContentNetwork = "bridge_content_network";
inline constexpr std::string_view kBridgeContentWatchProvider = "bridge_content_watch_provider";
inline constexpr std::string_view kFactPopularity = "fact_popularity";
inline constexpr std::string_view kFactCatalogPopularity = "fact_catalog_popularity";
}  // namespace tables

}  // namespace cinelake
