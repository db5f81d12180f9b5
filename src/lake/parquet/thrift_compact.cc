#include "lake/parquet/thrift_compact.h"

#include <cstring>

namespace cinelake::parquet::thrift {

void CompactWriter::Varint(uint64_t v) {
  char buf[10];
  int n = 0;
  while (v >= 0x80) {
    buf[n++] = static_cast<char>((v & 0x7F) | 0x80);
    v >>= 7;
  }
  buf[n++] = static_cast<char>(v);
  out_->append(buf, n);
}

void CompactWriter::BeginStruct() {
  // Nesting is fixed by our own metadata layout, far below the cap.
  if (depth_ < kMaxNesting) stack_[depth_] = last_id_;
  ++depth_;
  last_id_ = 0;
}

void CompactWriter::EndStruct() {
  out_->push_back(0);
  --depth_;
  last_id_ = (depth_ >= 0 && depth_ < kMaxNesting) ? stack_[depth_] : 0;
}

void CompactWriter::FieldHeader(int16_t id, CType type) {
  int delta = id - last_id_;
  if (delta > 0 && delta <= 15) {
    out_->push_back(static_cast<char>((delta << 4) | static_cast<int>(type)));
  } else {
    out_->push_back(static_cast<char>(type));
    Varint(ZigZag(id));
  }
  last_id_ = id;
}

void CompactWriter::ListHeader(CType element, size_t size) {
  if (size < 15) {
    out_->push_back(static_cast<char>((size << 4) | static_cast<int>(element)));
  } else {
    out_->push_back(static_cast<char>(0xF0 | static_cast<int>(element)));
    Varint(size);
  }
}

Status CompactReader::Error(std::string_view what) const {
  return Status::Corruption("thrift: " + std::string(what) + " at byte " + std::to_string(position()));
}

Status CompactReader::CheckType(CType got, CType want, const CompactReader& r) {
  if (got == want) return Status::OK();
  return r.Error("field type " + std::to_string(static_cast<int>(got)) + " where " +
                 std::to_string(static_cast<int>(want)) + " was expected");
}

Status CompactReader::ReadVarint(uint64_t* v) {
  uint64_t result = 0;
  for (int shift = 0; shift < 70; shift += 7) {
    if (p_ >= end_) return Error("truncated varint");
    uint8_t b = *p_++;
    if (shift == 63 && (b & 0x7E)) return Error("varint overflows 64 bits");
    result |= static_cast<uint64_t>(b & 0x7F) << shift;
    if (!(b & 0x80)) {
      *v = result;
      return Status::OK();
    }
  }
  return Error("varint longer than 10 bytes");
}

Status CompactReader::ReadFieldHeader(int16_t* last, int16_t* id, CType* type) {
  if (p_ >= end_) return Error("truncated struct (no stop byte)");
  uint8_t b = *p_++;
  int t = b & 0x0F;
  if (t == 0) {
    *type = CType::kStop;
    return Status::OK();
  }
  if (t > static_cast<int>(CType::kStruct)) return Error("unknown field type " + std::to_string(t));
  *type = static_cast<CType>(t);
  int delta = b >> 4;
  if (delta != 0) {
    *id = static_cast<int16_t>(*last + delta);
  } else {
    uint64_t z;
    RETURN_IF_ERROR(ReadVarint(&z));
    int64_t v = static_cast<int64_t>(z >> 1) ^ -static_cast<int64_t>(z & 1);
    if (v < INT16_MIN || v > INT16_MAX) return Error("field id out of range");
    *id = static_cast<int16_t>(v);
  }
  *last = *id;
  return Status::OK();
}

Status CompactReader::ReadI64(CType type, int64_t* v) {
  if (type != CType::kI64 && type != CType::kI32 && type != CType::kI16) {
    return CheckType(type, CType::kI64, *this);
  }
  uint64_t z;
  RETURN_IF_ERROR(ReadVarint(&z));
  *v = static_cast<int64_t>(z >> 1) ^ -static_cast<int64_t>(z & 1);
  return Status::OK();
}

Status CompactReader::ReadI32(CType type, int32_t* v) {
  if (type != CType::kI32 && type != CType::kI16) return CheckType(type, CType::kI32, *this);
  int64_t x;
  RETURN_IF_ERROR(ReadI64(CType::kI64, &x));
  if (x < INT32_MIN || x > INT32_MAX) return Error("i32 out of range");
  *v = static_cast<int32_t>(x);
  return Status::OK();
}

Status CompactReader::ReadI16(CType type, int16_t* v) {
  if (type != CType::kI16) return CheckType(type, CType::kI16, *this);
  int64_t x;
  RETURN_IF_ERROR(ReadI64(CType::kI64, &x));
  if (x < INT16_MIN || x > INT16_MAX) return Error("i16 out of range");
  *v = static_cast<int16_t>(x);
  return Status::OK();
}

Status CompactReader::ReadByte(CType type, int8_t* v) {
  RETURN_IF_ERROR(CheckType(type, CType::kByte, *this));
  if (p_ >= end_) return Error("truncated byte");
  *v = static_cast<int8_t>(*p_++);
  return Status::OK();
}

Status CompactReader::ReadBool(CType type, bool* v) {
  if (type == CType::kTrue) {
    *v = true;
  } else if (type == CType::kFalse) {
    *v = false;
  } else {
    return CheckType(type, CType::kTrue, *this);
  }
  return Status::OK();
}

Status CompactReader::ReadBinary(CType type, std::string_view* v) {
  RETURN_IF_ERROR(CheckType(type, CType::kBinary, *this));
  uint64_t n;
  RETURN_IF_ERROR(ReadVarint(&n));
  if (n > remaining()) return Error("binary length " + std::to_string(n) + " exceeds the remaining bytes");
  *v = std::string_view(reinterpret_cast<const char*>(p_), n);
  p_ += n;
  return Status::OK();
}

Status CompactReader::ReadString(CType type, std::string* v) {
  std::string_view sv;
  RETURN_IF_ERROR(ReadBinary(type, &sv));
  v->assign(sv.data(), sv.size());
  return Status::OK();
}

Status CompactReader::ReadListHeader(CType type, CType* element, uint32_t* size) {
  if (type != CType::kList && type != CType::kSet) return CheckType(type, CType::kList, *this);
  if (p_ >= end_) return Error("truncated list header");
  uint8_t b = *p_++;
  int t = b & 0x0F;
  if (t == 0 || t > static_cast<int>(CType::kStruct))
    return Error("unknown list element type " + std::to_string(t));
  *element = static_cast<CType>(t);
  uint64_t n = b >> 4;
  if (n == 15) RETURN_IF_ERROR(ReadVarint(&n));
  if (n > remaining()) return Error("list size " + std::to_string(n) + " exceeds the remaining bytes");
  *size = static_cast<uint32_t>(n);
  return Status::OK();
}

Status CompactReader::SkipDepth(CType type, int depth) {
  if (depth > kMaxDepth) return Error("values nested too deeply");
  switch (type) {
    case CType::kStop: return Error("unexpected stop");
    case CType::kTrue:
    case CType::kFalse: return Status::OK();
    case CType::kByte:
      if (p_ >= end_) return Error("truncated byte");
      ++p_;
      return Status::OK();
    case CType::kI16:
    case CType::kI32:
    case CType::kI64: {
      uint64_t v;
      return ReadVarint(&v);
    }
    case CType::kDouble:
      if (remaining() < 8) return Error("truncated double");
      p_ += 8;
      return Status::OK();
    case CType::kBinary: {
      std::string_view v;
      return ReadBinary(CType::kBinary, &v);
    }
    case CType::kList:
    case CType::kSet: {
      CType element;
      uint32_t n;
      RETURN_IF_ERROR(ReadListHeader(CType::kList, &element, &n));
      for (uint32_t i = 0; i < n; ++i) {
        if (element == CType::kTrue || element == CType::kFalse) {
          // A bool element is one byte.
          RETURN_IF_ERROR(SkipDepth(CType::kByte, depth + 1));
        } else {
          RETURN_IF_ERROR(SkipDepth(element, depth + 1));
        }
      }
      return Status::OK();
    }
    case CType::kMap: {
      uint64_t n;
      RETURN_IF_ERROR(ReadVarint(&n));
      if (n == 0) return Status::OK();
      if (n > remaining()) return Error("map size exceeds the remaining bytes");
      if (p_ >= end_) return Error("truncated map header");
      uint8_t kv = *p_++;
      int kt = kv >> 4, vt = kv & 0x0F;
      if (kt == 0 || kt > 12 || vt == 0 || vt > 12) return Error("unknown map key/value type");
      for (uint64_t i = 0; i < n; ++i) {
        CType k = static_cast<CType>(kt), v = static_cast<CType>(vt);
        if (k == CType::kTrue || k == CType::kFalse) k = CType::kByte;
        if (v == CType::kTrue || v == CType::kFalse) v = CType::kByte;
        RETURN_IF_ERROR(SkipDepth(k, depth + 1));
        RETURN_IF_ERROR(SkipDepth(v, depth + 1));
      }
      return Status::OK();
    }
    case CType::kStruct: {
      int16_t last = 0;
      for (;;) {
        int16_t id;
        CType t;
        RETURN_IF_ERROR(ReadFieldHeader(&last, &id, &t));
        if (t == CType::kStop) return Status::OK();
        RETURN_IF_ERROR(SkipDepth(t, depth + 1));
      }
    }
  }
  return Error("unknown type");
}

}  // namespace cinelake::parquet::thrift
