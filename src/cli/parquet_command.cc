// `cinelake parquet`: inspect Parquet files with cinelake's own reader.
//
//   cinelake parquet schema FILE [--json]   columns (cinelake types, nullability),
//                                           row groups, rows, key-value metadata
//   cinelake parquet cat FILE [--columns a,b] [--json] [--limit N]
//
// The work is lake/dump_file.h's; this file only wires flags to it.
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "cli/command.h"
#include "lake/dump_file.h"
#include "lake/storage.h"

namespace cinelake {

namespace {

Status WriteToStdout(std::string_view chunk) {
  if (!chunk.empty() && std::fwrite(chunk.data(), 1, chunk.size(), stdout) != chunk.size()) {
    return Status::IOError("writing to stdout failed");
  }
  return Status::OK();
}

// Any file on the machine, read through the same Storage the lake uses.
struct FileInStorage {
  explicit FileInStorage(const std::string& file) {
    std::filesystem::path p(file);
    std::string parent = p.parent_path().string();
    storage = std::make_unique<LocalStorage>(parent.empty() ? "." : parent);
    name = p.filename().string();
  }
  std::unique_ptr<LocalStorage> storage;
  std::string name;
};

void Finish(const Status& st) {
  if (st.ok() && std::fflush(stdout) != 0) Exit(ReportFailure(Status::IOError("writing to stdout failed")));
  if (!st.ok()) Exit(ReportFailure(st));
}

}  // namespace

void RegisterParquetCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand("parquet", "Inspect Parquet files (schema, rows)");
  cmd->require_subcommand(1);

  // Option storage lives as long as the callbacks that own it (and the app).
  struct SchemaArgs {
    std::string path;
    bool json = false;
  };
  auto* schema =
      cmd->add_subcommand("schema", "Columns (as cinelake types), row groups, rows, key-value metadata");
  auto schema_args = std::make_shared<SchemaArgs>();
  schema->add_option("FILE", schema_args->path, "Parquet file")->required();
  schema->add_flag("--json", schema_args->json, "One JSON object instead of text");
  schema->callback([schema_args] {
    FileInStorage file(schema_args->path);
    Finish(DumpSchema(*file.storage, file.name, schema_args->json ? DumpFormat::kJson : DumpFormat::kText,
                      WriteToStdout));
  });

  struct CatArgs {
    std::string path;
    std::vector<std::string> columns;
    bool json = false;
    int64_t limit = -1;
  };
  auto* cat = cmd->add_subcommand("cat", "Print rows");
  auto cat_args = std::make_shared<CatArgs>();
  cat->add_option("FILE", cat_args->path, "Parquet file")->required();
  cat->add_option("--columns", cat_args->columns, "Columns to print, in this order (comma separated)")
      ->delimiter(',');
  cat->add_flag("--json", cat_args->json, "One JSON object per row, exact values");
  cat->add_option("--limit", cat_args->limit, "Print at most N rows")->check(CLI::NonNegativeNumber);
  cat->callback([cat_args] {
    FileInStorage file(cat_args->path);
    DumpOptions options;
    options.format = cat_args->json ? DumpFormat::kJson : DumpFormat::kText;
    options.columns = cat_args->columns;
    options.limit = cat_args->limit;
    Finish(DumpRows(*file.storage, file.name, options, WriteToStdout));
  });
}

}  // namespace cinelake
