// Table: cinelake's in-memory columnar data, the unit every stage reads and
// writes through the lake and the Parquet codec.
//
// A Table is a Schema plus one Column per field, all of the same length.
// Columns are typed, nullable vectors laid out like Arrow: a validity byte per
// row, fixed-width values in a typed vector, strings as offsets into one byte
// buffer, and LIST<STRING> as list offsets into a string child. A null row
// still occupies a value slot (0 or ""), so row i is slot i in every vector.
//
// A Table owns its columns. Like a std::vector it is not synchronised: many
// threads may read one Table, none may read while another mutates it.
// Looking up a column by a name the schema lacks aborts (a programming error,
// not bad input); data-dependent failures return Status.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace cinelake {

enum class DataType : uint8_t {
  kBool,
  kInt32,
  kInt64,
  kDouble,
  kString,
  kDate,        // int32 days since epoch
  kTimestamp,   // int64 microseconds since epoch, UTC
  kDecimal,     // int64 unscaled value; precision/scale on the Field
  kStringList,  // LIST<STRING>
};

const char* DataTypeName(DataType type);  // "STRING", "DECIMAL", ...

struct Field {
  std::string name;
  DataType type = DataType::kString;
  bool nullable = true;
  int precision = 10;  // kDecimal only
  int scale = 2;       // kDecimal only

  bool operator==(const Field&) const = default;
};

// The field's type as SQL engines spell it: DataTypeName, with a decimal's
// precision and scale ("DECIMAL(10,2)").
std::string FieldTypeName(const Field& field);

class Schema {
 public:
  Schema() = default;
  Schema(std::vector<Field> fields) : fields_(std::move(fields)) {}  // NOLINT
  Schema(std::initializer_list<Field> fields) : fields_(fields) {}

  const std::vector<Field>& fields() const { return fields_; }
  const Field& field(size_t i) const { return fields_[i]; }
  size_t size() const { return fields_.size(); }
  // -1 when absent.
  int FieldIndex(std::string_view name) const;
  // The subset, in the order given; error naming the first unknown column.
  Result<Schema> Select(const std::vector<std::string>& names) const;

  bool operator==(const Schema&) const = default;

 private:
  std::vector<Field> fields_;
};

class Column {
 public:
  explicit Column(DataType type = DataType::kString);

  DataType type() const { return type_; }
  size_t size() const { return validity_.size(); }
  size_t null_count() const;
  bool IsNull(size_t i) const { return validity_[i] == 0; }
  bool IsValid(size_t i) const { return validity_[i] != 0; }

  // Accessors; the caller checks the type. A null row reads as 0 / "" / {}.
  bool Bool(size_t i) const { return bools_[i] != 0; }
  int32_t Int32(size_t i) const { return int32s_[i]; }  // kInt32, kDate
  int64_t Int64(size_t i) const { return int64s_[i]; }  // kInt64, kTimestamp, kDecimal
  double Double(size_t i) const { return doubles_[i]; }
  std::string_view String(size_t i) const {
    return std::string_view(bytes_.data() + offsets_[i], offsets_[i + 1] - offsets_[i]);
  }
  size_t ListSize(size_t i) const { return list_offsets_[i + 1] - list_offsets_[i]; }
  std::string_view ListItem(size_t i, size_t j) const { return String(list_offsets_[i] + j); }
  std::vector<std::string> List(size_t i) const;

  void AppendNull();
  void AppendBool(bool v);
  void AppendInt32(int32_t v);
  void AppendInt64(int64_t v);
  void AppendDouble(double v);
  void AppendString(std::string_view v);
  void AppendList(std::span<const std::string> items);
  void AppendList(std::initializer_list<std::string_view> items);
  // Copies row `row` of `other` (same type) onto the end of this column.
  void AppendFrom(const Column& other, size_t row);
  void Reserve(size_t rows);

  // Raw buffers for the Parquet codec and other hot loops. For kStringList,
  // string_offsets()/string_bytes() hold the items and list_offsets() has
  // size()+1 entries indexing them.
  const std::vector<uint8_t>& validity() const { return validity_; }
  const std::vector<uint8_t>& bool_data() const { return bools_; }
  const std::vector<int32_t>& int32_data() const { return int32s_; }
  const std::vector<int64_t>& int64_data() const { return int64s_; }
  const std::vector<double>& double_data() const { return doubles_; }
  const std::vector<uint64_t>& string_offsets() const { return offsets_; }
  const std::string& string_bytes() const { return bytes_; }
  const std::vector<uint64_t>& list_offsets() const { return list_offsets_; }

  // Equal type, length, validity and values (doubles bitwise, NaN == NaN).
  bool Equals(const Column& other) const;
  // Rows [begin, end) as a new column.
  Column Slice(size_t begin, size_t end) const;
  // Rows in the given order (indices may repeat).
  Column Take(std::span<const uint32_t> rows) const;

 private:
  void AppendStringItem(std::string_view v);

  DataType type_;
  std::vector<uint8_t> validity_;
  std::vector<uint8_t> bools_;
  std::vector<int32_t> int32s_;
  std::vector<int64_t> int64s_;
  std::vector<double> doubles_;
  std::vector<uint64_t> offsets_{0};  // strings, or list items
  std::string bytes_;
  std::vector<uint64_t> list_offsets_{0};
};

class Table {
 public:
  Table() = default;
  explicit Table(Schema schema);  // empty columns of the schema's types
  Table(Schema schema, std::vector<Column> columns);

  const Schema& schema() const { return schema_; }
  size_t num_rows() const { return columns_.empty() ? 0 : columns_[0].size(); }
  size_t num_columns() const { return columns_.size(); }
  Column& column(size_t i) { return columns_[i]; }
  const Column& column(size_t i) const { return columns_[i]; }
  // The named column; aborts if absent (a programming error, not bad input).
  Column& column(std::string_view name);
  const Column& column(std::string_view name) const;
  const Column* FindColumn(std::string_view name) const;
  std::vector<Column>& columns() { return columns_; }
  const std::vector<Column>& columns() const { return columns_; }

  // Columns agree with the schema in number, type and length; non-nullable
  // fields hold no nulls. Errors name the column.
  Status Validate() const;
  bool Equals(const Table& other) const;
  Table Take(std::span<const uint32_t> rows) const;
  // Appends every row of other, whose schema must equal this one's.
  Status Append(const Table& other);
  // A readable dump for test failures: one line per row, '|' separated.
  std::string ToString(size_t max_rows = 50) const;

 private:
  Schema schema_;
  std::vector<Column> columns_;
};

// One cell rendered as text ("NULL", "12.50" for decimals, "2026-11-23" for
// dates, "[a, b]" for lists); shared by ToString and the golden test cases.
std::string FormatCell(const Column& column, const Field& field, size_t row);

}  // namespace cinelake
