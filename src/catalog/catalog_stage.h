// The catalog stage: writes gold/_catalog/ for the tables present in the lake.
//
//   <table>.schema.json   one per table found (ddl.h SchemaJson)
//   tables.json           the list of tables found: name, layer, path, schema file
//   athena.sql trino.sql spark.sql duckdb.sql   DDL for every table found
//
// Tables are discovered by listing the lake (catalog_table.h). Schema files
// of tables no longer present are removed, so the folder always describes
// the lake as it is. Each file is written atomically. A Parquet file whose
// footer is corrupt is left out with a warning naming it (the run goes on:
// the fact stage rebuilds a damaged fact partition, and the dashboard's
// /api/health names what it cannot read). Counters: catalog.tables,
// catalog.unreadable_files.
//
// Runs on one of the orchestrator's worker threads beside no other writer of
// gold/_catalog; it reads the lake and writes only that folder.
#pragma once

#include <string>

#include "common/status.h"
#include "jobs/job_context.h"
#include "jobs/stage.h"

namespace cinelake {

struct CatalogOptions {
  // Replaces the lake root in every location, e.g. "s3://bucket/prefix".
  // Empty: the lake's absolute path.
  std::string location;
  // The Trino schema named in sync_partition_metadata calls.
  std::string trino_schema = "cinelake";
};

inline constexpr const char* kCatalogDir = "gold/_catalog";

Status RunCatalogStage(const JobContext& ctx, const CatalogOptions& options);
// "catalog" (jobs/stage.h): reads every table the `described` stages write,
// so it runs once all of them have.
StageDecl CatalogStage(const CatalogOptions& options, const std::vector<StageDecl>& described);

}  // namespace cinelake
