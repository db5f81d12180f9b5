// PLAIN, BYTE_STREAM_SPLIT and DELTA_* encodings.
#include <gtest/gtest.h>

#include <cstring>
#include <random>

#include "lake/parquet/delta_encoding.h"
#include "lake/parquet/format.h"
#include "lake/parquet/plain_encoding.h"

namespace cinelake::parquet {
namespace {

const uint8_t* U(const std::string& s) {
  return reinterpret_cast<const uint8_t*>(s.data());
}

TEST(ParquetEncoding, PlainAllTypes) {
  PhysicalValues v;
  size_t used;
  std::string bools;
  const uint8_t b[] = {1, 0, 1, 1, 0, 0, 0, 0, 1};
  EncodePlainBools(b, 9, &bools);
  ASSERT_EQ(bools.size(), 2u);
  ASSERT_TRUE(DecodePlain(ptype::kBoolean, 0, U(bools), bools.size(), 9, &v, &used).ok());
  EXPECT_EQ(v.bools, std::vector<uint8_t>(b, b + 9));

  int64_t ints[] = {INT64_MIN, -1, 0, INT64_MAX};
  std::string raw(reinterpret_cast<const char*>(ints), sizeof ints);
  ASSERT_TRUE(DecodePlain(ptype::kInt64, 0, U(raw), raw.size(), 4, &v, &used).ok());
  EXPECT_EQ(v.i64, std::vector<int64_t>(ints, ints + 4));
  EXPECT_FALSE(DecodePlain(ptype::kInt64, 0, U(raw), raw.size(), 5, &v, &used).ok());

  std::string bin;
  EncodePlainBinary("", &bin);
  EncodePlainBinary("héllo", &bin);
  ASSERT_TRUE(DecodePlain(ptype::kByteArray, 0, U(bin), bin.size(), 2, &v, &used).ok());
  EXPECT_EQ(v.bin[0], "");
  EXPECT_EQ(v.bin[1], "héllo");
  EXPECT_EQ(used, bin.size());
  EXPECT_FALSE(DecodePlain(ptype::kByteArray, 0, U(bin), bin.size() - 1, 2, &v, &used).ok());
  std::string lie =
      "\xFF\xFF\xFF\x7F"
      "abc";
  EXPECT_FALSE(DecodePlain(ptype::kByteArray, 0, U(lie), lie.size(), 1, &v, &used).ok());

  v.Clear();
  std::string fixed = "abcdef";
  ASSERT_TRUE(DecodePlain(ptype::kFixedLenByteArray, 3, U(fixed), fixed.size(), 2, &v, &used).ok());
  EXPECT_EQ(v.bin[1], "def");
}

TEST(ParquetEncoding, ByteStreamSplit) {
  double d[] = {1.5, -0.0, 1e300};
  std::string split(24, '\0');
  for (int k = 0; k < 8; ++k) {
    for (int i = 0; i < 3; ++i) split[k * 3 + i] = reinterpret_cast<const char*>(d)[i * 8 + k];
  }
  PhysicalValues v;
  ASSERT_TRUE(DecodeByteStreamSplit(ptype::kDouble, 0, U(split), split.size(), 3, &v).ok());
  ASSERT_EQ(v.f64.size(), 3u);
  EXPECT_EQ(std::memcmp(v.f64.data(), d, 24), 0);
  EXPECT_FALSE(DecodeByteStreamSplit(ptype::kDouble, 0, U(split), split.size() - 1, 3, &v).ok());
  EXPECT_FALSE(DecodeByteStreamSplit(ptype::kByteArray, 0, U(split), split.size(), 3, &v).ok());
}

TEST(ParquetEncoding, DeltaBinaryPackedRoundTrip) {
  std::mt19937_64 rng(4);
  for (int trial = 0; trial < 200; ++trial) {
    size_t n = rng() % 1000;
    std::vector<int64_t> v(n);
    for (auto& x : v) {
      switch (rng() % 4) {
        case 0: x = INT64_MIN; break;
        case 1: x = INT64_MAX; break;
        case 2: x = static_cast<int64_t>(rng() % 100); break;
        default: x = static_cast<int64_t>(rng()); break;
      }
    }
    std::string enc;
    EncodeDeltaBinaryPacked(v.data(), n, &enc);
    enc += "tail";
    std::vector<int64_t> back(n);
    size_t used;
    ASSERT_TRUE(DecodeDeltaBinaryPacked(U(enc), enc.size(), n, back.data(), &used).ok());
    EXPECT_EQ(back, v);
    EXPECT_EQ(used, enc.size() - 4);
    // Truncations fail cleanly (trailing padding the page does not need may be absent).
    EXPECT_FALSE(DecodeDeltaBinaryPacked(U(enc), 4, n, back.data(), &used).ok());
    if (n > 200) {
      EXPECT_FALSE(DecodeDeltaBinaryPacked(U(enc), enc.size() / 3, n, back.data(), &used).ok());
    }
  }
}

TEST(ParquetEncoding, DeltaBinaryPackedRejectsBadHeaders) {
  std::vector<int64_t> out(10);
  size_t used;
  // block size 100 (not a multiple of 128)
  std::string bad = {100, 4, 10, 0};
  EXPECT_FALSE(DecodeDeltaBinaryPacked(U(bad), bad.size(), 10, out.data(), &used).ok());
  // fewer values than needed
  std::string few = {(char)0x80, 0x01, 4, 2, 0};
  EXPECT_FALSE(DecodeDeltaBinaryPacked(U(few), few.size(), 10, out.data(), &used).ok());
  // bit width 65
  std::string wide = {(char)0x80, 0x01, 4, 10, 0, 0, 65, 0, 0, 0};
  EXPECT_FALSE(DecodeDeltaBinaryPacked(U(wide), wide.size(), 10, out.data(), &used).ok());
}

TEST(ParquetEncoding, DeltaByteArrays) {
  std::vector<std::string_view> v = {"apple", "applesauce", "apply", "", "banana", "band", "band", "日本"};
  std::string enc;
  EncodeDeltaLengthByteArray(v, &enc);
  PhysicalValues out;
  size_t used;
  ASSERT_TRUE(DecodeDeltaLengthByteArray(U(enc), enc.size(), v.size(), &out, &used).ok());
  EXPECT_EQ(out.bin, v);
  EXPECT_FALSE(DecodeDeltaLengthByteArray(U(enc), enc.size() - 1, v.size(), &out, &used).ok());

  enc.clear();
  EncodeDeltaByteArray(v, &enc);
  PhysicalValues out2;
  ASSERT_TRUE(DecodeDeltaByteArray(U(enc), enc.size(), v.size(), 1 << 20, &out2, &used).ok());
  EXPECT_EQ(out2.bin, v);
  EXPECT_EQ(used, enc.size());
  PhysicalValues out3;
  EXPECT_FALSE(DecodeDeltaByteArray(U(enc), enc.size(), v.size(), 10, &out3, &used).ok());  // size cap

  // A prefix longer than the previous value is corrupt.
  std::vector<int64_t> prefixes = {0, 5};
  std::string lie;
  EncodeDeltaBinaryPacked(prefixes.data(), 2, &lie);
  EncodeDeltaLengthByteArray({"ab", "c"}, &lie);
  PhysicalValues out4;
  EXPECT_FALSE(DecodeDeltaByteArray(U(lie), lie.size(), 2, 1 << 20, &out4, &used).ok());
}

}  // namespace
}  // namespace cinelake::parquet
