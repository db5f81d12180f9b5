#include "lake/parquet/compression.h"

#include <gtest/gtest.h>

#include "lake/parquet/format.h"

namespace cinelake::parquet {
namespace {

TEST(ParquetCompression, RoundTripEveryCodec) {
  std::string data;
  for (int i = 0; i < 20000; ++i) data += "row " + std::to_string(i % 97) + ";";
  for (Codec c : {Codec::kUncompressed, Codec::kSnappy, Codec::kZstd, Codec::kGzip}) {
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
  for (Codec c : {Codec::kUncompressed, Codec::kSnappy, Codec::kZstd, Codec::kGzip}) {
    std::string comp;
    ASSERT_TRUE(Compress(c, 3, "", 0, &comp).ok());
    uint8_t dummy = 0;
    EXPECT_TRUE(
        Decompress(CodecId(c), reinterpret_cast<const uint8_t*>(comp.data()), comp.size(), &dummy, 0).ok());
  }
}

TEST(ParquetCompression, GarbageAndUnsupported) {
  std::string garbage = "\xFF\xFE\xFD this is not compressed data at all";
  std::string out(1000, '\0');
  for (int32_t id : {codec::kSnappy, codec::kZstd, codec::kGzip}) {
    Status st = Decompress(id, reinterpret_cast<const uint8_t*>(garbage.data()), garbage.size(),
                           reinterpret_cast<uint8_t*>(out.data()), out.size());
    EXPECT_EQ(st.code(), Status::Code::kCorruption) << id;
  }
  for (int32_t id : {codec::kLzo, codec::kBrotli, codec::kLz4, codec::kLz4Raw, 99}) {
    Status st = Decompress(id, reinterpret_cast<const uint8_t*>(garbage.data()), garbage.size(),
                           reinterpret_cast<uint8_t*>(out.data()), out.size());
    EXPECT_EQ(st.code(), Status::Code::kCorruption);
    EXPECT_NE(st.message().find("codec"), std::string::npos);
  }
}

}  // namespace
}  // namespace cinelake::parquet
