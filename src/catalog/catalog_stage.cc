#include "catalog/catalog_stage.h"

#include <nlohmann/json.hpp>
#include <set>

#include "catalog/catalog_table.h"
#include "catalog/ddl.h"
#include "common/log.h"
#include "jobs/cancellation.h"

namespace cinelake {

Status RunCatalogStage(const JobContext& ctx, const CatalogOptions& options) {
  if (ctx.lake == nullptr) return Status::Internal("catalog stage: no lake");
  Lake& lake = *ctx.lake;
  RETURN_IF_ERROR(catalog::CheckLocation(options.location));
  RETURN_IF_ERROR(catalog::CheckLocation(lake.Location()));
  if (options.trino_schema.find('\'') != std::string::npos) {
    return Status::InvalidArgument("trino schema '" + options.trino_schema + "' contains a quote");
  }
  ASSIGN_OR_RETURN(std::vector<catalog::CatalogTable> tables,
                   catalog::DiscoverTables(lake, options.location));
  std::set<std::string> names;
  for (const auto& t : tables) {
    for (const auto& why : t.unreadable_files) {
      spdlog::warn("catalog: {} left out: {}", t.path, Redact(why));
      ctx.Count("catalog.unreadable_files", 1);
    }
    if (!names.insert(t.name).second) {
      return Status::Corruption("catalog: table name '" + t.name + "' appears in two layers of " +
                                lake.Location());
    }
  }
  if (ctx.Cancelled()) return Status::Aborted("catalog stage cancelled");

  const std::string dir = kCatalogDir;
  // Stops between files when cancelled; a resumed run writes them all again.
  auto write = [&](const std::string& file, const std::string& text) -> Status {
    RETURN_IF_ERROR(StopIfCancelled(ctx, "catalog before " + file));
    return lake.storage().WriteAtomic(dir + "/" + file, text);
  };
  nlohmann::ordered_json index = nlohmann::ordered_json::array();
  for (const auto& t : tables) {
    const std::string file = t.name + ".schema.json";
    RETURN_IF_ERROR(write(file, catalog::SchemaJson(t)));
    nlohmann::ordered_json e;
    e["table"] = t.name;
    e["layer"] = LayerName(t.layer);
    e["path"] = t.path;
    e["schema"] = file;
    index.push_back(std::move(e));
  }
  RETURN_IF_ERROR(write("tables.json", index.dump(2) + "\n"));
  RETURN_IF_ERROR(write("athena.sql", catalog::AthenaDdl(tables)));
  RETURN_IF_ERROR(write("trino.sql", catalog::TrinoDdl(tables, options.trino_schema)));
  RETURN_IF_ERROR(write("spark.sql", catalog::SparkDdl(tables)));
  RETURN_IF_ERROR(write("duckdb.sql", catalog::DuckDbDdl(tables)));

  // Drop schema files of tables that are gone.
  ASSIGN_OR_RETURN(std::vector<std::string> existing, lake.storage().List(dir));
  const std::string suffix = ".schema.json";
  for (const auto& file : existing) {
    if (file.size() <= suffix.size() ||
        file.compare(file.size() - suffix.size(), suffix.size(), suffix) != 0) {
      continue;
    }
    if (!names.contains(file.substr(0, file.size() - suffix.size()))) {
      RETURN_IF_ERROR(lake.storage().Remove(dir + "/" + file));
    }
  }
  ctx.Count("catalog.tables", static_cast<int64_t>(tables.size()));
  return Status::OK();
}

StageDecl CatalogStage(const CatalogOptions& options, const std::vector<StageDecl>& described) {
  StageDecl decl{
      "catalog", {}, {}, {}, [options](const JobContext& ctx) { return RunCatalogStage(ctx, options); }};
  for (const StageDecl& stage : described) {
    for (const auto& table : stage.writes) decl.reads.push_back(Today(table));
  }
  return decl;
}

}  // namespace cinelake
