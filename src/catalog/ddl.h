// DDL and schema documents for the tables the catalog found (catalog_table.h).
// Pure text generation, one function per engine; every output is
// deterministic (no clocks), so an unchanged lake gives unchanged files.
//
// Identifiers are always quoted (backticks for Athena and Spark, double
// quotes for Trino and DuckDB): our columns include words some engine
// reserves (rank, status, type, name...), and quoting is harmless elsewhere.
//
// The partition column loadDate is mixed case. Athena (Glue) and Trino (Hive
// metastore) store identifiers in lower case, so their DDL names it loaddate
// — also in Athena's projection.* properties — while the folders keep
// "loadDate=..." (Athena's storage.location.template spells the folder out;
// Trino's sync_partition_metadata is called with case_sensitive => false).
// Spark and DuckDB keep loadDate as written.
//
// Locations must not contain a single quote (they are SQL string literals).
//
// Pure; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "catalog/catalog_table.h"
#include "table/table.h"

namespace cinelake::catalog {

// Column type in Athena / Hive DDL: string, int, bigint, double, boolean,
// date, timestamp, decimal(10,2), array<string>.
std::string HiveType(const Field& field);
// Column type in Trino DDL: varchar, integer, bigint, double, boolean, date,
// timestamp, decimal(10,2), array(varchar).
std::string TrinoType(const Field& field);
// Column type in Spark SQL DDL: STRING, INT, BIGINT, ... ARRAY<STRING>.
std::string SparkType(const Field& field);

std::string AthenaDdl(const std::vector<CatalogTable>& tables);
// `schema_name`: the Trino schema the tables are created in (for the CALLs).
std::string TrinoDdl(const std::vector<CatalogTable>& tables, const std::string& schema_name);
std::string SparkDdl(const std::vector<CatalogTable>& tables);
std::string DuckDbDdl(const std::vector<CatalogTable>& tables);

// <table>.schema.json: columns (name, type, nullable; precision/scale for
// decimals), partition keys, location, row and partition counts,
// first/last partition, description, declared.
std::string SchemaJson(const CatalogTable& table);

// An error if a location cannot be written as a SQL string literal.
Status CheckLocation(const std::string& location);

}  // namespace cinelake::catalog
