#include "lake/parquet/statistics.h"

#include <cmath>
#include <cstring>

namespace cinelake::parquet {

template <typename T>
MinMax<T> ComputeMinMax(const T* data, const uint8_t* validity, size_t begin, size_t end) {
  MinMax<T> r;
  size_t i = begin;
  if (validity) {
    while (i < end && !validity[i]) ++i;
  }
  if (i >= end) return r;
  T lo = data[i], hi = data[i];
  if (validity) {
    for (; i < end; ++i) {
      if (!validity[i]) continue;
      lo = data[i] < lo ? data[i] : lo;
      hi = data[i] > hi ? data[i] : hi;
    }
  } else {
    for (; i < end; ++i) {
      lo = data[i] < lo ? data[i] : lo;
      hi = data[i] > hi ? data[i] : hi;
    }
  }
  r.has_value = true;
  r.min = lo;
  r.max = hi;
  return r;
}

template MinMax<int32_t> ComputeMinMax<int32_t>(const int32_t*, const uint8_t*, size_t, size_t);
template MinMax<int64_t> ComputeMinMax<int64_t>(const int64_t*, const uint8_t*, size_t, size_t);
template MinMax<uint8_t> ComputeMinMax<uint8_t>(const uint8_t*, const uint8_t*, size_t, size_t);

MinMax<double> ComputeMinMaxDouble(const double* data, const uint8_t* validity, size_t begin, size_t end) {
  MinMax<double> r;
  for (size_t i = begin; i < end; ++i) {
    if (validity && !validity[i]) continue;
    double v = data[i];
    // Readers order NaN differently (DuckDB above +Inf, others not at all) and
    // prune on min/max, so no bound is safe: give none, as parquet-java does.
    if (std::isnan(v)) return MinMax<double>{};
    r.Include(v);
  }
  if (r.has_value) {
    // Zero's sign is ambiguous under <; readers expect the inclusive choice.
    if (r.min == 0) r.min = -0.0;
    if (r.max == 0) r.max = 0.0;
  }
  return r;
}

MinMax<std::string_view> ComputeMinMaxString(const uint64_t* offsets, const char* bytes,
                                             const uint8_t* validity, size_t begin, size_t end) {
  MinMax<std::string_view> r;
  for (size_t i = begin; i < end; ++i) {
    if (validity && !validity[i]) continue;
    std::string_view v(bytes + offsets[i], offsets[i + 1] - offsets[i]);
    r.Include(v);
  }
  return r;
}

MinMax<std::string_view> ComputeMinMaxViews(const std::string_view* values, size_t n) {
  MinMax<std::string_view> r;
  for (size_t i = 0; i < n; ++i) {
    r.Include(values[i]);
  }
  return r;
}

std::string PlainBytesDouble(double v) {
  std::string s(8, '\0');
  std::memcpy(s.data(), &v, 8);
  return s;
}

std::string BigEndianBytes(int64_t v, int width) {
  std::string s(static_cast<size_t>(width), v < 0 ? '\xff' : '\0');
  uint64_t u = static_cast<uint64_t>(v);
  for (int i = 0; i < width && i < 8; ++i) s[width - 1 - i] = static_cast<char>(u >> (8 * i));
  return s;
}

}  // namespace cinelake::parquet
