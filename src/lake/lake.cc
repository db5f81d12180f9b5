#include "lake/lake.h"

#include <filesystem>

#include "common/version.h"

namespace cinelake {
namespace fs = std::filesystem;

Result<std::unique_ptr<Lake>> Lake::Open(const std::string& root, OpenMode mode) {
  std::error_code ec;
  fs::path abs = fs::absolute(root, ec);
  if (ec) return Status::InvalidArgument("lake path '" + root + "': " + ec.message());
  abs = abs.lexically_normal();
  std::string where = abs.string();
  if (where.size() > 1 && where.back() == '/') where.pop_back();
  bool exists = fs::exists(abs, ec);
  if (exists && !fs::is_directory(abs, ec)) {
    return Status::InvalidArgument("lake path " + where + " is a file, not a folder");
  }
  bool has_marker = fs::exists(abs / kMarkerFile, ec);
  if (!has_marker) {
    bool empty = !exists || fs::is_empty(abs, ec);
    if (mode == OpenMode::kMustExist) {
      return Status::InvalidArgument(where + " is not a cinelake lake (no " + kMarkerFile +
                                     "); 'cinelake run' creates a lake in an empty or new folder");
    }
    if (!empty) {
      return Status::InvalidArgument(where + " is not empty and is not a cinelake lake (no " + kMarkerFile +
                                     "); refusing to write into it");
    }
  }
  auto storage = std::make_unique<LocalStorage>(where);
  if (!has_marker) {
    std::string marker =
        std::string("{\"format\": \"cinelake-lake\", \"version\": 1, \"created_by\": \"cinelake ") +
        CINELAKE_VERSION + "\"}\n";
    RETURN_IF_ERROR(storage->WriteAtomic(kMarkerFile, marker));
  }
  return std::make_unique<Lake>(std::move(storage));
}

std::string Lake::PartitionDir(const TableDef& def, Date partition) {
  return def.path() + "/loadDate=" + partition.ToString();
}

Status Lake::Write(const TableDef& def, const Table& data, std::optional<Date> partition,
                   const parquet::WriteOptions& options) {
  if (def.partitioned != partition.has_value()) {
    return Status::Internal(def.path() +
                            (def.partitioned ? " needs a partition date" : " is not partitioned"));
  }
  if (!(data.schema() == def.schema))
    return Status::Internal(def.path() + ": data does not match its schema");
  RETURN_IF_ERROR(data.Validate().WithContext(def.path()));
  std::string bytes;
  RETURN_IF_ERROR(parquet::WriteParquet(data, options, &bytes).WithContext(def.path()));
  std::string path = (partition ? PartitionDir(def, *partition) : def.path()) + "/" + kPartFile;
  RETURN_IF_ERROR(storage_->WriteAtomic(path, bytes));
  // Read back what landed, not what was meant to.
  std::string landed;
  RETURN_IF_ERROR(storage_->Read(path, &landed));
  auto back = Decode(def, path, landed);
  if (!back.ok()) return back.status().WithContext("reading back the file just written");
  if (back->num_rows() != data.num_rows()) {
    return Status::Corruption(storage_->Location(path) + ": read back " + std::to_string(back->num_rows()) +
                              " rows after writing " + std::to_string(data.num_rows()));
  }
  return Status::OK();
}

Status Lake::DropPartition(const TableDef& def, Date partition) {
  return storage_->Remove(PartitionDir(def, partition));
}

bool Lake::Exists(const TableDef& def, std::optional<Date> partition) const {
  std::string dir = partition ? PartitionDir(def, *partition) : def.path();
  return storage_->Exists(dir + "/" + kPartFile);
}

Result<Table> Lake::Decode(const TableDef& def, const std::string& path, std::string_view bytes,
                           const std::vector<std::string>& columns) const {
  Schema want = def.schema;
  if (!columns.empty()) {
    ASSIGN_OR_RETURN(want, def.schema.Select(columns));
  }
  parquet::ReadOptions ro;
  for (const auto& f : want.fields()) ro.columns.push_back(f.name);
  Table part;
  RETURN_IF_ERROR(parquet::ReadParquet(bytes, storage_->Location(path), ro, &part));
  for (size_t i = 0; i < want.size(); ++i) {
    const Field& got = part.schema().field(i);
    const Field& exp = want.field(i);
    if (got.type != exp.type) {
      return Status::Corruption(storage_->Location(path) + ": column '" + exp.name + "' is " +
                                DataTypeName(got.type) + ", expected " + DataTypeName(exp.type));
    }
  }
  // Nullability and decimal scale may differ in foreign files; adopt ours.
  return Table(want, std::move(part.columns()));
}

Result<Table> Lake::ReadDir(const TableDef& def, const std::string& dir,
                            const std::vector<std::string>& columns) const {
  ASSIGN_OR_RETURN(std::vector<std::string> names, storage_->List(dir));
  Schema want = def.schema;
  if (!columns.empty()) {
    ASSIGN_OR_RETURN(want, def.schema.Select(columns));
  }
  Table out(want);
  bool found = false;
  for (const auto& name : names) {
    if (name.size() < 8 || name.compare(name.size() - 8, 8, ".parquet") != 0 || name[0] == '_') continue;
    found = true;
    std::string path = dir + "/" + name;
    std::string bytes;
    RETURN_IF_ERROR(storage_->Read(path, &bytes));
    ASSIGN_OR_RETURN(Table typed, Decode(def, path, bytes, columns));
    if (out.num_rows() == 0) {
      out = std::move(typed);
    } else {
      RETURN_IF_ERROR(out.Append(typed));
    }
  }
  if (!found) return Status::NotFound(storage_->Location(dir) + ": no Parquet files");
  return out;
}

Result<Table> Lake::Read(const TableDef& def, std::optional<Date> partition,
                         const std::vector<std::string>& columns) const {
  if (def.partitioned != partition.has_value()) {
    return Status::Internal(def.path() +
                            (def.partitioned ? " needs a partition date" : " is not partitioned"));
  }
  return ReadDir(def, partition ? PartitionDir(def, *partition) : def.path(), columns);
}

Result<Table> Lake::ReadOrEmpty(const TableDef& def, std::optional<Date> partition,
                                const std::vector<std::string>& columns) const {
  auto r = Read(def, partition, columns);
  if (r.ok() || !r.status().IsNotFound()) return r;
  if (columns.empty()) return Table(def.schema);
  ASSIGN_OR_RETURN(Schema s, def.schema.Select(columns));
  return Table(s);
}

Result<std::vector<Date>> Lake::Partitions(const TableDef& def) const {
  ASSIGN_OR_RETURN(std::vector<std::string> names, storage_->List(def.path()));
  std::vector<Date> dates;
  for (const auto& n : names) {
    if (n.rfind("loadDate=", 0) != 0) continue;
    auto d = Date::Parse(std::string_view(n).substr(9));
    if (!d.ok()) {
      return Status::Corruption(storage_->Location(def.path() + "/" + n) +
                                ": not a loadDate partition folder");
    }
    if (storage_->Exists(def.path() + "/" + n + "/" + kPartFile)) dates.push_back(*d);
  }
  return dates;  // List() sorts names, and ISO dates sort as text
}

Result<Table> Lake::ReadAllPartitions(const TableDef& def, const std::vector<std::string>& columns) const {
  ASSIGN_OR_RETURN(std::vector<Date> dates, Partitions(def));
  Schema base = def.schema;
  if (!columns.empty()) {
    ASSIGN_OR_RETURN(base, def.schema.Select(columns));
  }
  std::vector<Field> fields = base.fields();
  fields.push_back(Field{"loadDate", DataType::kDate, false});
  Table out{Schema(fields)};
  for (Date d : dates) {
    ASSIGN_OR_RETURN(Table part, Read(def, d, columns));
    for (size_t c = 0; c < part.num_columns(); ++c) {
      for (size_t r = 0; r < part.num_rows(); ++r) out.column(c).AppendFrom(part.column(c), r);
    }
    Column& ld = out.column(out.num_columns() - 1);
    for (size_t r = 0; r < part.num_rows(); ++r) ld.AppendInt32(d.days);
  }
  return out;
}

}  // namespace cinelake
