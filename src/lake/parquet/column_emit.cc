// ColumnChunkReader's second half (column_reader.h): decoded values turned
// into cinelake's types (decimals, INT96, FLOAT16) and emitted into a Column
// by definition and repetition levels.
#include <cmath>
#include <cstring>

#include "lake/parquet/column_reader.h"
#include "lake/parquet/format.h"

namespace cinelake::parquet {

namespace {

Status Bad(std::string msg) {
  return Status::Corruption(std::move(msg));
}

// IEEE 754 binary16 to double, exactly (every half is a double). NaN keeps
// its sign and payload, as NaN and -0.0 do for FLOAT and DOUBLE columns.
double HalfToDouble(uint16_t h) {
  const bool negative = (h & 0x8000) != 0;
  const int exponent = (h >> 10) & 0x1F;
  const int mantissa = h & 0x3FF;
  if (exponent == 0x1F) {  // infinity or NaN
    uint64_t bits = (uint64_t{negative} << 63) | (uint64_t{0x7FF} << 52) | (uint64_t(mantissa) << 42);
    double v;
    std::memcpy(&v, &bits, 8);
    return v;
  }
  // Subnormals (exponent 0) are mantissa * 2^-24; normals have the implicit 1.
  double v = exponent == 0 ? std::ldexp(mantissa, -24) : std::ldexp(mantissa | 0x400, exponent - 25);
  return negative ? -v : v;
}

// Valid Parquet that a Table cannot hold: refused, like an unsupported column.
Status NullListItem() {
  return Status::InvalidArgument("a list holds a null item; cinelake lists cannot hold null items");
}

// Big-endian two's complement of any length to int64.
bool BigEndianToInt64(std::string_view b, int64_t* out) {
  if (b.empty()) {
    *out = 0;
    return true;
  }
  const auto* p = reinterpret_cast<const uint8_t*>(b.data());
  size_t n = b.size();
  uint8_t sign = (p[0] & 0x80) ? 0xFF : 0x00;
  size_t skip = n > 8 ? n - 8 : 0;
  for (size_t i = 0; i < skip; ++i) {
    if (p[i] != sign) return false;
  }
  if (skip > 0 && ((p[skip] & 0x80) ? 0xFF : 0x00) != sign) return false;
  uint64_t v = sign ? ~0ULL : 0;
  for (size_t i = skip; i < n; ++i) v = (v << 8) | p[i];
  *out = static_cast<int64_t>(v);
  return true;
}

bool Int96ToMicros(std::string_view b, int64_t* out) {
  if (b.size() != 12) return false;
  uint64_t nanos;
  int32_t julian;
  std::memcpy(&nanos, b.data(), 8);
  std::memcpy(&julian, b.data() + 8, 4);
  int64_t days = static_cast<int64_t>(julian) - 2440588;
  int64_t micros;
  if (__builtin_mul_overflow(days, int64_t{86400000000}, &micros)) return false;
  int64_t add = static_cast<int64_t>(nanos / 1000);
  return !__builtin_add_overflow(micros, add, out);
}

}  // namespace

Status ColumnChunkReader::Normalize() {
  switch (desc_.field.type) {
    case DataType::kInt64:
    case DataType::kTimestamp:
    case DataType::kDecimal: {
      i64_.clear();
      switch (desc_.physical) {
        case ptype::kInt32:
          i64_.resize(values_.i32.size());
          if (desc_.conversion == Conversion::kUint32ToInt64) {
            for (size_t i = 0; i < i64_.size(); ++i) i64_[i] = static_cast<uint32_t>(values_.i32[i]);
          } else {
            for (size_t i = 0; i < i64_.size(); ++i) i64_[i] = values_.i32[i];
          }
          return Status::OK();
        case ptype::kInt64:
          i64_.swap(values_.i64);
          if (desc_.conversion == Conversion::kMillisToMicros) {
            for (auto& v : i64_) {
              if (__builtin_mul_overflow(v, int64_t{1000}, &v))
                return Bad("millisecond timestamp out of range");
            }
          } else if (desc_.conversion == Conversion::kNanosToMicros) {
            for (auto& v : i64_) v = v / 1000 - ((v % 1000) < 0 ? 1 : 0);
          }
          return Status::OK();
        default:
          i64_.resize(values_.bin.size());
          for (size_t i = 0; i < i64_.size(); ++i) {
            bool ok = desc_.conversion == Conversion::kInt96ToMicros
                          ? Int96ToMicros(values_.bin[i], &i64_[i])
                          : BigEndianToInt64(values_.bin[i], &i64_[i]);
            if (!ok) {
              return Bad(desc_.conversion == Conversion::kInt96ToMicros
                             ? "INT96 timestamp out of range"
                             : "decimal value does not fit in 64 bits");
            }
          }
          return Status::OK();
      }
    }
    case DataType::kDouble:
      if (desc_.conversion == Conversion::kFloat16ToDouble) return Float16ToDouble();
      if (desc_.physical == ptype::kFloat) {
        values_.f64.resize(values_.f32.size());
        for (size_t i = 0; i < values_.f32.size(); ++i) values_.f64[i] = values_.f32[i];
      }
      return Status::OK();
    default: return Status::OK();
  }
}

Status ColumnChunkReader::Float16ToDouble() {
  values_.f64.resize(values_.bin.size());
  for (size_t i = 0; i < values_.bin.size(); ++i) {
    std::string_view b = values_.bin[i];
    if (b.size() != 2) return Bad("FLOAT16 value of " + std::to_string(b.size()) + " bytes, not 2");
    // Parquet stores FLOAT16 little-endian.
    values_.f64[i] =
        HalfToDouble(static_cast<uint16_t>(static_cast<uint8_t>(b[0]) | (static_cast<uint8_t>(b[1]) << 8)));
  }
  return Status::OK();
}

Status ColumnChunkReader::EmitFlat(const uint8_t* def, size_t n, Column* out) {
  const uint8_t max_def = static_cast<uint8_t>(desc_.max_def);
  size_t j = 0;
  auto emit = [&](auto&& append) {
    if (!def) {
      for (size_t i = 0; i < n; ++i) append(i);
    } else {
      for (size_t i = 0; i < n; ++i) {
        if (def[i] == max_def) {
          append(j++);
        } else {
          out->AppendNull();
        }
      }
    }
  };
  switch (desc_.field.type) {
    case DataType::kBool: emit([&](size_t k) { out->AppendBool(values_.bools[k] != 0); }); break;
    case DataType::kInt32:
    case DataType::kDate: emit([&](size_t k) { out->AppendInt32(values_.i32[k]); }); break;
    case DataType::kInt64:
    case DataType::kTimestamp:
    case DataType::kDecimal: emit([&](size_t k) { out->AppendInt64(i64_[k]); }); break;
    case DataType::kDouble: emit([&](size_t k) { out->AppendDouble(values_.f64[k]); }); break;
    case DataType::kString: {
      int64_t bytes = 0;
      for (auto v : values_.bin) bytes += static_cast<int64_t>(v.size());
      if (!budget_->TakeBytes(bytes)) return Bad("strings exceed what the file can justify");
      emit([&](size_t k) { out->AppendString(values_.bin[k]); });
      break;
    }
    case DataType::kStringList: return Bad("internal: list emitted as flat");
  }
  rows_ += static_cast<int64_t>(n);
  return Status::OK();
}

void ColumnChunkReader::FinishListRow(Column* out) {
  if (row_state_ == RowState::kNull) {
    out->AppendNull();
  } else if (row_state_ == RowState::kList) {
    out->AppendList(std::span<const std::string>(items_.data(), item_count_));
  }
  row_state_ = RowState::kNone;
  item_count_ = 0;
}

Status ColumnChunkReader::EmitList(const uint8_t* def, const uint8_t* rep, size_t n, Column* out) {
  const uint8_t max_def = static_cast<uint8_t>(desc_.max_def);
  const uint8_t list_def = static_cast<uint8_t>(desc_.list_def);
  const uint8_t item_def = static_cast<uint8_t>(desc_.item_def);
  int64_t bytes = 0;
  for (auto v : values_.bin) bytes += static_cast<int64_t>(v.size());
  if (!budget_->TakeBytes(bytes)) return Bad("strings exceed what the file can justify");
  size_t j = 0;
  auto add_item = [&](uint8_t d) -> Status {
    // A null item has no cinelake form; reading it as "" would change the data.
    if (d != max_def) return NullListItem();
    if (item_count_ == items_.size()) items_.emplace_back();
    items_[item_count_].assign(values_.bin[j].data(), values_.bin[j].size());
    ++j;
    ++item_count_;
    return Status::OK();
  };
  for (size_t i = 0; i < n; ++i) {
    uint8_t d = def ? def[i] : max_def;
    if (rep[i] == 0) {
      FinishListRow(out);
      ++rows_;
      if (d < list_def) {
        row_state_ = RowState::kNull;
      } else {
        row_state_ = RowState::kList;
        if (d >= item_def) RETURN_IF_ERROR(add_item(d));
      }
    } else {
      if (row_state_ != RowState::kList || d < item_def) {
        return Bad("repetition level continues a list that is null, empty or absent");
      }
      RETURN_IF_ERROR(add_item(d));
    }
  }
  return Status::OK();
}

}  // namespace cinelake::parquet
