// Parquet format constants (parquet.thrift enums) used by writer and reader.
//
// Constants only; no state.
//
// Thread-safety: constants only.
#pragma once

#include <cstdint>

namespace cinelake::parquet {

namespace ptype {  // Type
inline constexpr int32_t kBoolean = 0, kInt32 = 1, kInt64 = 2, kInt96 = 3, kFloat = 4, kDouble = 5,
                         kByteArray = 6, kFixedLenByteArray = 7;
}
namespace conv {  // ConvertedType
inline constexpr int32_t kUtf8 = 0, kMap = 1, kMapKeyValue = 2, kList = 3, kEnum = 4, kDecimal = 5, kDate = 6,
                         kTimeMillis = 7, kTimeMicros = 8, kTimestampMillis = 9, kTimestampMicros = 10,
                         kUint8 = 11, kUint16 = 12, kUint32 = 13, kUint64 = 14, kInt8 = 15, kInt16 = 16,
                         kInt32 = 17, kInt64 = 18, kJson = 19, kBson = 20, kInterval = 21;
}
namespace rep {  // FieldRepetitionType
inline constexpr int32_t kRequired = 0, kOptional = 1, kRepeated = 2;
}
namespace enc {  // Encoding
inline constexpr int32_t kPlain = 0, kPlainDictionary = 2, kRle = 3, kBitPacked = 4, kDeltaBinaryPacked = 5,
                         kDeltaLengthByteArray = 6, kDeltaByteArray = 7, kRleDictionary = 8,
                         kByteStreamSplit = 9;
}
namespace codec {  // CompressionCodec
inline constexpr int32_t kUncompressed = 0, kSnappy = 1, kGzip = 2, kLzo = 3, kBrotli = 4, kLz4 = 5,
                         kZstd = 6, kLz4Raw = 7;
}
namespace page {  // PageType
inline constexpr int32_t kData = 0, kIndex = 1, kDictionary = 2, kDataV2 = 3;
}

}  // namespace cinelake::parquet
