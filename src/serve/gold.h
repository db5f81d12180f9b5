// GoldTables: the gold layer as plain in-memory Tables, the dashboard's input.
//
// The dashboard's computations take a GoldTables and never touch storage, so
// they can be tested on tables built in memory. LoadGold() fills one from a
// lake; a dimension or bridge never written reads as an empty table, and
// fact_popularity is kept one Table per loadDate partition, ascending.
//
// Ownership: a GoldTables owns its tables by value; LoadGold() returns a
// fresh one and WriteGold() only reads the one given.
// Thread-safety: a GoldTables is plain data: read it from many threads, or
// change it from one. LoadGold()/WriteGold() are as safe as the Lake they use.
// Errors: the Lake's Status, with the table and file named.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "common/date.h"
#include "common/status.h"
#include "lake/lake.h"
#include "table/table.h"

namespace cinelake::serve {

struct GoldTables {
  Table dim_content;
  Table dim_season;
  Table dim_episode;
  Table dim_person;
  Table dim_genre;
  Table dim_interest;
  Table dim_network;
  Table dim_production_company;
  Table bridge_content_genre;
  Table bridge_content_person;
  Table bridge_content_company;
  Table bridge_content_interest;
  Table bridge_content_network;
  std::vector<std::pair<Date, Table>> fact;  // fact_popularity by loadDate, ascending

  // Every table empty, with its gold schema.
  static GoldTables Empty();
};

// Rows per table name, dims and bridges in the lake's order, then
// fact_popularity summed over its partitions.
std::vector<std::pair<std::string, int64_t>> GoldTableRows(const GoldTables& gold);

// Reads every gold table; errors name the table and file.
Result<GoldTables> LoadGold(const Lake& lake);

// Writes every table of `gold` into `lake` (dims, bridges, each fact partition).
Status WriteGold(Lake& lake, const GoldTables& gold);

}  // namespace cinelake::serve
