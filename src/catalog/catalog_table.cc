#include "catalog/catalog_table.h"

#include "lake/parquet/parquet.h"

namespace cinelake::catalog {

namespace {

bool IsParquetFile(const std::string& name) {
  return name.size() > 8 && name.compare(name.size() - 8, 8, ".parquet") == 0 && name[0] != '_' &&
         name[0] != '.';
}

const TableDef* FindDeclared(Layer layer, const std::string& name) {
  for (const auto& def : AllTables()) {
    if (def.layer == layer && def.name == name) return &def;
  }
  return nullptr;
}

// Reads every Parquet file of one folder: adds rows and files, and takes the
// schema from the first file found (later files must agree).
Status ScanFolder(const Lake& lake, const std::string& dir, CatalogTable* table, bool* have_schema) {
  ASSIGN_OR_RETURN(std::vector<std::string> names, lake.storage().List(dir));
  for (const auto& name : names) {
    if (!IsParquetFile(name)) continue;
    std::string path = dir + "/" + name;
    std::string bytes;
    RETURN_IF_ERROR(lake.storage().Read(path, &bytes));
    parquet::FileInfo info;
    Status st = parquet::ReadParquetInfo(bytes, lake.Location(path), &info);
    if (st.code() == Status::Code::kCorruption) {
      // One damaged file must not keep every later run from cataloguing the
      // lake; it is named instead, and its table described from the others.
      table->unreadable_files.push_back(st.ToString());
      continue;
    }
    RETURN_IF_ERROR(st);
    table->row_count += info.num_rows;
    ++table->file_count;
    if (!*have_schema) {
      table->schema = info.schema;
      *have_schema = true;
      continue;
    }
    const auto& a = table->schema.fields();
    const auto& b = info.schema.fields();
    bool same = a.size() == b.size();
    for (size_t i = 0; same && i < a.size(); ++i) same = a[i].name == b[i].name && a[i].type == b[i].type;
    if (!same) {
      return Status::Corruption(lake.Location(path) + ": columns differ from the other files of " +
                                table->path);
    }
  }
  return Status::OK();
}

// Checks a declared table's files against schemas.h and adopts its
// nullability and decimal precision.
Status CheckDeclared(const Lake& lake, const TableDef& def, CatalogTable* table) {
  const std::string where = lake.Location(table->path);
  if (def.partitioned != table->partitioned) {
    return Status::Corruption(where + ": declared " + (def.partitioned ? "partitioned" : "unpartitioned") +
                              " by loadDate, but the folder is " +
                              (table->partitioned ? "partitioned" : "unpartitioned"));
  }
  const auto& got = table->schema.fields();
  const auto& want = def.schema.fields();
  for (size_t i = 0; i < std::max(got.size(), want.size()); ++i) {
    if (i >= got.size()) return Status::Corruption(where + ": files lack column '" + want[i].name + "'");
    if (i >= want.size()) {
      return Status::Corruption(where + ": files have undeclared column '" + got[i].name + "'");
    }
    if (got[i].name != want[i].name || got[i].type != want[i].type) {
      return Status::Corruption(where + ": file column " + std::to_string(i + 1) + " is '" + got[i].name +
                                "' " + DataTypeName(got[i].type) + ", declared '" + want[i].name + "' " +
                                DataTypeName(want[i].type));
    }
  }
  table->schema = def.schema;
  table->declared = true;
  table->description = def.description;
  return Status::OK();
}

}  // namespace

Result<std::vector<CatalogTable>> DiscoverTables(const Lake& lake, const std::string& location_prefix) {
  std::string prefix = location_prefix.empty() ? lake.Location() : location_prefix;
  while (prefix.size() > 1 && prefix.back() == '/') prefix.pop_back();
  std::vector<CatalogTable> found;
  for (Layer layer : {Layer::kRaw, Layer::kStg, Layer::kGold}) {
    const std::string layer_dir = LayerName(layer);
    ASSIGN_OR_RETURN(std::vector<std::string> folders, lake.storage().List(layer_dir));
    for (const auto& folder : folders) {
      if (folder.empty() || folder[0] == '_' || folder[0] == '.') continue;
      CatalogTable table;
      table.layer = layer;
      table.name = folder;
      table.path = layer_dir + "/" + folder;
      table.location = prefix + "/" + table.path;
      ASSIGN_OR_RETURN(std::vector<std::string> children, lake.storage().List(table.path));
      bool have_schema = false;
      bool direct_files = false;
      for (const auto& child : children) {
        if (IsParquetFile(child)) direct_files = true;
        if (child.rfind("loadDate=", 0) != 0) continue;
        auto date = Date::Parse(std::string_view(child).substr(9));
        if (!date.ok()) {
          return Status::Corruption(lake.Location(table.path + "/" + child) +
                                    ": not a loadDate partition folder");
        }
        int64_t files_before = table.file_count;
        RETURN_IF_ERROR(ScanFolder(lake, table.path + "/" + child, &table, &have_schema));
        if (table.file_count > files_before) table.partitions.push_back(*date);
      }
      if (direct_files) {
        if (!table.partitions.empty()) {
          return Status::Corruption(lake.Location(table.path) +
                                    ": holds both Parquet files and loadDate folders");
        }
        RETURN_IF_ERROR(ScanFolder(lake, table.path, &table, &have_schema));
      }
      if (!have_schema) continue;  // an empty folder is not a table
      table.partitioned = !table.partitions.empty();
      if (const TableDef* def = FindDeclared(layer, folder)) {
        RETURN_IF_ERROR(CheckDeclared(lake, *def, &table));
      }
      found.push_back(std::move(table));
    }
  }
  return found;
}

}  // namespace cinelake::catalog
