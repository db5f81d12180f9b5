// The footer and page headers parsed and validated from Thrift compact (metadata.h).
//
// Decoding is declarative: ReadFields<M1, M2, ...> reads a struct whose
// field i is decoded into member Mi (kSkip: an id cinelake ignores; a
// function: a field that needs its own decoding), choosing the reader by the
// member's C++ type. Ids beyond the list are skipped, as Thrift requires.
#include <algorithm>
#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

#include "lake/parquet/metadata.h"
#include "lake/parquet/thrift_compact.h"

namespace cinelake::parquet {

using thrift::CompactReader;
using thrift::CType;

namespace {

using KeyValue = std::pair<std::string, std::string>;

// Values by the C++ type they are stored in.
Status ReadValue(CompactReader& r, CType t, int8_t* v) {
  return r.ReadByte(t, v);
}
Status ReadValue(CompactReader& r, CType t, int16_t* v) {
  return r.ReadI16(t, v);
}
Status ReadValue(CompactReader& r, CType t, int32_t* v) {
  return r.ReadI32(t, v);
}
Status ReadValue(CompactReader& r, CType t, int64_t* v) {
  return r.ReadI64(t, v);
}
Status ReadValue(CompactReader& r, CType t, bool* v) {
  return r.ReadBool(t, v);
}
Status ReadValue(CompactReader& r, CType t, std::string* v) {
  return r.ReadString(t, v);
}
Status ReadValue(CompactReader& r, CType t, LogicalType::Unit* unit);

// Structs: the fields of the struct at the reader's position, checked.
Status Parse(CompactReader& r, Statistics* s);
Status Parse(CompactReader& r, LogicalType* lt);
Status Parse(CompactReader& r, SchemaElement* e);
Status Parse(CompactReader& r, ColumnMetaData* m);
Status Parse(CompactReader& r, ColumnChunk* c);
Status Parse(CompactReader& r, RowGroup* rg);
Status Parse(CompactReader& r, KeyValue* kv);
Status Parse(CompactReader& r, DataPageHeader* d);
Status Parse(CompactReader& r, DictionaryPageHeader* d);
Status Parse(CompactReader& r, DataPageHeaderV2* d);

Status ExpectStruct(CompactReader& r, CType t) {
  if (t != CType::kStruct) return r.Error("expected a struct");
  return Status::OK();
}

// A struct-typed field.
template <typename S>
requires std::is_class_v<S> Status ReadValue(CompactReader& r, CType t, S* s) {
  RETURN_IF_ERROR(ExpectStruct(r, t));
  return Parse(r, s);
}

// An optional field: set once its value has been read.
template <typename T>
Status ReadValue(CompactReader& r, CType t, std::optional<T>* v) {
  T value{};
  RETURN_IF_ERROR(ReadValue(r, t, &value));
  *v = std::move(value);
  return Status::OK();
}

template <typename T>
constexpr CType kElementType = CType::kStruct;
template <>
constexpr CType kElementType<int32_t> = CType::kI32;
template <>
constexpr CType kElementType<std::string> = CType::kBinary;

Status ReadElement(CompactReader& r, int32_t* v) {
  return r.ReadElementI32(v);
}
Status ReadElement(CompactReader& r, std::string* v) {
  std::string_view sv;
  RETURN_IF_ERROR(r.ReadElementBinary(&sv));
  v->assign(sv);
  return Status::OK();
}
template <typename S>
requires std::is_class_v<S> Status ReadElement(CompactReader& r, S* s) {
  return Parse(r, s);
}

// A list field's header: its size, once its elements are known to be `element`s.
Status ReadListOf(CompactReader& r, CType t, CType element, const char* wrong_elements, uint32_t* n) {
  CType et;
  RETURN_IF_ERROR(r.ReadListHeader(t, &et, n));
  if (et != element) return r.Error(wrong_elements);
  return Status::OK();
}

// A string literal as a template argument.
template <size_t N>
struct Text {
  constexpr Text(const char (&text)[N]) { std::copy_n(text, N, chars); }  // implicit: from a literal
  char chars[N];
};

template <auto M>
struct MemberOf;
template <typename S, typename T, T S::*M>
struct MemberOf<M> {
  using Struct = S;
};

// A list field read into vector member M; kWrongElements is the error when
// the list holds elements of another type.
template <auto M, Text kWrongElements>
Status ListField(CompactReader& r, CType t, typename MemberOf<M>::Struct* s) {
  auto* v = &(s->*M);
  using T = typename std::remove_pointer_t<decltype(v)>::value_type;
  uint32_t n;
  RETURN_IF_ERROR(ReadListOf(r, t, kElementType<T>, kWrongElements.chars, &n));
  v->resize(n);
  for (T& element : *v) RETURN_IF_ERROR(ReadElement(r, &element));
  return Status::OK();
}

constexpr std::nullptr_t kSkip = nullptr;

template <auto M, typename S>
Status ReadField(CompactReader& r, CType t, S* s) {
  using Entry = decltype(M);
  if constexpr (std::is_null_pointer_v<Entry>) {
    return r.Skip(t);
  } else if constexpr (!std::is_member_object_pointer_v<Entry>) {
    return M(r, t, s);
  } else {
    return ReadValue(r, t, &(s->*M));
  }
}

// Field id i (from 1) goes to the i-th entry; *seen (when given) gets bit i
// for every field present.
template <auto... M, typename S>
Status ReadFields(CompactReader& r, S* s, uint32_t* seen = nullptr) {
  static_assert(sizeof...(M) < 32);
  using Reader = Status (*)(CompactReader&, CType, S*);
  static constexpr Reader kReaders[] = {ReadField<M, S>...};
  return r.ReadStruct([&](int16_t id, CType t) -> Status {
    if (id < 1 || id > static_cast<int16_t>(sizeof...(M))) return r.Skip(t);
    if (seen != nullptr) *seen |= 1u << id;
    return kReaders[id - 1](r, t, s);
  });
}

// An error naming `what` unless every id in `ids` is in `seen`.
Status Require(const CompactReader& r, uint32_t seen, std::initializer_list<int> ids, const char* what) {
  for (int id : ids) {
    if (!(seen & (1u << id))) return r.Error(what);
  }
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

Status ReadValue(CompactReader& r, CType t, LogicalType::Unit* unit) {
  RETURN_IF_ERROR(ExpectStruct(r, t));
  int16_t tag;
  RETURN_IF_ERROR(ParseUnionTag(r, &tag));
  if (tag < 1 || tag > 3) return r.Error("unknown time unit");
  *unit = static_cast<LogicalType::Unit>(tag - 1);
  return Status::OK();
}

Status Parse(CompactReader& r, Statistics* s) {
  return ReadFields<&Statistics::legacy_max, &Statistics::legacy_min, &Statistics::null_count, kSkip,
                    &Statistics::max_value, &Statistics::min_value>(r, s);
}

// A union: the member's id is the kind; four members carry fields.
Status Parse(CompactReader& r, LogicalType* lt) {
  using K = LogicalType::Kind;
  return r.ReadStruct([&](int16_t id, CType t) -> Status {
    RETURN_IF_ERROR(ExpectStruct(r, t));
    lt->kind = LogicalTypeKindOfField(id);
    switch (lt->kind) {
      case K::kDecimal: return ReadFields<&LogicalType::scale, &LogicalType::precision>(r, lt);
      case K::kTime:
      case K::kTimestamp: return ReadFields<&LogicalType::utc, &LogicalType::unit>(r, lt);
      case K::kInteger: return ReadFields<&LogicalType::bit_width, &LogicalType::is_signed>(r, lt);
      default: return r.Skip(t);
    }
  });
}

Status Parse(CompactReader& r, SchemaElement* e) {
  using E = SchemaElement;
  uint32_t seen = 0;
  RETURN_IF_ERROR(
      (ReadFields<&E::type, &E::type_length, &E::repetition, &E::name, &E::num_children, &E::converted_type,
                  &E::scale, &E::precision, kSkip, &E::logical>(r, e, &seen)));
  return Require(r, seen, {4}, "schema element without a name");
}

Status Parse(CompactReader& r, ColumnMetaData* m) {
  using C = ColumnMetaData;
  uint32_t seen = 0;
  RETURN_IF_ERROR(
      (ReadFields<&C::type, ListField<&C::encodings, "encodings list of non-i32">,
                  ListField<&C::path, "path_in_schema of non-strings">, &C::codec, &C::num_values,
                  &C::total_uncompressed_size, &C::total_compressed_size, kSkip, &C::data_page_offset, kSkip,
                  &C::dictionary_page_offset, &C::statistics>(r, m, &seen)));
  for (int id : {1, 4, 5, 6, 7, 9}) {
    if (!(seen & (1u << id))) return r.Error("column metadata lacks required field " + std::to_string(id));
  }
  return Status::OK();
}

Status Parse(CompactReader& r, ColumnChunk* c) {
  return ReadFields<&ColumnChunk::file_path, &ColumnChunk::file_offset, &ColumnChunk::meta>(r, c);
}

Status Parse(CompactReader& r, RowGroup* rg) {
  using G = RowGroup;
  uint32_t seen = 0;
  RETURN_IF_ERROR((ReadFields<ListField<&G::columns, "row group columns of non-structs">, &G::total_byte_size,
                              &G::num_rows, kSkip, &G::file_offset, &G::total_compressed_size, &G::ordinal>(
      r, rg, &seen)));
  return Require(r, seen, {1, 3}, "row group lacks columns or num_rows");
}

Status Parse(CompactReader& r, KeyValue* kv) {
  return ReadFields<&KeyValue::first, &KeyValue::second>(r, kv);
}

// ColumnOrder is a union; only TypeDefinedOrder (id 1) is counted.
Status CountTypeDefinedOrders(CompactReader& r, CType t, FileMetaData* md) {
  uint32_t n;
  RETURN_IF_ERROR(ReadListOf(r, t, CType::kStruct, "column orders of non-structs", &n));
  for (uint32_t i = 0; i < n; ++i) {
    int16_t tag;
    RETURN_IF_ERROR(ParseUnionTag(r, &tag));
    if (tag == 1) ++md->num_type_defined_orders;
  }
  return Status::OK();
}

Status Parse(CompactReader& r, DataPageHeader* d) {
  using D = DataPageHeader;
  uint32_t seen = 0;
  RETURN_IF_ERROR(
      (ReadFields<&D::num_values, &D::encoding, &D::definition_level_encoding, &D::repetition_level_encoding>(
          r, d, &seen)));
  return Require(r, seen, {1, 2}, "data page header lacks num_values or encoding");
}

Status Parse(CompactReader& r, DictionaryPageHeader* d) {
  uint32_t seen = 0;
  RETURN_IF_ERROR(
      (ReadFields<&DictionaryPageHeader::num_values, &DictionaryPageHeader::encoding>(r, d, &seen)));
  return Require(r, seen, {1, 2}, "dictionary page header lacks num_values or encoding");
}

Status Parse(CompactReader& r, DataPageHeaderV2* d) {
  using D = DataPageHeaderV2;
  uint32_t seen = 0;
  RETURN_IF_ERROR((
      ReadFields<&D::num_values, &D::num_nulls, &D::num_rows, &D::encoding, &D::definition_levels_byte_length,
                 &D::repetition_levels_byte_length, &D::is_compressed>(r, d, &seen)));
  return Require(r, seen, {1, 2, 3, 4, 5, 6}, "data page v2 header lacks a required field");
}

}  // namespace

Status ParseFileMetaData(const uint8_t* data, size_t size, FileMetaData* md) {
  using F = FileMetaData;
  CompactReader r(data, size);
  uint32_t seen = 0;
  RETURN_IF_ERROR((ReadFields<&F::version, ListField<&F::schema, "schema of non-structs">, &F::num_rows,
                              ListField<&F::row_groups, "row groups of non-structs">,
                              ListField<&F::key_value_metadata, "key-value metadata of non-structs">,
                              &F::created_by, CountTypeDefinedOrders>(r, md, &seen)));
  return Require(r, seen, {2, 3, 4}, "file metadata lacks schema, num_rows or row_groups");
}

Status ParsePageHeader(const uint8_t* data, size_t size, PageHeader* h, size_t* consumed) {
  using P = PageHeader;
  CompactReader r(data, size);
  uint32_t seen = 0;
  RETURN_IF_ERROR((ReadFields<&P::type, &P::uncompressed_page_size, &P::compressed_page_size, kSkip, &P::data,
                              kSkip, &P::dictionary, &P::data_v2>(r, h, &seen)));
  RETURN_IF_ERROR(Require(r, seen, {1, 2, 3}, "page header lacks type or sizes"));
  *consumed = r.position();
  return Status::OK();
}

}  // namespace cinelake::parquet
