// Lake: cinelake's tables on a Storage, laid out as query engines expect.
//
//   <root>/_lake.json                                   marks the folder as a lake
//   <root>/raw|stg|gold/<table>/part-00000.parquet      unpartitioned tables
//   <root>/<layer>/<table>/loadDate=YYYY-MM-DD/part-00000.parquet
//   <root>/_runs/                                       orchestrator manifests
//   <root>/gold/_catalog/                               schemas and DDL
//
// Every write replaces a whole table or partition atomically, then reads the
// file back (footer and every page decoded), so a file that would not read
// fails the write that made it instead of a later reader. Reads check the
// file's columns against the schema in schemas.h and name the file on error.
//
// Ownership: a Lake owns its Storage. Thread-safety: const methods and writes of distinct paths may run from
// several threads at once (the pipeline's parallel branches share one Lake); two writers of one path are the
// caller's error (the step graph forbids two stages writing one table). Errors: Status naming the file or
// folder; NotFound for an absent table or partition.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/date.h"
#include "common/status.h"
#include "lake/parquet/parquet.h"
#include "lake/schemas.h"
#include "lake/storage.h"
#include "table/table.h"

namespace cinelake {

class Lake {
 public:
  enum class OpenMode {
    kCreateIfMissing,  // an absent or empty folder becomes a new lake
    kMustExist,        // the folder must already be a lake
  };

  // A folder that exists, is not empty and has no _lake.json is refused:
  // cinelake never writes into a folder it did not create.
  static Result<std::unique_ptr<Lake>> Open(const std::string& root, OpenMode mode);
  // For tests and other stores: a lake over an existing Storage.
  explicit Lake(std::unique_ptr<Storage> storage) : storage_(std::move(storage)) {}

  Storage& storage() { return *storage_; }
  const Storage& storage() const { return *storage_; }
  std::string Location(const std::string& path = "") const { return storage_->Location(path); }

  // Replaces an unpartitioned table, or one partition of a partitioned table.
  // The table's schema must equal def.schema.
  Status Write(const TableDef& def, const Table& data, std::optional<Date> partition = std::nullopt,
               const parquet::WriteOptions& options = {});
  Status DropPartition(const TableDef& def, Date partition);

  // Reads a table or one partition; NotFound if it was never written.
  // `columns` projects (empty = all).
  Result<Table> Read(const TableDef& def, std::optional<Date> partition = std::nullopt,
                     const std::vector<std::string>& columns = {}) const;
  // As Read, but an absent table or partition is an empty table.
  Result<Table> ReadOrEmpty(const TableDef& def, std::optional<Date> partition = std::nullopt,
                            const std::vector<std::string>& columns = {}) const;
  // Every partition of a partitioned table, with a trailing "loadDate" DATE column.
  Result<Table> ReadAllPartitions(const TableDef& def, const std::vector<std::string>& columns = {}) const;

  bool Exists(const TableDef& def, std::optional<Date> partition = std::nullopt) const;
  // The partition dates present, ascending. Malformed folder names are an error.
  Result<std::vector<Date>> Partitions(const TableDef& def) const;

  // Decodes one file's bytes as a table of `def` (columns checked against
  // the schema); `path` names the file in errors.
  Result<Table> Decode(const TableDef& def, const std::string& path, std::string_view bytes,
                       const std::vector<std::string>& columns = {}) const;

  static std::string PartitionDir(const TableDef& def, Date partition);
  static constexpr const char* kPartFile = "part-00000.parquet";
  static constexpr const char* kMarkerFile = "_lake.json";

 private:
  Result<Table> ReadDir(const TableDef& def, const std::string& dir,
                        const std::vector<std::string>& columns) const;

  std::unique_ptr<Storage> storage_;
};

}  // namespace cinelake
