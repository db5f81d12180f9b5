// What the catalog knows about one table found in the lake, and how it finds
// them: like a Glue crawler, by listing the lake's layer folders (raw, stg,
// gold), never from a hand-kept list.
//
// A folder under a layer is a table when it holds Parquet files directly
// (unpartitioned) or "loadDate=YYYY-MM-DD" folders holding them
// (partitioned). Names starting with '_' or '.' are skipped (gold/_catalog,
// temporaries). The column schema is read from the Parquet footers
// (ReadParquetInfo); schemas.h only supplies the description and the
// nullability of declared tables, and a declared table whose files disagree
// with its declaration (names, types, partitioning) is a Corruption error
// naming the file. A file whose footer is corrupt is not counted and is
// listed in `unreadable_files` instead (the stage warns), so one damaged
// file never blocks the catalog. Undeclared tables are catalogued from their
// files alone.
//
// Discovery only reads the lake; the returned descriptions belong to the
// caller.
//
// Thread-safety: DiscoverTables only reads the lake; any number may run at once.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/date.h"
#include "common/status.h"
#include "lake/lake.h"
#include "lake/schemas.h"

namespace cinelake::catalog {

struct CatalogTable {
  Layer layer = Layer::kRaw;
  std::string name;              // "fact_popularity"
  std::string path;              // "gold/fact_popularity"
  std::string location;          // location prefix + "/" + path, no trailing '/'
  Schema schema;                 // columns inside the files (not loadDate)
  bool declared = false;         // present in schemas.h
  std::string description;       // from schemas.h; empty when undeclared
  bool partitioned = false;      // by loadDate (DATE), in the folder names
  std::vector<Date> partitions;  // ascending
  int64_t row_count = 0;
  int64_t file_count = 0;
  std::vector<std::string> unreadable_files;  // the reader's message, naming each file
};

inline constexpr const char* kPartitionColumn = "loadDate";

// Every table in the lake, ordered by layer (raw, stg, gold) then name.
// `location_prefix` replaces the lake root in `location` (trailing '/' ignored).
Result<std::vector<CatalogTable>> DiscoverTables(const Lake& lake, const std::string& location_prefix);

}  // namespace cinelake::catalog
