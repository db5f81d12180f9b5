#include "table/table.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "common/date.h"

namespace cinelake {

const char* DataTypeName(DataType type) {
  switch (type) {
    case DataType::kBool: return "BOOLEAN";
    case DataType::kInt32: return "INT";
    case DataType::kInt64: return "BIGINT";
    case DataType::kDouble: return "DOUBLE";
    case DataType::kString: return "STRING";
    case DataType::kDate: return "DATE";
    case DataType::kTimestamp: return "TIMESTAMP";
    case DataType::kDecimal: return "DECIMAL";
    case DataType::kStringList: return "ARRAY<STRING>";
  }
  return "?";
}

std::string FieldTypeName(const Field& f) {
  if (f.type == DataType::kDecimal) {
    return "DECIMAL(" + std::to_string(f.precision) + "," + std::to_string(f.scale) + ")";
  }
  return DataTypeName(f.type);
}

int Schema::FieldIndex(std::string_view name) const {
  for (size_t i = 0; i < fields_.size(); ++i) {
    if (fields_[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

Result<Schema> Schema::Select(const std::vector<std::string>& names) const {
  std::vector<Field> out;
  out.reserve(names.size());
  for (const auto& n : names) {
    int i = FieldIndex(n);
    if (i < 0) return Status::InvalidArgument("no column '" + n + "'");
    out.push_back(fields_[i]);
  }
  return Schema(std::move(out));
}

Column::Column(DataType type) : type_(type) {}

size_t Column::null_count() const {
  size_t n = 0;
  for (uint8_t v : validity_) n += (v == 0);
  return n;
}

std::vector<std::string> Column::List(size_t i) const {
  std::vector<std::string> out;
  out.reserve(ListSize(i));
  for (size_t j = 0; j < ListSize(i); ++j) out.emplace_back(ListItem(i, j));
  return out;
}

void Column::AppendStringItem(std::string_view v) {
  bytes_.append(v.data(), v.size());
  offsets_.push_back(bytes_.size());
}

void Column::AppendNull() {
  validity_.push_back(0);
  switch (type_) {
    case DataType::kBool: bools_.push_back(0); break;
    case DataType::kInt32:
    case DataType::kDate: int32s_.push_back(0); break;
    case DataType::kInt64:
    case DataType::kTimestamp:
    case DataType::kDecimal: int64s_.push_back(0); break;
    case DataType::kDouble: doubles_.push_back(0); break;
    case DataType::kString: offsets_.push_back(bytes_.size()); break;
    case DataType::kStringList: list_offsets_.push_back(offsets_.size() - 1); break;
  }
}

void Column::AppendBool(bool v) {
  validity_.push_back(1);
  bools_.push_back(v ? 1 : 0);
}
void Column::AppendInt32(int32_t v) {
  validity_.push_back(1);
  int32s_.push_back(v);
}
void Column::AppendInt64(int64_t v) {
  validity_.push_back(1);
  int64s_.push_back(v);
}
void Column::AppendDouble(double v) {
  validity_.push_back(1);
  doubles_.push_back(v);
}
void Column::AppendString(std::string_view v) {
  validity_.push_back(1);
  AppendStringItem(v);
}
void Column::AppendList(std::span<const std::string> items) {
  validity_.push_back(1);
  for (const auto& s : items) AppendStringItem(s);
  list_offsets_.push_back(offsets_.size() - 1);
}
void Column::AppendList(std::initializer_list<std::string_view> items) {
  validity_.push_back(1);
  for (auto s : items) AppendStringItem(s);
  list_offsets_.push_back(offsets_.size() - 1);
}

void Column::AppendFrom(const Column& other, size_t row) {
  if (other.IsNull(row)) {
    AppendNull();
    return;
  }
  switch (type_) {
    case DataType::kBool: AppendBool(other.Bool(row)); break;
    case DataType::kInt32:
    case DataType::kDate: AppendInt32(other.Int32(row)); break;
    case DataType::kInt64:
    case DataType::kTimestamp:
    case DataType::kDecimal: AppendInt64(other.Int64(row)); break;
    case DataType::kDouble: AppendDouble(other.Double(row)); break;
    case DataType::kString: AppendString(other.String(row)); break;
    case DataType::kStringList:
      validity_.push_back(1);
      for (size_t j = 0; j < other.ListSize(row); ++j) AppendStringItem(other.ListItem(row, j));
      list_offsets_.push_back(offsets_.size() - 1);
      break;
  }
}

void Column::Reserve(size_t rows) {
  validity_.reserve(rows);
  switch (type_) {
    case DataType::kBool: bools_.reserve(rows); break;
    case DataType::kInt32:
    case DataType::kDate: int32s_.reserve(rows); break;
    case DataType::kInt64:
    case DataType::kTimestamp:
    case DataType::kDecimal: int64s_.reserve(rows); break;
    case DataType::kDouble: doubles_.reserve(rows); break;
    case DataType::kString: offsets_.reserve(rows + 1); break;
    case DataType::kStringList: list_offsets_.reserve(rows + 1); break;
  }
}

bool Column::Equals(const Column& other) const {
  if (type_ != other.type_ || size() != other.size()) return false;
  for (size_t i = 0; i < size(); ++i) {
    if (IsNull(i) != other.IsNull(i)) return false;
    if (IsNull(i)) continue;
    switch (type_) {
      case DataType::kBool:
        if (Bool(i) != other.Bool(i)) return false;
        break;
      case DataType::kInt32:
      case DataType::kDate:
        if (Int32(i) != other.Int32(i)) return false;
        break;
      case DataType::kInt64:
      case DataType::kTimestamp:
      case DataType::kDecimal:
        if (Int64(i) != other.Int64(i)) return false;
        break;
      case DataType::kDouble: {
        double a = Double(i), b = other.Double(i);
        if (std::memcmp(&a, &b, sizeof a) != 0 && !(std::isnan(a) && std::isnan(b))) return false;
        break;
      }
      case DataType::kString:
        if (String(i) != other.String(i)) return false;
        break;
      case DataType::kStringList:
        if (ListSize(i) != other.ListSize(i)) return false;
        for (size_t j = 0; j < ListSize(i); ++j) {
          if (ListItem(i, j) != other.ListItem(i, j)) return false;
        }
        break;
    }
  }
  return true;
}

Column Column::Slice(size_t begin, size_t end) const {
  Column out(type_);
  out.Reserve(end - begin);
  for (size_t i = begin; i < end; ++i) out.AppendFrom(*this, i);
  return out;
}

Column Column::Take(std::span<const uint32_t> rows) const {
  Column out(type_);
  out.Reserve(rows.size());
  for (uint32_t r : rows) out.AppendFrom(*this, r);
  return out;
}

Table::Table(Schema schema) : schema_(std::move(schema)) {
  columns_.reserve(schema_.size());
  for (const auto& f : schema_.fields()) columns_.emplace_back(f.type);
}

Table::Table(Schema schema, std::vector<Column> columns)
    : schema_(std::move(schema)), columns_(std::move(columns)) {}

Column& Table::column(std::string_view name) {
  int i = schema_.FieldIndex(name);
  if (i < 0) {
    std::fprintf(stderr, "cinelake: internal error: no column '%.*s'\n", static_cast<int>(name.size()),
                 name.data());
    std::abort();
  }
  return columns_[i];
}

const Column& Table::column(std::string_view name) const {
  return const_cast<Table*>(this)->column(name);
}

const Column* Table::FindColumn(std::string_view name) const {
  int i = schema_.FieldIndex(name);
  return i < 0 ? nullptr : &columns_[i];
}

Status Table::Validate() const {
  if (columns_.size() != schema_.size()) {
    return Status::Internal("table has " + std::to_string(columns_.size()) + " columns, schema has " +
                            std::to_string(schema_.size()));
  }
  size_t rows = num_rows();
  for (size_t i = 0; i < columns_.size(); ++i) {
    const Field& f = schema_.field(i);
    if (columns_[i].type() != f.type) {
      return Status::Internal("column '" + f.name + "' has type " + DataTypeName(columns_[i].type()) +
                              ", schema says " + DataTypeName(f.type));
    }
    if (columns_[i].size() != rows) {
      return Status::Internal("column '" + f.name + "' has " + std::to_string(columns_[i].size()) +
                              " rows, expected " + std::to_string(rows));
    }
  }
  for (size_t i = 0; i < columns_.size(); ++i) {
    const Field& f = schema_.field(i);
    if (!f.nullable && columns_[i].null_count() > 0) {
      return Status::InvalidArgument("column '" + f.name + "' is a key and holds nulls");
    }
  }
  return Status::OK();
}

bool Table::Equals(const Table& other) const {
  if (!(schema_ == other.schema_) || num_rows() != other.num_rows()) return false;
  for (size_t i = 0; i < columns_.size(); ++i) {
    if (!columns_[i].Equals(other.columns_[i])) return false;
  }
  return true;
}

Table Table::Take(std::span<const uint32_t> rows) const {
  std::vector<Column> cols;
  cols.reserve(columns_.size());
  for (const auto& c : columns_) cols.push_back(c.Take(rows));
  return Table(schema_, std::move(cols));
}

Status Table::Append(const Table& other) {
  if (!(schema_ == other.schema_)) return Status::Internal("Append: schemas differ");
  for (size_t c = 0; c < columns_.size(); ++c) {
    columns_[c].Reserve(columns_[c].size() + other.num_rows());
    for (size_t r = 0; r < other.num_rows(); ++r) columns_[c].AppendFrom(other.columns_[c], r);
  }
  return Status::OK();
}

std::string FormatCell(const Column& column, const Field& field, size_t row) {
  if (column.IsNull(row)) return "NULL";
  char buf[64];
  switch (column.type()) {
    case DataType::kBool: return column.Bool(row) ? "true" : "false";
    case DataType::kInt32: return std::to_string(column.Int32(row));
    case DataType::kInt64: return std::to_string(column.Int64(row));
    case DataType::kDate: return Date{column.Int32(row)}.ToString();
    case DataType::kTimestamp: return FormatTimestampMicros(column.Int64(row));
    case DataType::kDouble: std::snprintf(buf, sizeof buf, "%.17g", column.Double(row)); return buf;
    case DataType::kDecimal: {
      int64_t v = column.Int64(row);
      int64_t scale = 1;
      for (int i = 0; i < field.scale; ++i) scale *= 10;
      bool neg = v < 0;
      uint64_t mag = neg ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
      if (field.scale == 0) return std::to_string(v);
      std::snprintf(buf, sizeof buf, "%s%llu.%0*llu", neg ? "-" : "",
                    static_cast<unsigned long long>(mag / scale), field.scale,
                    static_cast<unsigned long long>(mag % scale));
      return buf;
    }
    case DataType::kString: return std::string(column.String(row));
    case DataType::kStringList: {
      std::string out = "[";
      for (size_t j = 0; j < column.ListSize(row); ++j) {
        if (j) out += ", ";
        out += column.ListItem(row, j);
      }
      return out + "]";
    }
  }
  return "?";
}

std::string Table::ToString(size_t max_rows) const {
  std::string out;
  for (size_t c = 0; c < schema_.size(); ++c) {
    if (c) out += '|';
    out += schema_.field(c).name;
  }
  out += '\n';
  for (size_t r = 0; r < num_rows() && r < max_rows; ++r) {
    for (size_t c = 0; c < columns_.size(); ++c) {
      if (c) out += '|';
      out += FormatCell(columns_[c], schema_.field(c), r);
    }
    out += '\n';
  }
  if (num_rows() > max_rows) out += "... (" + std::to_string(num_rows()) + " rows)\n";
  return out;
}

}  // namespace cinelake
