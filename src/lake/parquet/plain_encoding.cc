#include "lake/parquet/plain_encoding.h"

#include <cstring>

#include "lake/parquet/format.h"

namespace cinelake::parquet {

namespace {

template <typename T>
Status DecodeFixed(const uint8_t* data, size_t size, size_t n, std::vector<T>* out, size_t* consumed) {
  if (size / sizeof(T) < n) {
    return Status::Corruption("PLAIN data holds " + std::to_string(size / sizeof(T)) +
                              " values, page needs " + std::to_string(n));
  }
  size_t old = out->size();
  out->resize(old + n);
  if (n > 0) std::memcpy(out->data() + old, data, n * sizeof(T));  // data may be null when n is 0
  *consumed = n * sizeof(T);
  return Status::OK();
}

}  // namespace

Status DecodePlain(int32_t physical_type, int32_t type_length, const uint8_t* data, size_t size, size_t n,
                   PhysicalValues* out, size_t* consumed) {
  switch (physical_type) {
    case ptype::kBoolean: {
      if ((size * 8) < n) return Status::Corruption("PLAIN booleans truncated");
      size_t old = out->bools.size();
      out->bools.resize(old + n);
      uint8_t* dst = out->bools.data() + old;
      for (size_t i = 0; i < n; ++i) dst[i] = (data[i >> 3] >> (i & 7)) & 1;
      *consumed = (n + 7) / 8;
      return Status::OK();
    }
    case ptype::kInt32: return DecodeFixed(data, size, n, &out->i32, consumed);
    case ptype::kInt64: return DecodeFixed(data, size, n, &out->i64, consumed);
    case ptype::kFloat: return DecodeFixed(data, size, n, &out->f32, consumed);
    case ptype::kDouble: return DecodeFixed(data, size, n, &out->f64, consumed);
    case ptype::kByteArray: {
      // Each value needs at least its 4-byte length.
      if (size / 4 < n) return Status::Corruption("PLAIN byte arrays truncated");
      out->bin.reserve(out->bin.size() + n);
      size_t pos = 0;
      for (size_t i = 0; i < n; ++i) {
        if (size - pos < 4) return Status::Corruption("PLAIN byte array length truncated");
        uint32_t len;
        std::memcpy(&len, data + pos, 4);
        pos += 4;
        if (len > size - pos) return Status::Corruption("PLAIN byte array runs past the page");
        out->bin.emplace_back(reinterpret_cast<const char*>(data + pos), len);
        pos += len;
      }
      *consumed = pos;
      return Status::OK();
    }
    case ptype::kInt96:
    case ptype::kFixedLenByteArray: {
      size_t w = physical_type == ptype::kInt96 ? 12 : static_cast<size_t>(type_length);
      if (w == 0) {
        out->bin.insert(out->bin.end(), n, std::string_view());
        *consumed = 0;
        return Status::OK();
      }
      if (size / w < n) return Status::Corruption("PLAIN fixed-length values truncated");
      out->bin.reserve(out->bin.size() + n);
      for (size_t i = 0; i < n; ++i) out->bin.emplace_back(reinterpret_cast<const char*>(data + i * w), w);
      *consumed = n * w;
      return Status::OK();
    }
  }
  return Status::Corruption("unknown physical type " + std::to_string(physical_type));
}

Status DecodeByteStreamSplit(int32_t physical_type, int32_t type_length, const uint8_t* data, size_t size,
                             size_t n, PhysicalValues* out) {
  size_t w;
  uint8_t* dst;
  switch (physical_type) {
    case ptype::kInt32: w = 4; break;
    case ptype::kFloat: w = 4; break;
    case ptype::kInt64: w = 8; break;
    case ptype::kDouble: w = 8; break;
    case ptype::kFixedLenByteArray: w = static_cast<size_t>(type_length); break;
    default: return Status::Corruption("BYTE_STREAM_SPLIT on an unsupported physical type");
  }
  if (w == 0 || size / w < n) return Status::Corruption("BYTE_STREAM_SPLIT data truncated");
  // The streams span the whole page's values; n must account for all of them.
  if (size != n * w) return Status::Corruption("BYTE_STREAM_SPLIT size does not match the value count");
  // n more values at the end of vec, as raw bytes for the streams to fill.
  const auto grow = [n](auto& vec) {
    vec.resize(vec.size() + n);
    return reinterpret_cast<uint8_t*>(vec.data() + vec.size() - n);
  };
  switch (physical_type) {
    case ptype::kInt32: dst = grow(out->i32); break;
    case ptype::kFloat: dst = grow(out->f32); break;
    case ptype::kInt64: dst = grow(out->i64); break;
    case ptype::kDouble: dst = grow(out->f64); break;
    default: {
      size_t old = out->arena.size();
      out->arena.resize(old + n * w);
      dst = reinterpret_cast<uint8_t*>(out->arena.data() + old);
      break;
    }
  }
  for (size_t k = 0; k < w; ++k) {
    const uint8_t* stream = data + k * n;
    for (size_t i = 0; i < n; ++i) dst[i * w + k] = stream[i];
  }
  if (physical_type == ptype::kFixedLenByteArray) {
    // Views are taken after the arena stops growing.
    const char* base = reinterpret_cast<const char*>(dst);
    for (size_t i = 0; i < n; ++i) out->bin.emplace_back(base + i * w, w);
  }
  return Status::OK();
}

void EncodePlainBools(const uint8_t* values, size_t n, std::string* out) {
  size_t start = out->size();
  out->resize(start + (n + 7) / 8, '\0');
  char* dst = out->data() + start;
  for (size_t i = 0; i < n; ++i) {
    if (values[i]) dst[i >> 3] = static_cast<char>(dst[i >> 3] | (1 << (i & 7)));
  }
}

}  // namespace cinelake::parquet
