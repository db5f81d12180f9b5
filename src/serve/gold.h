// GoldTables: the gold layer as plain in-memory Tables, the dashboard's input.
//
// The dashboard's computations take a GoldTables and never touch storage, so
// they can be tested on tables built in memory. LoadGold() fills one from a
// lake; a dimension or bridge never written reads as an empty table, and
// fact_popularity is kept one Table per loadDate partition, ascending. The
// whole catalog's fact is not kept as tables but as a CatalogIndex, read from
// the same commit.
//
// LoadGold() reads only committed gold (lake/gold_commit.h): the files the
// commit marker lists, from their snapshot copies, each checked against the
// marker's size and CRC, so one load never mixes two runs' tables, even while
// a run is rewriting the live folders or after one failed midway. A lake
// without a marker (written before commits existed) is read from its live
// folders. A file that cannot be read is left out and named in `notes`; the
// rest is still loaded.
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
#include "lake/gold_commit.h"
#include "lake/lake.h"
#include "serve/catalog_index.h"
#include "table/table.h"

namespace cinelake::serve {

// What a load found besides the tables, for the health endpoint.
struct GoldLoadNotes {
  bool committed = false;                  // read from a gold commit; false: live folders, no marker
  int64_t sequence = 0;                    // the commit's
  std::string run_id;                      // the committing run
  std::vector<UnreadableFile> unreadable;  // files left out of what is served
  std::vector<Date> unreadable_days;       // fact partitions among them
  // Live gold files that differ from the commit (changed, added or gone):
  // a run is rewriting gold, or one failed before committing.
  std::vector<std::string> live_changed;
};

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
  Table dim_watch_provider;
  Table bridge_content_watch_provider;
  std::vector<std::pair<Date, Table>> fact;  // fact_popularity by loadDate, ascending
  // gold/fact_catalog_popularity, compacted (catalog_load.h); never null.
  std::shared_ptr<const CatalogIndex> catalog;
  GoldLoadNotes notes;

  // Every table empty, with its gold schema.
  static GoldTables Empty();
};

// Rows per table name, dims and bridges in the lake's order, then
// fact_popularity summed over its partitions.
std::vector<std::pair<std::string, int64_t>> GoldTableRows(const GoldTables& gold);

// Reads the committed gold tables (above). Errors are only those that leave
// nothing to read (the gold folder cannot be listed); Busy when a new commit
// replaced the one being read (read again).
Result<GoldTables> LoadGold(const Lake& lake);

// Writes every table of `gold` into `lake` (dims, bridges, each fact
// partition) and commits them, as a pipeline run would.
Status WriteGold(Lake& lake, const GoldTables& gold);

}  // namespace cinelake::serve
