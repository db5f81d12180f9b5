#include "catalog/ddl.h"

#include <cctype>
#include <nlohmann/json.hpp>

namespace cinelake::catalog {

namespace {

std::string Quote(const std::string& name, char q) {
  std::string out(1, q);
  for (char c : name) {
    if (c == q) out += q;  // doubling escapes the quote in all four dialects
    out += c;
  }
  out += q;
  return out;
}
std::string Tick(const std::string& name) {
  return Quote(name, '`');
}
std::string Dq(const std::string& name) {
  return Quote(name, '"');
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string Decimal(const Field& f) {
  return "decimal(" + std::to_string(f.precision) + "," + std::to_string(f.scale) + ")";
}

std::string Comment(const CatalogTable& t) {
  std::string out = "-- " + t.path;
  if (!t.description.empty()) out += ": " + t.description;
  return out + "\n";
}

// A DDL document: its header, then per table a blank line, the table's
// comment and what table_ddl(table, &out) appends.
template <typename TableDdl>
std::string Document(const std::string& engine, const std::string& notes,
                     const std::vector<CatalogTable>& tables, TableDdl&& table_ddl) {
  std::string out =
      "-- cinelake catalog for " + engine + ", generated from the tables found in the lake.\n" + notes + "\n";
  for (const auto& t : tables) {
    out += '\n';
    out += Comment(t);
    table_ddl(t, &out);
  }
  return out;
}

// How Hive (and Athena) and Trino spell the types, by DataType in its order;
// decimals carry their precision and scale (Decimal()).
constexpr size_t kTypes = static_cast<size_t>(DataType::kStringList) + 1;
using Spellings = const char* const[kTypes];
constexpr Spellings kHiveTypes = {"boolean", "int",       "bigint",  "double",       "string",
                                  "date",    "timestamp", "decimal", "array<string>"};
constexpr Spellings kTrinoTypes = {"boolean", "integer",   "bigint",  "double",        "varchar",
                                   "date",    "timestamp", "decimal", "array(varchar)"};

std::string TypeIn(const Field& f, const Spellings& names) {
  if (f.type == DataType::kDecimal) return Decimal(f);
  const size_t i = static_cast<size_t>(f.type);
  return names[i < kTypes ? i : static_cast<size_t>(DataType::kString)];  // an unknown type reads as text
}

using Quoter = std::string (*)(const std::string&);
using TypeName = std::string (*)(const Field&);

// "<create> <name> (", then a line per column, "  <name> <type>",
// comma-separated; a comma also ends the last when a partition column line
// follows.
std::string CreateColumns(const CatalogTable& t, const std::string& create, Quoter quote, TypeName type,
                          bool partition_column_follows) {
  std::string out = create + " " + quote(t.name) + " (\n";
  for (size_t i = 0; i < t.schema.size(); ++i) {
    const Field& f = t.schema.field(i);
    bool last = i + 1 == t.schema.size() && !partition_column_follows;
    out += "  " + quote(f.name) + " " + type(f) + (last ? "\n" : ",\n");
  }
  return out;
}

}  // namespace

Status CheckLocation(const std::string& location) {
  if (location.find('\'') != std::string::npos || location.find('\n') != std::string::npos) {
    return Status::InvalidArgument("catalog location '" + location + "' contains a quote or newline");
  }
  return Status::OK();
}

std::string HiveType(const Field& f) {
  return TypeIn(f, kHiveTypes);
}

std::string TrinoType(const Field& f) {
  return TypeIn(f, kTrinoTypes);
}

// Spark SQL and Hive spell every type as cinelake does.
std::string SparkType(const Field& f) {
  return FieldTypeName(f);
}

std::string AthenaDdl(const std::vector<CatalogTable>& tables) {
  const std::string part = Lower(kPartitionColumn);
  const std::string notes =
      "-- Athena stores identifiers in lower case: the partition column loadDate is\n"
      "-- `" +
      part +
      "` here and in queries, while the folders keep \"loadDate=YYYY-MM-DD\"\n"
      "-- (storage.location.template maps one to the other). Partition projection\n"
      "-- makes new days visible without MSCK REPAIR or crawlers.\n";
  return Document("Amazon Athena (Glue Data Catalog)", notes, tables,
                  [&](const CatalogTable& t, std::string* out) {
                    *out += CreateColumns(t, "CREATE EXTERNAL TABLE IF NOT EXISTS", Tick, HiveType, false);
                    *out += ")\n";
                    if (t.partitioned) *out += "PARTITIONED BY (" + Tick(part) + " date)\n";
                    *out += "STORED AS PARQUET\n";
                    *out += "LOCATION '" + t.location + "/'";
                    if (t.partitioned) {
                      const std::string p = "'projection." + part;
                      *out += "\nTBLPROPERTIES (\n";
                      *out += "  'projection.enabled' = 'true',\n";
                      *out += "  " + p + ".type' = 'date',\n";
                      *out += "  " + p + ".format' = 'yyyy-MM-dd',\n";
                      *out += "  " + p + ".range' = '" + t.partitions.front().ToString() + ",NOW',\n";
                      *out += "  " + p + ".interval' = '1',\n";
                      *out += "  " + p + ".interval.unit' = 'DAYS',\n";
                      *out += "  'storage.location.template' = '" + t.location + "/" + kPartitionColumn +
                              "=${" + part + "}/'\n";
                      *out += ")";
                    }
                    *out += ";\n";
                  });
}

std::string TrinoDdl(const std::vector<CatalogTable>& tables, const std::string& schema_name) {
  const std::string part = Lower(kPartitionColumn);
  const std::string notes = "-- Run in the Hive catalog's schema " + Dq(schema_name) +
                            ". Trino lower-cases identifiers:\n"
                            "-- the partition column loadDate is \"" +
                            part +
                            "\"; sync_partition_metadata is told\n"
                            "-- to match the \"loadDate=...\" folders case-insensitively.\n";
  return Document("Trino (Hive connector)", notes, tables, [&](const CatalogTable& t, std::string* out) {
    *out += CreateColumns(t, "CREATE TABLE IF NOT EXISTS", Dq, TrinoType, t.partitioned);
    if (t.partitioned) *out += "  " + Dq(part) + " date\n";
    *out += ")\nWITH (\n  format = 'PARQUET',\n  external_location = '" + t.location + "'";
    if (t.partitioned) *out += ",\n  partitioned_by = ARRAY['" + part + "']";
    *out += "\n);\n";
    if (t.partitioned) {
      *out += "CALL system.sync_partition_metadata(schema_name => '" + schema_name + "', table_name => '" +
              t.name + "', mode => 'FULL', case_sensitive => false);\n";
    }
  });
}

std::string SparkDdl(const std::vector<CatalogTable>& tables) {
  const char* notes =
      "-- Data source tables over the Parquet folders; MSCK REPAIR TABLE registers\n"
      "-- the loadDate partitions present (re-run it after new days land).\n";
  return Document("Apache Spark SQL", notes, tables, [](const CatalogTable& t, std::string* out) {
    *out += CreateColumns(t, "CREATE TABLE IF NOT EXISTS", Tick, SparkType, t.partitioned);
    if (t.partitioned) *out += "  " + Tick(kPartitionColumn) + " DATE\n";
    *out += ")\nUSING parquet\n";
    if (t.partitioned) *out += "PARTITIONED BY (" + Tick(kPartitionColumn) + ")\n";
    *out += "LOCATION '" + t.location + "';\n";
    if (t.partitioned) *out += "MSCK REPAIR TABLE " + Tick(t.name) + ";\n";
  });
}

std::string DuckDbDdl(const std::vector<CatalogTable>& tables) {
  const char* notes =
      "-- Views over the Parquet files; partitioned tables read loadDate from the\n"
      "-- folder names (hive_partitioning) as a DATE (hive_types).\n";
  return Document("DuckDB", notes, tables, [](const CatalogTable& t, std::string* out) {
    *out += "CREATE OR REPLACE VIEW " + Dq(t.name) + " AS SELECT * FROM read_parquet('" + t.location +
            "/**/*.parquet', ";
    if (t.partitioned) {
      *out += "hive_partitioning = true, hive_types = {'" + std::string(kPartitionColumn) + "': DATE});\n";
    } else {
      *out += "hive_partitioning = false);\n";
    }
  });
}

std::string SchemaJson(const CatalogTable& t) {
  nlohmann::ordered_json j;
  j["table"] = t.name;
  j["layer"] = LayerName(t.layer);
  j["description"] = t.description;
  j["declared"] = t.declared;
  j["format"] = "parquet";
  j["location"] = t.location;
  nlohmann::ordered_json cols = nlohmann::ordered_json::array();
  for (const auto& f : t.schema.fields()) {
    nlohmann::ordered_json c;
    c["name"] = f.name;
    c["type"] = DataTypeName(f.type);
    if (f.type == DataType::kDecimal) {
      c["precision"] = f.precision;
      c["scale"] = f.scale;
    }
    c["nullable"] = f.nullable;
    cols.push_back(std::move(c));
  }
  j["columns"] = std::move(cols);
  nlohmann::ordered_json keys = nlohmann::ordered_json::array();
  if (t.partitioned) {
    nlohmann::ordered_json k;
    k["name"] = kPartitionColumn;
    k["type"] = "DATE";
    k["nullable"] = false;
    keys.push_back(std::move(k));
  }
  j["partition_keys"] = std::move(keys);
  j["row_count"] = t.row_count;
  j["file_count"] = t.file_count;
  j["partitions_count"] = t.partitions.size();
  j["first_partition"] = nullptr;
  j["last_partition"] = nullptr;
  if (!t.partitions.empty()) {
    j["first_partition"] = t.partitions.front().ToString();
    j["last_partition"] = t.partitions.back().ToString();
  }
  return j.dump(2) + "\n";
}

}  // namespace cinelake::catalog
