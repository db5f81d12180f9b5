// The LogicalType union's member ids (metadata.h), for reader and writer.
#include "lake/parquet/metadata.h"

#include <iterator>

namespace cinelake::parquet {

namespace {

using K = LogicalType::Kind;

// Index: the member's field id in parquet.thrift's LogicalType union.
constexpr K kKindOfField[] = {
    K::kOther,     K::kString, K::kMap,     K::kList,    K::kEnum, K::kDecimal, K::kDate, K::kTime,
    K::kTimestamp, K::kOther,  K::kInteger, K::kUnknown, K::kJson, K::kBson,    K::kUuid, K::kFloat16,
};

}  // namespace

LogicalType::Kind LogicalTypeKindOfField(int16_t id) {
  if (id < 0 || id >= static_cast<int16_t>(std::size(kKindOfField))) return K::kOther;
  return kKindOfField[id];
}

int16_t LogicalTypeFieldId(LogicalType::Kind kind) {
  if (kind == K::kOther) return 0;
  for (int16_t id = 1; id < static_cast<int16_t>(std::size(kKindOfField)); ++id) {
    if (kKindOfField[id] == kind) return id;
  }
  return 0;  // kNone
}

}  // namespace cinelake::parquet
