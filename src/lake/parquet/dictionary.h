// Dictionary building for the writer: assigns each non-null value of a column
// chunk the index of its distinct value, in first-seen order.
//
// Builders stop and return false as soon as the dictionary's PLAIN size
// would exceed max_bytes, so a high-cardinality column costs at most that
// much hashing before the writer falls back to PLAIN. Hash tables use open
// addressing over indices; no per-value allocation. String views point into
// the column's buffer, which must outlive the dictionary.
//
// A builder is single-threaded; distinct builders may run in parallel.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace cinelake::parquet {

// Values data[i] for i in [begin, end) with validity[i] != 0 (validity may be
// null: all valid). T is int32_t, int64_t or double (hashed bitwise).
template <typename T>
bool BuildFixedDictionary(const T* data, const uint8_t* validity, size_t begin, size_t end, size_t max_bytes,
                          std::vector<T>* dict, std::vector<uint32_t>* indices);

// Strings offsets[i]..offsets[i+1] of bytes for i in [begin, end), skipping
// rows with validity[i] == 0 (validity may be null).
bool BuildStringDictionary(const uint64_t* offsets, const char* bytes, const uint8_t* validity, size_t begin,
                           size_t end, size_t max_bytes, std::vector<std::string_view>* dict,
                           std::vector<uint32_t>* indices);

}  // namespace cinelake::parquet
