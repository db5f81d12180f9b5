// PhysicalValues: decoded, non-null values of one page or dictionary, held
// by Parquet physical type before conversion to a cinelake Column.
//
// Exactly one vector is used, chosen by the column's physical type:
// BOOLEAN -> bools, INT32 -> i32, INT64 -> i64, FLOAT -> f32, DOUBLE -> f64,
// BYTE_ARRAY / FIXED_LEN_BYTE_ARRAY / INT96 -> bin. `bin` views point into
// the page buffer, a dictionary's buffer, or `arena` (decoders that build
// strings); whoever owns those keeps them alive while the views are used.
//
// A plain value type; not synchronised.
//
// Thread-safety: not synchronised (a value type).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cinelake::parquet {

struct PhysicalValues {
  std::vector<uint8_t> bools;
  std::vector<int32_t> i32;
  std::vector<int64_t> i64;
  std::vector<float> f32;
  std::vector<double> f64;
  std::vector<std::string_view> bin;
  std::string arena;

  void Clear() {
    bools.clear();
    i32.clear();
    i64.clear();
    f32.clear();
    f64.clear();
    bin.clear();
    arena.clear();
  }
};

}  // namespace cinelake::parquet
