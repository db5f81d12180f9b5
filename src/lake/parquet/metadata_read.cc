// The footer and page headers parsed and validated from Thrift compact (metadata.h).
#include "lake/parquet/metadata.h"
#include "lake/parquet/thrift_compact.h"

namespace cinelake::parquet {

using thrift::CompactReader;
using thrift::CType;

namespace {

Status ParseStatistics(CompactReader& r, Statistics* s) {
  return r.ReadStruct([&](int16_t id, CType t) -> Status {
    std::string v;
    switch (id) {
      case 1:
        RETURN_IF_ERROR(r.ReadString(t, &v));
        s->legacy_max = std::move(v);
        return Status::OK();
      case 2:
        RETURN_IF_ERROR(r.ReadString(t, &v));
        s->legacy_min = std::move(v);
        return Status::OK();
      case 3: {
        int64_t n;
        RETURN_IF_ERROR(r.ReadI64(t, &n));
        s->null_count = n;
        return Status::OK();
      }
      case 5:
        RETURN_IF_ERROR(r.ReadString(t, &v));
        s->max_value = std::move(v);
        return Status::OK();
      case 6:
        RETURN_IF_ERROR(r.ReadString(t, &v));
        s->min_value = std::move(v);
        return Status::OK();
      default: return r.Skip(t);
    }
  });
}

Status ExpectStruct(CompactReader& r, CType t) {
  if (t != CType::kStruct) return r.Error("expected a struct");
  return Status::OK();
}

// An empty-struct union member: records which one was set.
Status ParseUnionTag(CompactReader& r, int16_t* tag) {
  *tag = 0;
  return r.ReadStruct([&](int16_t id, CType t) -> Status {
    *tag = id;
    return r.Skip(t);
  });
}

Status ParseLogicalType(CompactReader& r, LogicalType* lt) {
  using K = LogicalType::Kind;
  return r.ReadStruct([&](int16_t id, CType t) -> Status {
    RETURN_IF_ERROR(ExpectStruct(r, t));
    switch (id) {
      case 1: lt->kind = K::kString; return r.Skip(t);
      case 2: lt->kind = K::kMap; return r.Skip(t);
      case 3: lt->kind = K::kList; return r.Skip(t);
      case 4: lt->kind = K::kEnum; return r.Skip(t);
      case 5:
        lt->kind = K::kDecimal;
        return r.ReadStruct([&](int16_t fid, CType ft) -> Status {
          if (fid == 1) return r.ReadI32(ft, &lt->scale);
          if (fid == 2) return r.ReadI32(ft, &lt->precision);
          return r.Skip(ft);
        });
      case 6: lt->kind = K::kDate; return r.Skip(t);
      case 7:
      case 8:
        lt->kind = id == 7 ? K::kTime : K::kTimestamp;
        return r.ReadStruct([&](int16_t fid, CType ft) -> Status {
          if (fid == 1) return r.ReadBool(ft, &lt->utc);
          if (fid == 2) {
            RETURN_IF_ERROR(ExpectStruct(r, ft));
            int16_t tag;
            RETURN_IF_ERROR(ParseUnionTag(r, &tag));
            if (tag < 1 || tag > 3) return r.Error("unknown time unit");
            lt->unit = static_cast<LogicalType::Unit>(tag - 1);
            return Status::OK();
          }
          return r.Skip(ft);
        });
      case 10:
        lt->kind = K::kInteger;
        return r.ReadStruct([&](int16_t fid, CType ft) -> Status {
          if (fid == 1) return r.ReadByte(ft, &lt->bit_width);
          if (fid == 2) return r.ReadBool(ft, &lt->is_signed);
          return r.Skip(ft);
        });
      case 11: lt->kind = K::kUnknown; return r.Skip(t);
      case 12: lt->kind = K::kJson; return r.Skip(t);
      case 13: lt->kind = K::kBson; return r.Skip(t);
      case 14: lt->kind = K::kUuid; return r.Skip(t);
      case 15: lt->kind = K::kFloat16; return r.Skip(t);
      default: lt->kind = K::kOther; return r.Skip(t);
    }
  });
}

Status ParseSchemaElement(CompactReader& r, SchemaElement* e) {
  bool has_name = false;
  RETURN_IF_ERROR(r.ReadStruct([&](int16_t id, CType t) -> Status {
    int32_t v;
    switch (id) {
      case 1:
        RETURN_IF_ERROR(r.ReadI32(t, &v));
        e->type = v;
        return Status::OK();
      case 2: return r.ReadI32(t, &e->type_length);
      case 3:
        RETURN_IF_ERROR(r.ReadI32(t, &v));
        e->repetition = v;
        return Status::OK();
      case 4: has_name = true; return r.ReadString(t, &e->name);
      case 5: return r.ReadI32(t, &e->num_children);
      case 6:
        RETURN_IF_ERROR(r.ReadI32(t, &v));
        e->converted_type = v;
        return Status::OK();
      case 7: return r.ReadI32(t, &e->scale);
      case 8: return r.ReadI32(t, &e->precision);
      case 10: RETURN_IF_ERROR(ExpectStruct(r, t)); return ParseLogicalType(r, &e->logical);
      default: return r.Skip(t);
    }
  }));
  if (!has_name) return r.Error("schema element without a name");
  return Status::OK();
}

Status ParseColumnMetaData(CompactReader& r, ColumnMetaData* m) {
  uint32_t seen = 0;
  RETURN_IF_ERROR(r.ReadStruct([&](int16_t id, CType t) -> Status {
    if (id >= 1 && id <= 12) seen |= 1u << id;
    switch (id) {
      case 1: return r.ReadI32(t, &m->type);
      case 2: {
        CType et;
        uint32_t n;
        RETURN_IF_ERROR(r.ReadListHeader(t, &et, &n));
        if (et != CType::kI32) return r.Error("encodings list of non-i32");
        m->encodings.resize(n);
        for (uint32_t i = 0; i < n; ++i) RETURN_IF_ERROR(r.ReadElementI32(&m->encodings[i]));
        return Status::OK();
      }
      case 3: {
        CType et;
        uint32_t n;
        RETURN_IF_ERROR(r.ReadListHeader(t, &et, &n));
        if (et != CType::kBinary) return r.Error("path_in_schema of non-strings");
        m->path.resize(n);
        for (uint32_t i = 0; i < n; ++i) {
          std::string_view sv;
          RETURN_IF_ERROR(r.ReadElementBinary(&sv));
          m->path[i].assign(sv);
        }
        return Status::OK();
      }
      case 4: return r.ReadI32(t, &m->codec);
      case 5: return r.ReadI64(t, &m->num_values);
      case 6: return r.ReadI64(t, &m->total_uncompressed_size);
      case 7: return r.ReadI64(t, &m->total_compressed_size);
      case 9: return r.ReadI64(t, &m->data_page_offset);
      case 11: {
        int64_t v;
        RETURN_IF_ERROR(r.ReadI64(t, &v));
        m->dictionary_page_offset = v;
        return Status::OK();
      }
      case 12:
        RETURN_IF_ERROR(ExpectStruct(r, t));
        m->statistics.emplace();
        return ParseStatistics(r, &*m->statistics);
      default: return r.Skip(t);
    }
  }));
  for (int id : {1, 4, 5, 6, 7, 9}) {
    if (!(seen & (1u << id))) return r.Error("column metadata lacks required field " + std::to_string(id));
  }
  return Status::OK();
}

Status ParseRowGroup(CompactReader& r, RowGroup* rg) {
  bool has_columns = false, has_rows = false;
  RETURN_IF_ERROR(r.ReadStruct([&](int16_t id, CType t) -> Status {
    switch (id) {
      case 1: {
        has_columns = true;
        CType et;
        uint32_t n;
        RETURN_IF_ERROR(r.ReadListHeader(t, &et, &n));
        if (et != CType::kStruct) return r.Error("row group columns of non-structs");
        rg->columns.resize(n);
        for (uint32_t i = 0; i < n; ++i) {
          ColumnChunk& c = rg->columns[i];
          RETURN_IF_ERROR(r.ReadStruct([&](int16_t cid, CType ct) -> Status {
            switch (cid) {
              case 1: return r.ReadString(ct, &c.file_path);
              case 2: return r.ReadI64(ct, &c.file_offset);
              case 3:
                RETURN_IF_ERROR(ExpectStruct(r, ct));
                c.meta.emplace();
                return ParseColumnMetaData(r, &*c.meta);
              default: return r.Skip(ct);
            }
          }));
        }
        return Status::OK();
      }
      case 2: return r.ReadI64(t, &rg->total_byte_size);
      case 3: has_rows = true; return r.ReadI64(t, &rg->num_rows);
      case 5: {
        int64_t v;
        RETURN_IF_ERROR(r.ReadI64(t, &v));
        rg->file_offset = v;
        return Status::OK();
      }
      case 6: {
        int64_t v;
        RETURN_IF_ERROR(r.ReadI64(t, &v));
        rg->total_compressed_size = v;
        return Status::OK();
      }
      case 7: {
        int16_t v;
        RETURN_IF_ERROR(r.ReadI16(t, &v));
        rg->ordinal = v;
        return Status::OK();
      }
      default: return r.Skip(t);
    }
  }));
  if (!has_columns || !has_rows) return r.Error("row group lacks columns or num_rows");
  return Status::OK();
}

}  // namespace

Status ParseFileMetaData(const uint8_t* data, size_t size, FileMetaData* md) {
  CompactReader r(data, size);
  bool has_schema = false, has_rows = false, has_groups = false;
  RETURN_IF_ERROR(r.ReadStruct([&](int16_t id, CType t) -> Status {
    switch (id) {
      case 1: return r.ReadI32(t, &md->version);
      case 2: {
        has_schema = true;
        CType et;
        uint32_t n;
        RETURN_IF_ERROR(r.ReadListHeader(t, &et, &n));
        if (et != CType::kStruct) return r.Error("schema of non-structs");
        md->schema.resize(n);
        for (uint32_t i = 0; i < n; ++i) RETURN_IF_ERROR(ParseSchemaElement(r, &md->schema[i]));
        return Status::OK();
      }
      case 3: has_rows = true; return r.ReadI64(t, &md->num_rows);
      case 4: {
        has_groups = true;
        CType et;
        uint32_t n;
        RETURN_IF_ERROR(r.ReadListHeader(t, &et, &n));
        if (et != CType::kStruct) return r.Error("row groups of non-structs");
        md->row_groups.resize(n);
        for (uint32_t i = 0; i < n; ++i) RETURN_IF_ERROR(ParseRowGroup(r, &md->row_groups[i]));
        return Status::OK();
      }
      case 5: {
        CType et;
        uint32_t n;
        RETURN_IF_ERROR(r.ReadListHeader(t, &et, &n));
        if (et != CType::kStruct) return r.Error("key-value metadata of non-structs");
        md->key_value_metadata.reserve(n);
        for (uint32_t i = 0; i < n; ++i) {
          std::string k, v;
          RETURN_IF_ERROR(r.ReadStruct([&](int16_t kid, CType kt) -> Status {
            if (kid == 1) return r.ReadString(kt, &k);
            if (kid == 2) return r.ReadString(kt, &v);
            return r.Skip(kt);
          }));
          md->key_value_metadata.emplace_back(std::move(k), std::move(v));
        }
        return Status::OK();
      }
      case 6: {
        std::string s;
        RETURN_IF_ERROR(r.ReadString(t, &s));
        md->created_by = std::move(s);
        return Status::OK();
      }
      case 7: {
        CType et;
        uint32_t n;
        RETURN_IF_ERROR(r.ReadListHeader(t, &et, &n));
        if (et != CType::kStruct) return r.Error("column orders of non-structs");
        for (uint32_t i = 0; i < n; ++i) {
          int16_t tag;
          RETURN_IF_ERROR(ParseUnionTag(r, &tag));
          if (tag == 1) ++md->num_type_defined_orders;
        }
        return Status::OK();
      }
      default: return r.Skip(t);
    }
  }));
  if (!has_schema || !has_rows || !has_groups)
    return r.Error("file metadata lacks schema, num_rows or row_groups");
  return Status::OK();
}

Status ParsePageHeader(const uint8_t* data, size_t size, PageHeader* h, size_t* consumed) {
  CompactReader r(data, size);
  uint32_t seen = 0;
  RETURN_IF_ERROR(r.ReadStruct([&](int16_t id, CType t) -> Status {
    if (id >= 1 && id <= 8) seen |= 1u << id;
    switch (id) {
      case 1: return r.ReadI32(t, &h->type);
      case 2: return r.ReadI32(t, &h->uncompressed_page_size);
      case 3: return r.ReadI32(t, &h->compressed_page_size);
      case 5: {
        RETURN_IF_ERROR(ExpectStruct(r, t));
        DataPageHeader d;
        uint32_t dseen = 0;
        RETURN_IF_ERROR(r.ReadStruct([&](int16_t fid, CType ft) -> Status {
          if (fid >= 1 && fid <= 4) dseen |= 1u << fid;
          switch (fid) {
            case 1: return r.ReadI32(ft, &d.num_values);
            case 2: return r.ReadI32(ft, &d.encoding);
            case 3: return r.ReadI32(ft, &d.definition_level_encoding);
            case 4: return r.ReadI32(ft, &d.repetition_level_encoding);
            default: return r.Skip(ft);
          }
        }));
        if ((dseen & 0x6) != 0x6) return r.Error("data page header lacks num_values or encoding");
        h->data = d;
        return Status::OK();
      }
      case 7: {
        RETURN_IF_ERROR(ExpectStruct(r, t));
        DictionaryPageHeader d;
        uint32_t dseen = 0;
        RETURN_IF_ERROR(r.ReadStruct([&](int16_t fid, CType ft) -> Status {
          if (fid >= 1 && fid <= 2) dseen |= 1u << fid;
          switch (fid) {
            case 1: return r.ReadI32(ft, &d.num_values);
            case 2: return r.ReadI32(ft, &d.encoding);
            default: return r.Skip(ft);
          }
        }));
        if (dseen != 0x6) return r.Error("dictionary page header lacks num_values or encoding");
        h->dictionary = d;
        return Status::OK();
      }
      case 8: {
        RETURN_IF_ERROR(ExpectStruct(r, t));
        DataPageHeaderV2 d;
        uint32_t dseen = 0;
        RETURN_IF_ERROR(r.ReadStruct([&](int16_t fid, CType ft) -> Status {
          if (fid >= 1 && fid <= 7) dseen |= 1u << fid;
          switch (fid) {
            case 1: return r.ReadI32(ft, &d.num_values);
            case 2: return r.ReadI32(ft, &d.num_nulls);
            case 3: return r.ReadI32(ft, &d.num_rows);
            case 4: return r.ReadI32(ft, &d.encoding);
            case 5: return r.ReadI32(ft, &d.definition_levels_byte_length);
            case 6: return r.ReadI32(ft, &d.repetition_levels_byte_length);
            case 7: return r.ReadBool(ft, &d.is_compressed);
            default: return r.Skip(ft);
          }
        }));
        if ((dseen & 0x7E) != 0x7E) return r.Error("data page v2 header lacks a required field");
        h->data_v2 = d;
        return Status::OK();
      }
      default: return r.Skip(t);
    }
  }));
  if ((seen & 0xE) != 0xE) return r.Error("page header lacks type or sizes");
  *consumed = r.position();
  return Status::OK();
}

}  // namespace cinelake::parquet
