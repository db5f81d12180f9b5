// The Parquet footer (FileMetaData) and page headers as plain structs, with
// Thrift compact serialization (writer) and validating parsing (reader).
//
// Only the fields cinelake writes or needs to read are modelled; others are
// skipped on parse. Parse functions take untrusted bytes and return
// Corruption for anything malformed (missing required fields included); the
// caller adds the file name.
//
// Plain values; parse and serialize are pure and thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/status.h"

namespace cinelake::parquet {

struct Statistics {
  std::optional<std::string> max_value, min_value;    // fields 5, 6
  std::optional<std::string> legacy_max, legacy_min;  // fields 1, 2 (read only)
  std::optional<int64_t> null_count;
};

struct LogicalType {
  enum class Kind : uint8_t {
    kNone,
    kString,
    kMap,
    kList,
    kEnum,
    kDecimal,
    kDate,
    kTime,
    kTimestamp,
    kInteger,
    kUnknown,
    kJson,
    kBson,
    kUuid,
    kFloat16,
    kOther,
  };
  enum class Unit : uint8_t { kMillis, kMicros, kNanos };
  Kind kind = Kind::kNone;
  int32_t scale = 0, precision = 0;  // kDecimal
  bool utc = false;                  // kTimestamp, kTime
  Unit unit = Unit::kMicros;         // kTimestamp, kTime
  int8_t bit_width = 0;              // kInteger
  bool is_signed = true;             // kInteger
};

struct SchemaElement {
  std::optional<int32_t> type;
  int32_t type_length = 0;
  std::optional<int32_t> repetition;
  std::string name;
  int32_t num_children = 0;
  std::optional<int32_t> converted_type;
  int32_t scale = 0, precision = 0;
  LogicalType logical;
};

struct ColumnMetaData {
  int32_t type = 0;
  std::vector<int32_t> encodings;
  std::vector<std::string> path;
  int32_t codec = 0;
  int64_t num_values = 0;
  int64_t total_uncompressed_size = 0;
  int64_t total_compressed_size = 0;
  int64_t data_page_offset = 0;
  std::optional<int64_t> dictionary_page_offset;
  std::optional<Statistics> statistics;
};

struct ColumnChunk {
  std::string file_path;
  int64_t file_offset = 0;
  std::optional<ColumnMetaData> meta;
};

struct RowGroup {
  std::vector<ColumnChunk> columns;
  int64_t total_byte_size = 0;
  int64_t num_rows = 0;
  std::optional<int64_t> file_offset;
  std::optional<int64_t> total_compressed_size;
  std::optional<int16_t> ordinal;
};

struct FileMetaData {
  int32_t version = 1;
  std::vector<SchemaElement> schema;
  int64_t num_rows = 0;
  std::vector<RowGroup> row_groups;
  std::vector<std::pair<std::string, std::string>> key_value_metadata;
  std::optional<std::string> created_by;
  int32_t num_type_defined_orders = 0;  // ColumnOrder entries that are TypeDefinedOrder
};

struct DataPageHeader {
  int32_t num_values = 0;
  int32_t encoding = 0;
  int32_t definition_level_encoding = 3;
  int32_t repetition_level_encoding = 3;
};

struct DataPageHeaderV2 {
  int32_t num_values = 0, num_nulls = 0, num_rows = 0;
  int32_t encoding = 0;
  int32_t definition_levels_byte_length = 0;
  int32_t repetition_levels_byte_length = 0;
  bool is_compressed = true;
};

struct DictionaryPageHeader {
  int32_t num_values = 0;
  int32_t encoding = 0;
};

struct PageHeader {
  int32_t type = 0;
  int32_t uncompressed_page_size = 0;
  int32_t compressed_page_size = 0;
  std::optional<DataPageHeader> data;
  std::optional<DataPageHeaderV2> data_v2;
  std::optional<DictionaryPageHeader> dictionary;
};

// The Thrift field id of the LogicalType union member holding `kind` (0 for
// kNone and kOther, which have none), and back (kOther for ids Parquet has
// not defined).
int16_t LogicalTypeFieldId(LogicalType::Kind kind);
LogicalType::Kind LogicalTypeKindOfField(int16_t id);

void SerializeFileMetaData(const FileMetaData& md, std::string* out);
void SerializePageHeader(const PageHeader& h, std::string* out);

Status ParseFileMetaData(const uint8_t* data, size_t size, FileMetaData* md);
// *consumed is the header's length in bytes.
Status ParsePageHeader(const uint8_t* data, size_t size, PageHeader* h, size_t* consumed);

}  // namespace cinelake::parquet
