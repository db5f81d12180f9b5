// SyncGlue: what the original's gold crawler did, without a crawler. After a
// run, the Glue Data Catalog database named by --glue-database is made to
// hold every gold table of the lake, with the schema the generated Athena
// DDL declares (the same HiveType columns, loaddate DATE as the partition
// key, Parquet SerDe, EXTERNAL_TABLE at the table's location) and exactly
// the loadDate partitions present in the lake.
//
// The database is created when missing; each table is created, or updated
// when it exists (so a new column reaches Glue); partitions missing from
// Glue are added (BatchCreatePartition, 100 a call) and those whose folder
// is gone are deleted (BatchDeletePartition, 25 a call). Idempotent: a
// second sync of an unchanged lake changes no partition.
//
// Errors: the Glue client's (naming the action), and Glue's per-partition
// errors naming the table and day. Thread-compatible; the caller holds the
// lake lock, so the lake does not change underneath.
#pragma once

#include <cstdint>
#include <string>

#include "common/status.h"
#include "lake/lake.h"
#include "lake/s3/glue_client.h"

namespace cinelake {

struct GlueSyncStats {
  int64_t tables_created = 0;
  int64_t tables_updated = 0;
  int64_t partitions_added = 0;
  int64_t partitions_deleted = 0;
};

// `location`: what the DDL points at (--catalog-location), "" for the lake's own.
Result<GlueSyncStats> SyncGlue(const Lake& lake, const std::string& location, const std::string& database,
                               const s3::GlueClient& glue);

// A Glue database name: 1-255 of lower-case letters, digits and '_'.
Status CheckGlueDatabaseName(const std::string& name);

}  // namespace cinelake
