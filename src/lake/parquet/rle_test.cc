#include "lake/parquet/rle.h"

#include <gtest/gtest.h>

#include <random>

namespace cinelake::parquet {
namespace {

TEST(ParquetRle, BitPackMatchesSpecExample) {
  // parquet-format Encodings.md: 0..7 with bit width 3.
  std::vector<uint32_t> v = {0, 1, 2, 3, 4, 5, 6, 7};
  std::string out;
  BitPack(v.data(), v.size(), 3, &out);
  EXPECT_EQ(out, std::string("\x88\xC6\xFA", 3));
  std::vector<uint64_t> back(8);
  BitUnpack64(reinterpret_cast<const uint8_t*>(out.data()), 8, 3, back.data());
  for (int i = 0; i < 8; ++i) EXPECT_EQ(back[i], static_cast<uint64_t>(i));
}

TEST(ParquetRle, BitPackWideRoundTrip) {
  std::mt19937_64 rng(1);
  for (int bw = 0; bw <= 64; ++bw) {
    std::vector<uint64_t> v(77);
    for (auto& x : v) x = bw == 64 ? rng() : (bw == 0 ? 0 : rng() & ((1ULL << bw) - 1));
    std::string out;
    BitPack(v.data(), v.size(), bw, &out);
    EXPECT_EQ(out.size(), (77 * bw + 7) / 8u);
    std::vector<uint64_t> back(v.size());
    BitUnpack64(reinterpret_cast<const uint8_t*>(out.data()), v.size(), bw, back.data());
    EXPECT_EQ(back, v) << "bit width " << bw;
  }
}

TEST(ParquetRle, HybridRoundTripRunsAndLiterals) {
  std::mt19937_64 rng(2);
  for (int bw = 0; bw <= 32; ++bw) {
    for (int trial = 0; trial < 20; ++trial) {
      std::vector<uint32_t> v;
      size_t n = rng() % 2000;
      uint64_t mask = bw == 32 ? 0xFFFFFFFFull : ((1ull << bw) - 1);
      while (v.size() < n) {
        uint32_t x = static_cast<uint32_t>(rng() & mask);
        size_t run = rng() % 3 == 0 ? rng() % 50 : 1;
        for (size_t k = 0; k < run && v.size() < n; ++k) v.push_back(x);
      }
      std::string enc;
      EncodeRleHybrid(v.data(), v.size(), bw, &enc);
      RleDecoder d;
      ASSERT_TRUE(RleDecoder::Create(reinterpret_cast<const uint8_t*>(enc.data()), enc.size(), bw, &d).ok());
      std::vector<uint32_t> back(v.size());
      // Decode in uneven batches to cross run boundaries.
      size_t pos = 0;
      while (pos < v.size()) {
        size_t k = std::min<size_t>(v.size() - pos, 1 + rng() % 37);
        ASSERT_TRUE(d.Get(back.data() + pos, k)) << d.error();
        pos += k;
      }
      EXPECT_EQ(back, v) << "bw " << bw;
    }
  }
}

TEST(ParquetRle, WholeBatchesOfLiteralsDecodeExactly) {
  // Long bit-packed runs read in one call (the grouped fast path), and near
  // the end of the buffer (the per-value tail), for every width and both
  // output widths the reader uses.
  std::mt19937_64 rng(3);
  for (int bw = 0; bw <= 32; ++bw) {
    for (size_t n : {size_t{1}, size_t{7}, size_t{8}, size_t{9}, size_t{64}, size_t{1001}}) {
      const uint64_t mask = bw == 32 ? 0xFFFFFFFFull : ((1ull << bw) - 1);
      std::vector<uint32_t> v(n);
      for (size_t i = 0; i < n; ++i) v[i] = static_cast<uint32_t>((rng() ^ i) & mask);
      std::string enc;
      EncodeRleHybrid(v.data(), v.size(), bw, &enc);
      RleDecoder d;
      ASSERT_TRUE(RleDecoder::Create(reinterpret_cast<const uint8_t*>(enc.data()), enc.size(), bw, &d).ok());
      std::vector<uint32_t> back(n);
      ASSERT_TRUE(d.Get(back.data(), n)) << d.error();
      EXPECT_EQ(back, v) << "bw " << bw << " n " << n;
      if (bw <= 8) {
        ASSERT_TRUE(
            RleDecoder::Create(reinterpret_cast<const uint8_t*>(enc.data()), enc.size(), bw, &d).ok());
        std::vector<uint8_t> narrow(n);
        ASSERT_TRUE(d.Get(narrow.data(), n)) << d.error();
        for (size_t i = 0; i < n; ++i) ASSERT_EQ(narrow[i], v[i]) << "bw " << bw << " n " << n << " i " << i;
      }
    }
  }
}

TEST(ParquetRle, LongRunIsCompact) {
  std::vector<uint8_t> v(100000, 1);
  std::string enc;
  EncodeRleHybrid(v.data(), v.size(), 1, &enc);
  EXPECT_LT(enc.size(), 8u);
}

TEST(ParquetRle, MalformedInput) {
  RleDecoder d;
  EXPECT_FALSE(RleDecoder::Create(nullptr, 0, 33, &d).ok());
  std::vector<uint32_t> out(100);
  // Empty input.
  ASSERT_TRUE(RleDecoder::Create(nullptr, 0, 3, &d).ok());
  EXPECT_FALSE(d.Get(out.data(), 1));
  // An RLE run of 4 followed by nothing: asking for 5 fails.
  const uint8_t run[] = {0x08, 0x05};
  ASSERT_TRUE(RleDecoder::Create(run, sizeof run, 3, &d).ok());
  EXPECT_TRUE(d.Get(out.data(), 4));
  EXPECT_FALSE(d.Get(out.data(), 1));
  // A bit-packed run claiming 1000 groups with 2 bytes of data.
  const uint8_t packed[] = {0xD1, 0x0F, 0xFF, 0xFF};
  ASSERT_TRUE(RleDecoder::Create(packed, sizeof packed, 8, &d).ok());
  EXPECT_TRUE(d.Get(out.data(), 2));
  EXPECT_FALSE(d.Get(out.data(), 1));
  // Zero-length runs are malformed.
  const uint8_t zero[] = {0x00, 0x01};
  ASSERT_TRUE(RleDecoder::Create(zero, sizeof zero, 1, &d).ok());
  EXPECT_FALSE(d.Get(out.data(), 1));
}

}  // namespace
}  // namespace cinelake::parquet
