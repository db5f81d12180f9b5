// Column chunk statistics for the writer: min/max over the non-null values
// in Parquet's type-defined order (signed for integers and INT64/FLBA
// decimals, unsigned bytewise for strings, IEEE order for doubles with -0.0
// as min and +0.0 as max), encoded as Parquet stores them.
//
// A MinMax with has_value == false leaves min/max out of the Statistics;
// null_count is always written. That happens when every value is null, and
// for doubles whenever any non-null value is NaN: readers disagree on where
// NaN sorts (DuckDB puts it above +Inf) and prune row groups on min/max, so
// any bound would let some reader skip rows holding NaN. DuckDB and
// parquet-java write no min/max for such chunks either.
//
// Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "lake/parquet/metadata.h"

namespace cinelake::parquet {

template <typename T>
struct MinMax {
  bool has_value = false;
  T min{}, max{};

  // Widens the bounds to include v (under T's operator<).
  void Include(const T& v) {
    if (!has_value) {
      has_value = true;
      min = max = v;
      return;
    }
    if (v < min) min = v;
    if (max < v) max = v;
  }
};

// Over data[i], i in [begin, end), validity[i] != 0 (validity may be null).
template <typename T>
MinMax<T> ComputeMinMax(const T* data, const uint8_t* validity, size_t begin, size_t end);
MinMax<double> ComputeMinMaxDouble(const double* data, const uint8_t* validity, size_t begin, size_t end);
MinMax<std::string_view> ComputeMinMaxString(const uint64_t* offsets, const char* bytes,
                                             const uint8_t* validity, size_t begin, size_t end);
MinMax<std::string_view> ComputeMinMaxViews(const std::string_view* values, size_t n);

// Little-endian bytes of a fixed-width value (PLAIN form).
template <typename T>
std::string PlainBytes(T v) {
  std::string s(sizeof(T), '\0');
  for (size_t i = 0; i < sizeof(T); ++i) s[i] = static_cast<char>(static_cast<uint64_t>(v) >> (8 * i));
  return s;
}
std::string PlainBytesDouble(double v);
// Big-endian two's complement of v in `width` bytes (FIXED_LEN_BYTE_ARRAY decimals).
std::string BigEndianBytes(int64_t v, int width);

}  // namespace cinelake::parquet
