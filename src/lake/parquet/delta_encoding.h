// DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY and DELTA_BYTE_ARRAY: decoders
// for untrusted bytes (what DuckDB, Arrow and Spark write for v2 pages) and
// encoders (used by tests to produce such data).
//
// Decoders produce exactly n values or return Corruption; integer arithmetic
// wraps as the spec requires (INT32 columns truncate the 64-bit result).
// *consumed is the length of the encoded stream. DELTA_BYTE_ARRAY builds its
// strings in out->arena, refusing to grow it past max_bytes.
//
// Pure functions over caller-owned buffers; thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "lake/parquet/values.h"

namespace cinelake::parquet {

Status DecodeDeltaBinaryPacked(const uint8_t* data, size_t size, size_t n, int64_t* out, size_t* consumed);
Status DecodeDeltaLengthByteArray(const uint8_t* data, size_t size, size_t n, PhysicalValues* out,
                                  size_t* consumed);
Status DecodeDeltaByteArray(const uint8_t* data, size_t size, size_t n, size_t max_bytes, PhysicalValues* out,
                            size_t* consumed);

void EncodeDeltaBinaryPacked(const int64_t* values, size_t n, std::string* out);
void EncodeDeltaLengthByteArray(const std::vector<std::string_view>& values, std::string* out);
void EncodeDeltaByteArray(const std::vector<std::string_view>& values, std::string* out);

}  // namespace cinelake::parquet
