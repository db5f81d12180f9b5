// Thrift compact protocol, the encoding of Parquet's footer and page headers.
//
// CompactWriter appends compact-protocol bytes to a string; the caller drives
// it field by field (struct nesting is tracked so field-id deltas are right).
// CompactReader walks untrusted bytes: every length and count is checked
// against the bytes that remain, nesting is capped (kMaxDepth), and every
// failure is a Corruption status naming what was wrong; it never reads past
// the end of its buffer. Unknown fields are skipped with Skip().
//
// A reader or writer is single-threaded; the reader borrows its bytes, which
// must outlive it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"

namespace cinelake::parquet::thrift {

enum class CType : uint8_t {
  kStop = 0,
  kTrue = 1,   // a bool field holding true (in lists: a bool element)
  kFalse = 2,  // a bool field holding false
  kByte = 3,
  kI16 = 4,
  kI32 = 5,
  kI64 = 6,
  kDouble = 7,
  kBinary = 8,
  kList = 9,
  kSet = 10,
  kMap = 11,
  kStruct = 12,
};

class CompactWriter {
 public:
  explicit CompactWriter(std::string* out) : out_(out) {}

  // A struct is opened by FieldStruct (nested) or BeginStruct (top level /
  // list element) and closed by EndStruct.
  void BeginStruct();
  void EndStruct();
  void FieldStruct(int16_t id) {
    FieldHeader(id, CType::kStruct);
    BeginStruct();
  }

  void FieldI32(int16_t id, int32_t v) {
    FieldHeader(id, CType::kI32);
    Varint(ZigZag(v));
  }
  void FieldI64(int16_t id, int64_t v) {
    FieldHeader(id, CType::kI64);
    Varint(ZigZag(v));
  }
  void FieldI16(int16_t id, int16_t v) {
    FieldHeader(id, CType::kI16);
    Varint(ZigZag(v));
  }
  void FieldByte(int16_t id, int8_t v) {
    FieldHeader(id, CType::kByte);
    out_->push_back(static_cast<char>(v));
  }
  void FieldBool(int16_t id, bool v) { FieldHeader(id, v ? CType::kTrue : CType::kFalse); }
  void FieldBinary(int16_t id, std::string_view v) {
    FieldHeader(id, CType::kBinary);
    Binary(v);
  }
  // Followed by `size` elements written with the element functions below.
  void FieldList(int16_t id, CType element, size_t size) {
    FieldHeader(id, CType::kList);
    ListHeader(element, size);
  }

  void ElementI32(int32_t v) { Varint(ZigZag(v)); }
  void ElementBinary(std::string_view v) { Binary(v); }

  void Varint(uint64_t v);
  static uint64_t ZigZag(int64_t v) {
    return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63);
  }

 private:
  void FieldHeader(int16_t id, CType type);
  void ListHeader(CType element, size_t size);
  void Binary(std::string_view v) {
    Varint(v.size());
    out_->append(v.data(), v.size());
  }

  static constexpr int kMaxNesting = 16;
  std::string* out_;
  int16_t last_id_ = 0;
  int16_t stack_[kMaxNesting] = {};
  int depth_ = 0;
};

class CompactReader {
 public:
  static constexpr int kMaxDepth = 32;

  CompactReader(const uint8_t* data, size_t size) : p_(data), end_(data + size), begin_(data) {}

  size_t position() const { return static_cast<size_t>(p_ - begin_); }
  size_t remaining() const { return static_cast<size_t>(end_ - p_); }

  // Calls on_field(id, type) for each field of the struct at the current
  // position until its stop byte. on_field must consume the field's value
  // (Read* or Skip) and return a Status.
  template <typename F>
  Status ReadStruct(F&& on_field) {
    if (++depth_ > kMaxDepth) return Error("structs nested too deeply");
    int16_t last = 0;
    for (;;) {
      int16_t id;
      CType type;
      Status st = ReadFieldHeader(&last, &id, &type);
      if (!st.ok()) return st;
      if (type == CType::kStop) break;
      st = on_field(id, type);
      if (!st.ok()) return st;
    }
    --depth_;
    return Status::OK();
  }

  // Value readers; `type` is the field's type from the header, checked here.
  Status ReadI32(CType type, int32_t* v);
  Status ReadI64(CType type, int64_t* v);
  Status ReadI16(CType type, int16_t* v);
  Status ReadByte(CType type, int8_t* v);
  Status ReadBool(CType type, bool* v);  // a struct field's bool lives in its type
  Status ReadBinary(CType type, std::string_view* v);
  Status ReadString(CType type, std::string* v);
  // A list header; *size is at most remaining() (each element takes >= 1 byte).
  Status ReadListHeader(CType type, CType* element, uint32_t* size);
  // List elements.
  Status ReadElementI32(int32_t* v) { return ReadI32(CType::kI32, v); }
  Status ReadElementBinary(std::string_view* v) { return ReadBinary(CType::kBinary, v); }

  // Skips one value of the given type (recursing into containers).
  Status Skip(CType type) { return SkipDepth(type, 0); }

  Status Error(std::string_view what) const;

 private:
  Status ReadFieldHeader(int16_t* last, int16_t* id, CType* type);
  Status ReadVarint(uint64_t* v);
  Status SkipDepth(CType type, int depth);
  static Status CheckType(CType got, CType want, const CompactReader& r);

  const uint8_t* p_;
  const uint8_t* end_;
  const uint8_t* begin_;
  int depth_ = 0;
};

}  // namespace cinelake::parquet::thrift
