// PLAIN and BYTE_STREAM_SPLIT decoding of untrusted page bytes into
// PhysicalValues, and the PLAIN encoders the writer uses.
//
// Decoders append exactly n values or return Corruption (too few bytes, a
// length that runs past the page); they set *consumed to the bytes used.
// `type_length` is FIXED_LEN_BYTE_ARRAY's width (12 is passed for INT96).
//
// Pure functions over caller-owned buffers; thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "common/status.h"
#include "lake/parquet/values.h"

namespace cinelake::parquet {

Status DecodePlain(int32_t physical_type, int32_t type_length, const uint8_t* data, size_t size, size_t n,
                   PhysicalValues* out, size_t* consumed);

Status DecodeByteStreamSplit(int32_t physical_type, int32_t type_length, const uint8_t* data, size_t size,
                             size_t n, PhysicalValues* out);

// Appends the PLAIN encoding of booleans (bit-packed, LSB first).
void EncodePlainBools(const uint8_t* values, size_t n, std::string* out);
// Appends one PLAIN BYTE_ARRAY value (4-byte little-endian length + bytes).
inline void EncodePlainBinary(std::string_view v, std::string* out) {
  uint32_t len = static_cast<uint32_t>(v.size());
  char buf[4] = {static_cast<char>(len), static_cast<char>(len >> 8), static_cast<char>(len >> 16),
                 static_cast<char>(len >> 24)};
  out->append(buf, 4);
  out->append(v.data(), v.size());
}

}  // namespace cinelake::parquet
