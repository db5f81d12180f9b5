#include "lake/parquet/compression.h"

#include <gtest/gtest.h>

#include "lake/parquet/format.h"

namespace cinelake::parquet {
namespace {

constexpr Codec kEveryCodec[] = {Codec::kUncompressed, Codec::kSnappy, Codec::kZstd,
                                 Codec::kGzip,         Codec::kLz4Raw, Codec::kBrotli};

TEST(ParquetCompression, RoundTripEveryCodec) {
  std::string data;
  for (int i = 0; i < 20000; ++i) data += "row " + std::to_string(i % 97) + ";";
  for (Codec c : kEveryCodec) {
    std::string comp;
    ASSERT_TRUE(Compress(c, 3, data.data(), data.size(), &comp).ok());
    if (c != Codec::kUncompressed) {
      EXPECT_LT(comp.size(), data.size() / 3);
    }
    const auto* in = reinterpret_cast<const uint8_t*>(comp.data());
    ASSERT_TRUE(CheckDecompressedSize(CodecId(c), in, comp.size(), data.size()).ok());
    std::string back(data.size(), '\0');
    ASSERT_TRUE(
        Decompress(CodecId(c), in, comp.size(), reinterpret_cast<uint8_t*>(back.data()), back.size()).ok());
    EXPECT_EQ(back, data);
    // A wrong expected size is Corruption, never an overflow.
    std::string small(data.size() - 1, '\0');
    Status st =
        Decompress(CodecId(c), in, comp.size(), reinterpret_cast<uint8_t*>(small.data()), small.size());
    EXPECT_EQ(st.code(), Status::Code::kCorruption) << CodecName(CodecId(c));
    std::string big(data.size() + 10, '\0');
    st = Decompress(CodecId(c), in, comp.size(), reinterpret_cast<uint8_t*>(big.data()), big.size());
    EXPECT_EQ(st.code(), Status::Code::kCorruption) << CodecName(CodecId(c));
  }
}

TEST(ParquetCompression, EmptyInput) {
  for (Codec c : kEveryCodec) {
    std::string comp;
    ASSERT_TRUE(Compress(c, 3, "", 0, &comp).ok());
    uint8_t dummy = 0;
    EXPECT_TRUE(
        Decompress(CodecId(c), reinterpret_cast<const uint8_t*>(comp.data()), comp.size(), &dummy, 0).ok());
  }
}

TEST(ParquetCompression, Lz4RawClaimBeyondItsRatioIsRefusedBeforeAllocating) {
  std::string comp;
  ASSERT_TRUE(Compress(Codec::kLz4Raw, 3, "abc", 3, &comp).ok());
  const auto* in = reinterpret_cast<const uint8_t*>(comp.data());
  EXPECT_TRUE(CheckDecompressedSize(codec::kLz4Raw, in, comp.size(), 3).ok());
  EXPECT_EQ(CheckDecompressedSize(codec::kLz4Raw, in, comp.size(), 100000).code(), Status::Code::kCorruption);
}

TEST(ParquetCompression, GarbageAndUnsupported) {
  std::string garbage = "\xFF\xFE\xFD this is not compressed data at all";
  std::string out(1000, '\0');
  for (int32_t id : {codec::kSnappy, codec::kZstd, codec::kGzip, codec::kLz4Raw, codec::kBrotli}) {
    Status st = Decompress(id, reinterpret_cast<const uint8_t*>(garbage.data()), garbage.size(),
                           reinterpret_cast<uint8_t*>(out.data()), out.size());
    EXPECT_EQ(st.code(), Status::Code::kCorruption) << id;
  }
  // Codecs the reader lacks are no sign of damage: NotSupported, named.
  for (int32_t id : {codec::kLzo, codec::kLz4, 99}) {
    for (Status st : {Decompress(id, reinterpret_cast<const uint8_t*>(garbage.data()), garbage.size(),
                                 reinterpret_cast<uint8_t*>(out.data()), out.size()),
                      CheckDecompressedSize(id, reinterpret_cast<const uint8_t*>(garbage.data()),
                                            garbage.size(), out.size())}) {
      EXPECT_EQ(st.code(), Status::Code::kNotSupported) << st.ToString();
      EXPECT_NE(st.message().find("compression codec"), std::string::npos) << st.ToString();
      EXPECT_NE(st.message().find(id == 99 ? "99 (unknown)" : CodecName(id)), std::string::npos)
          << st.ToString();
    }
  }
}

}  // namespace
}  // namespace cinelake::parquet
