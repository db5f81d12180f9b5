// The footer and page headers written as Thrift compact (metadata.h).
#include "lake/parquet/metadata.h"
#include "lake/parquet/thrift_compact.h"

namespace cinelake::parquet {

using thrift::CompactReader;
using thrift::CompactWriter;
using thrift::CType;

namespace {

void WriteStatistics(CompactWriter& w, const Statistics& s) {
  if (s.null_count) w.FieldI64(3, *s.null_count);
  if (s.max_value) w.FieldBinary(5, *s.max_value);
  if (s.min_value) w.FieldBinary(6, *s.min_value);
}

// The union member of lt.kind; kNone and kOther leave the union empty.
void WriteLogicalType(CompactWriter& w, const LogicalType& lt) {
  using K = LogicalType::Kind;
  const int16_t id = LogicalTypeFieldId(lt.kind);
  if (id == 0) return;
  w.FieldStruct(id);
  switch (lt.kind) {
    case K::kDecimal:
      w.FieldI32(1, lt.scale);
      w.FieldI32(2, lt.precision);
      break;
    case K::kTime:
    case K::kTimestamp:
      w.FieldBool(1, lt.utc);
      w.FieldStruct(2);
      w.FieldStruct(static_cast<int16_t>(static_cast<int>(lt.unit) + 1));  // MILLIS, MICROS, NANOS
      w.EndStruct();
      w.EndStruct();
      break;
    case K::kInteger:
      w.FieldByte(1, lt.bit_width);
      w.FieldBool(2, lt.is_signed);
      break;
    default: break;  // the other members are empty structs
  }
  w.EndStruct();
}

void WriteSchemaElement(CompactWriter& w, const SchemaElement& e) {
  w.BeginStruct();
  if (e.type) w.FieldI32(1, *e.type);
  if (e.type_length) w.FieldI32(2, e.type_length);
  if (e.repetition) w.FieldI32(3, *e.repetition);
  w.FieldBinary(4, e.name);
  if (e.num_children) w.FieldI32(5, e.num_children);
  if (e.converted_type) w.FieldI32(6, *e.converted_type);
  if (e.converted_type && *e.converted_type == 5) {
    w.FieldI32(7, e.scale);
    w.FieldI32(8, e.precision);
  }
  if (e.logical.kind != LogicalType::Kind::kNone) {
    w.FieldStruct(10);
    WriteLogicalType(w, e.logical);
    w.EndStruct();
  }
  w.EndStruct();
}

void WriteColumnMetaData(CompactWriter& w, const ColumnMetaData& m) {
  w.FieldI32(1, m.type);
  w.FieldList(2, CType::kI32, m.encodings.size());
  for (int32_t e : m.encodings) w.ElementI32(e);
  w.FieldList(3, CType::kBinary, m.path.size());
  for (const auto& p : m.path) w.ElementBinary(p);
  w.FieldI32(4, m.codec);
  w.FieldI64(5, m.num_values);
  w.FieldI64(6, m.total_uncompressed_size);
  w.FieldI64(7, m.total_compressed_size);
  w.FieldI64(9, m.data_page_offset);
  if (m.dictionary_page_offset) w.FieldI64(11, *m.dictionary_page_offset);
  if (m.statistics) {
    w.FieldStruct(12);
    WriteStatistics(w, *m.statistics);
    w.EndStruct();
  }
}

void WriteRowGroup(CompactWriter& w, const RowGroup& rg) {
  w.BeginStruct();
  w.FieldList(1, CType::kStruct, rg.columns.size());
  for (const auto& c : rg.columns) {
    w.BeginStruct();
    if (!c.file_path.empty()) w.FieldBinary(1, c.file_path);
    w.FieldI64(2, c.file_offset);
    if (c.meta) {
      w.FieldStruct(3);
      WriteColumnMetaData(w, *c.meta);
      w.EndStruct();
    }
    w.EndStruct();
  }
  w.FieldI64(2, rg.total_byte_size);
  w.FieldI64(3, rg.num_rows);
  if (rg.file_offset) w.FieldI64(5, *rg.file_offset);
  if (rg.total_compressed_size) w.FieldI64(6, *rg.total_compressed_size);
  if (rg.ordinal) w.FieldI16(7, *rg.ordinal);
  w.EndStruct();
}

}  // namespace

void SerializeFileMetaData(const FileMetaData& md, std::string* out) {
  CompactWriter w(out);
  w.BeginStruct();
  w.FieldI32(1, md.version);
  w.FieldList(2, CType::kStruct, md.schema.size());
  for (const auto& e : md.schema) WriteSchemaElement(w, e);
  w.FieldI64(3, md.num_rows);
  w.FieldList(4, CType::kStruct, md.row_groups.size());
  for (const auto& rg : md.row_groups) WriteRowGroup(w, rg);
  if (!md.key_value_metadata.empty()) {
    w.FieldList(5, CType::kStruct, md.key_value_metadata.size());
    for (const auto& [k, v] : md.key_value_metadata) {
      w.BeginStruct();
      w.FieldBinary(1, k);
      w.FieldBinary(2, v);
      w.EndStruct();
    }
  }
  if (md.created_by) w.FieldBinary(6, *md.created_by);
  if (md.num_type_defined_orders > 0) {
    w.FieldList(7, CType::kStruct, md.num_type_defined_orders);
    for (int i = 0; i < md.num_type_defined_orders; ++i) {
      w.BeginStruct();
      w.FieldStruct(1);  // TYPE_ORDER: TypeDefinedOrder {}
      w.EndStruct();
      w.EndStruct();
    }
  }
  w.EndStruct();
}

void SerializePageHeader(const PageHeader& h, std::string* out) {
  CompactWriter w(out);
  w.BeginStruct();
  w.FieldI32(1, h.type);
  w.FieldI32(2, h.uncompressed_page_size);
  w.FieldI32(3, h.compressed_page_size);
  if (h.data) {
    w.FieldStruct(5);
    w.FieldI32(1, h.data->num_values);
    w.FieldI32(2, h.data->encoding);
    w.FieldI32(3, h.data->definition_level_encoding);
    w.FieldI32(4, h.data->repetition_level_encoding);
    w.EndStruct();
  }
  if (h.dictionary) {
    w.FieldStruct(7);
    w.FieldI32(1, h.dictionary->num_values);
    w.FieldI32(2, h.dictionary->encoding);
    w.EndStruct();
  }
  if (h.data_v2) {
    const auto& v = *h.data_v2;
    w.FieldStruct(8);
    w.FieldI32(1, v.num_values);
    w.FieldI32(2, v.num_nulls);
    w.FieldI32(3, v.num_rows);
    w.FieldI32(4, v.encoding);
    w.FieldI32(5, v.definition_levels_byte_length);
    w.FieldI32(6, v.repetition_levels_byte_length);
    w.FieldBool(7, v.is_compressed);
    w.EndStruct();
  }
  w.EndStruct();
}

}  // namespace cinelake::parquet
