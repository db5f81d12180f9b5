#include "orchestrator/glue_sync.h"

#include <algorithm>
#include <set>

#include "catalog/catalog_table.h"
#include "catalog/ddl.h"

namespace cinelake {
namespace {

using nlohmann::json;

constexpr size_t kCreateBatch = 100;  // BatchCreatePartition's limit
constexpr size_t kDeleteBatch = 25;   // BatchDeletePartition's limit

std::string PartitionKey() {
  std::string key = catalog::kPartitionColumn;
  std::transform(key.begin(), key.end(), key.begin(), [](unsigned char c) { return std::tolower(c); });
  return key;
}

json StorageDescriptor(const json& columns, const std::string& location) {
  return {{"Columns", columns},
          {"Location", location},
          {"InputFormat", "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat"},
          {"OutputFormat", "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat"},
          {"SerdeInfo",
           {{"SerializationLibrary", "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe"},
            {"Parameters", {{"serialization.format", "1"}}}}},
          {"Compressed", false},
          {"StoredAsSubDirectories", false}};
}

json Columns(const catalog::CatalogTable& t) {
  json cols = json::array();
  for (const Field& f : t.schema.fields()) cols.push_back({{"Name", f.name}, {"Type", catalog::HiveType(f)}});
  return cols;
}

std::string PartitionLocation(const catalog::CatalogTable& t, const std::string& day) {
  return t.location + "/" + catalog::kPartitionColumn + "=" + day + "/";
}

json TableInput(const catalog::CatalogTable& t) {
  json input = {{"Name", t.name},
                {"TableType", "EXTERNAL_TABLE"},
                {"Parameters", {{"classification", "parquet"}, {"EXTERNAL", "TRUE"}}},
                {"StorageDescriptor", StorageDescriptor(Columns(t), t.location + "/")},
                {"PartitionKeys", json::array()}};
  if (!t.description.empty()) input["Description"] = t.description;
  if (t.partitioned) input["PartitionKeys"].push_back({{"Name", PartitionKey()}, {"Type", "date"}});
  return input;
}

Status EnsureDatabase(const s3::GlueClient& glue, const std::string& database) {
  auto got = glue.Call("GetDatabase", {{"Name", database}});
  if (got.ok()) return Status::OK();
  if (got.status().code() != Status::Code::kNotFound) return got.status();
  json input = {{"Name", database}, {"Description", "cinelake's gold tables, kept in step by each run"}};
  std::string error_type;
  auto made = glue.Call("CreateDatabase", {{"DatabaseInput", input}}, &error_type);
  if (!made.ok() && error_type != "AlreadyExistsException") return made.status();
  return Status::OK();
}

Result<std::set<std::string>> GluePartitions(const s3::GlueClient& glue, const std::string& database,
                                             const std::string& table) {
  std::set<std::string> days;
  std::string token;
  // Bounded: each page holds at least one partition, and a lake has far
  // fewer than this many pages of days.
  for (int page = 0; page < 100000; ++page) {
    json request = {{"DatabaseName", database}, {"TableName", table}};
    if (!token.empty()) request["NextToken"] = token;
    ASSIGN_OR_RETURN(json answer, glue.Call("GetPartitions", request));
    for (const auto& p : answer.value("Partitions", json::array())) {
      const json values = p.value("Values", json::array());
      if (values.size() == 1 && values[0].is_string()) days.insert(values[0].get<std::string>());
    }
    token = answer.value("NextToken", "");
    if (token.empty()) return days;
  }
  return Status::Internal("Glue GetPartitions of " + table + ": the pages never end");
}

Status CheckBatchErrors(const json& answer, const std::string& what) {
  const json errors = answer.value("Errors", json::array());
  if (errors.empty()) return Status::OK();
  const json& e = errors.front();
  std::string day = e.contains("PartitionValues") && !e["PartitionValues"].empty()
                        ? e["PartitionValues"][0].get<std::string>()
                        : "?";
  std::string detail = e.contains("ErrorDetail") ? e["ErrorDetail"].value("ErrorMessage", "") : "";
  return Status::IOError(what + ": " + std::to_string(errors.size()) + " partition(s) failed, first " +
                         PartitionKey() + "=" + day + (detail.empty() ? "" : ": " + detail));
}

Status SyncPartitions(const s3::GlueClient& glue, const std::string& database, const catalog::CatalogTable& t,
                      const json& columns, GlueSyncStats* stats) {
  ASSIGN_OR_RETURN(std::set<std::string> present, GluePartitions(glue, database, t.name));
  std::set<std::string> wanted;
  for (Date d : t.partitions) wanted.insert(d.ToString());
  std::vector<std::string> add;
  std::vector<std::string> drop;
  std::set_difference(wanted.begin(), wanted.end(), present.begin(), present.end(), std::back_inserter(add));
  std::set_difference(present.begin(), present.end(), wanted.begin(), wanted.end(), std::back_inserter(drop));
  for (size_t i = 0; i < add.size(); i += kCreateBatch) {
    json inputs = json::array();
    for (size_t j = i; j < std::min(add.size(), i + kCreateBatch); ++j) {
      inputs.push_back({{"Values", {add[j]}},
                        {"StorageDescriptor", StorageDescriptor(columns, PartitionLocation(t, add[j]))}});
    }
    ASSIGN_OR_RETURN(json answer, glue.Call("BatchCreatePartition", {{"DatabaseName", database},
                                                                     {"TableName", t.name},
                                                                     {"PartitionInputList", inputs}}));
    RETURN_IF_ERROR(CheckBatchErrors(answer, "Glue BatchCreatePartition of " + t.name));
    stats->partitions_added += static_cast<int64_t>(inputs.size());
  }
  for (size_t i = 0; i < drop.size(); i += kDeleteBatch) {
    json values = json::array();
    for (size_t j = i; j < std::min(drop.size(), i + kDeleteBatch); ++j)
      values.push_back({{"Values", {drop[j]}}});
    ASSIGN_OR_RETURN(json answer, glue.Call("BatchDeletePartition", {{"DatabaseName", database},
                                                                     {"TableName", t.name},
                                                                     {"PartitionsToDelete", values}}));
    RETURN_IF_ERROR(CheckBatchErrors(answer, "Glue BatchDeletePartition of " + t.name));
    stats->partitions_deleted += static_cast<int64_t>(values.size());
  }
  return Status::OK();
}

}  // namespace

Status CheckGlueDatabaseName(const std::string& name) {
  bool ok = !name.empty() && name.size() <= 255 && std::all_of(name.begin(), name.end(), [](unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
  if (ok) return Status::OK();
  return Status::InvalidArgument("--glue-database '" + name +
                                 "': a Glue database name is 1-255 of lower-case letters, digits and '_'");
}

Result<GlueSyncStats> SyncGlue(const Lake& lake, const std::string& location, const std::string& database,
                               const s3::GlueClient& glue) {
  RETURN_IF_ERROR(CheckGlueDatabaseName(database));
  ASSIGN_OR_RETURN(std::vector<catalog::CatalogTable> tables, catalog::DiscoverTables(lake, location));
  RETURN_IF_ERROR(EnsureDatabase(glue, database));
  GlueSyncStats stats;
  for (const auto& t : tables) {
    if (t.layer != Layer::kGold) continue;
    const json input = TableInput(t);
    std::string error_type;
    auto made = glue.Call("CreateTable", {{"DatabaseName", database}, {"TableInput", input}}, &error_type);
    if (made.ok()) {
      ++stats.tables_created;
    } else if (error_type == "AlreadyExistsException") {
      RETURN_IF_ERROR(glue.Call("UpdateTable", {{"DatabaseName", database}, {"TableInput", input}}).status());
      ++stats.tables_updated;
    } else {
      return made.status();
    }
    if (t.partitioned) RETURN_IF_ERROR(SyncPartitions(glue, database, t, Columns(t), &stats));
  }
  return stats;
}

}  // namespace cinelake
