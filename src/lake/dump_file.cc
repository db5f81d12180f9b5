#include "lake/dump_file.h"

#include <algorithm>

#include "common/date.h"
#include "common/json_text.h"
#include "lake/parquet/parquet.h"

namespace cinelake {

namespace {

// The codec names the file in its messages; make sure every failure does.
Status NameFile(const Status& st, const std::string& where) {
  if (st.ok() || st.message().find(where) != std::string::npos) return st;
  return st.WithContext(where);
}

// Text-mode cell: FormatCell, except dates, which Date prints for every
// int32 (not only the years std::chrono can hold).
std::string TextCell(const Column& col, const Field& field, size_t row) {
  if (col.type() == DataType::kDate && col.IsValid(row)) return Date{col.Int32(row)}.ToString();
  return FormatCell(col, field, row);
}

void AppendJsonCell(std::string* out, const Column& col, const Field& field, size_t row) {
  if (col.IsNull(row)) {
    out->append("null");
    return;
  }
  switch (col.type()) {
    case DataType::kBool: out->append(col.Bool(row) ? "true" : "false"); return;
    case DataType::kInt32: out->append(std::to_string(col.Int32(row))); return;
    case DataType::kInt64:
    case DataType::kTimestamp: AppendJsonInt64(out, col.Int64(row)); return;
    case DataType::kDouble: AppendJsonDouble(out, col.Double(row)); return;
    case DataType::kString: AppendJsonString(out, col.String(row)); return;
    case DataType::kDate: AppendJsonString(out, Date{col.Int32(row)}.ToString()); return;
    case DataType::kDecimal: AppendJsonString(out, FormatCell(col, field, row)); return;
    case DataType::kStringList: {
      out->push_back('[');
      for (size_t j = 0; j < col.ListSize(row); ++j) {
        if (j) out->push_back(',');
        AppendJsonString(out, col.ListItem(row, j));
      }
      out->push_back(']');
      return;
    }
  }
}

}  // namespace

void AppendRowJson(std::string* out, const Table& table, size_t row) {
  out->push_back('{');
  for (size_t c = 0; c < table.num_columns(); ++c) {
    if (c) out->push_back(',');
    AppendJsonString(out, table.schema().field(c).name);
    out->push_back(':');
    AppendJsonCell(out, table.column(c), table.schema().field(c), row);
  }
  out->append("}\n");
}

std::string RowsAsJsonLines(const Table& table) {
  std::string out;
  for (size_t r = 0; r < table.num_rows(); ++r) AppendRowJson(&out, table, r);
  return out;
}

Status DumpSchema(const Storage& storage, const std::string& path, DumpFormat format, const DumpSink& sink) {
  std::string bytes;
  RETURN_IF_ERROR(storage.Read(path, &bytes));
  const std::string where = storage.Location(path);
  parquet::FileInfo info;
  RETURN_IF_ERROR(NameFile(parquet::ReadParquetInfo(bytes, where, &info), where));
  std::string out;
  if (format == DumpFormat::kJson) {
    out += "{\"file\":";
    AppendJsonString(&out, where);
    out += ",\"rows\":" + std::to_string(info.num_rows);
    out += ",\"row_groups\":" + std::to_string(info.num_row_groups);
    out += ",\"created_by\":";
    AppendJsonString(&out, info.created_by);
    out += ",\"columns\":[";
    for (size_t i = 0; i < info.schema.size(); ++i) {
      const Field& f = info.schema.field(i);
      if (i) out += ',';
      out += "{\"name\":";
      AppendJsonString(&out, f.name);
      out += ",\"type\":";
      AppendJsonString(&out, FieldTypeName(f));
      out += f.nullable ? ",\"nullable\":true}" : ",\"nullable\":false}";
    }
    out += "],\"metadata\":[";
    for (size_t i = 0; i < info.metadata.size(); ++i) {
      if (i) out += ',';
      out += "{\"key\":";
      AppendJsonString(&out, info.metadata[i].first);
      out += ",\"value\":";
      AppendJsonString(&out, info.metadata[i].second);
      out += '}';
    }
    out += "]}\n";
  } else {
    size_t width = 4;
    for (const Field& f : info.schema.fields()) width = std::max(width, f.name.size());
    out += "file:        " + where + "\n";
    out += "rows:        " + std::to_string(info.num_rows) + "\n";
    out += "row groups:  " + std::to_string(info.num_row_groups) + "\n";
    out += "created by:  " + info.created_by + "\n";
    out += "columns (" + std::to_string(info.schema.size()) + "):\n";
    for (const Field& f : info.schema.fields()) {
      std::string type = FieldTypeName(f);
      out += "  " + f.name + std::string(width - f.name.size() + 2, ' ') + type +
             std::string(type.size() < 16 ? 16 - type.size() : 1, ' ') +
             (f.nullable ? "nullable" : "not null") + "\n";
    }
    out += "key-value metadata (" + std::to_string(info.metadata.size()) + "):\n";
    for (const auto& [k, v] : info.metadata) out += "  " + k + " = " + v + "\n";
  }
  return sink(out);
}

Status DumpRows(const Storage& storage, const std::string& path, const DumpOptions& options,
                const DumpSink& sink) {
  std::string bytes;
  RETURN_IF_ERROR(storage.Read(path, &bytes));
  const std::string where = storage.Location(path);
  parquet::ReadOptions read_options;
  read_options.columns = options.columns;
  Table table;
  RETURN_IF_ERROR(NameFile(parquet::ReadParquet(bytes, where, read_options, &table), where));
  size_t rows = table.num_rows();
  if (options.limit >= 0 && static_cast<uint64_t>(options.limit) < rows)
    rows = static_cast<size_t>(options.limit);
  const bool json = options.format == DumpFormat::kJson;

  std::string out;
  if (!json) {
    for (size_t c = 0; c < table.num_columns(); ++c) {
      if (c) out += '|';
      out += table.schema().field(c).name;
    }
    out += '\n';
  }
  for (size_t r = 0; r < rows; ++r) {
    if (json) {
      AppendRowJson(&out, table, r);
    } else {
      for (size_t c = 0; c < table.num_columns(); ++c) {
        if (c) out += '|';
        out += TextCell(table.column(c), table.schema().field(c), r);
      }
      out += '\n';
    }
    if (out.size() > (1 << 16)) {
      RETURN_IF_ERROR(sink(out));
      out.clear();
    }
  }
  return sink(out);
}

}  // namespace cinelake
