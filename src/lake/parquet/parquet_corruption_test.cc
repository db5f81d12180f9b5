// Damaged files: every truncation and many byte flips of valid files must
// give a non-OK status or a valid table, never a crash (run under ASan too).
#include <gtest/gtest.h>

#include <cstring>
#include <random>

#include "lake/parquet/parquet.h"
#include "lake/parquet/testing/test_util.h"

namespace cinelake::parquet {
namespace {

std::string SampleFile(Codec codec, bool dictionary) {
  std::mt19937_64 rng(42);
  const Schema schema = testing::AllTypesSchema(true);
  return testing::PagedFile(testing::RandomTable(schema, 120, rng), codec, dictionary, 50, 200);
}

// Reading may fail, but a success must yield a self-consistent table.
void ExpectSafe(const std::string& bytes, const char* what, size_t at) {
  Table t;
  Status st = ReadParquet(bytes, "bad.parquet", {}, &t);
  if (st.ok()) {
    EXPECT_TRUE(t.Validate().ok()) << what << " at " << at;
  } else {
    // A flipped codec or encoding id can look like a feature cinelake lacks.
    EXPECT_TRUE(st.code() == Status::Code::kCorruption || st.code() == Status::Code::kInvalidArgument ||
                st.code() == Status::Code::kNotSupported)
        << what << " at " << at << ": " << st.ToString();
    EXPECT_NE(st.message().find("bad.parquet"), std::string::npos) << st.message();
  }
  FileInfo info;
  (void)ReadParquetInfo(bytes, "bad.parquet", &info);
}

TEST(ParquetCorruption, EveryTruncation) {
  for (Codec codec : {Codec::kUncompressed, Codec::kSnappy}) {
    std::string good = SampleFile(codec, true);
    for (size_t n = 0; n < good.size(); n += (n < 64 || good.size() - n < 2048) ? 1 : 7) {
      std::string cut = good.substr(0, n);
      Table t;
      Status st = ReadParquet(cut, "bad.parquet", {}, &t);
      EXPECT_FALSE(st.ok()) << "truncated to " << n;
      EXPECT_EQ(st.code(), Status::Code::kCorruption) << st.ToString();
    }
  }
}

TEST(ParquetCorruption, ByteFlips) {
  for (Codec codec :
       {Codec::kUncompressed, Codec::kSnappy, Codec::kZstd, Codec::kGzip, Codec::kLz4Raw, Codec::kBrotli}) {
    for (bool dict : {true, false}) {
      std::string good = SampleFile(codec, dict);
      std::mt19937_64 rng(static_cast<uint64_t>(codec) * 2 + dict);
      for (int k = 0; k < 600; ++k) {
        std::string bad = good;
        size_t at = rng() % bad.size();
        // Footer bytes matter most: bias a third of the flips towards the end.
        if (k % 3 == 0) at = bad.size() - 1 - rng() % std::min<size_t>(bad.size(), 400);
        int flips = 1 + static_cast<int>(rng() % 3);
        for (int f = 0; f < flips; ++f) {
          size_t p = (at + f) % bad.size();
          bad[p] = static_cast<char>(rng() % 4 == 0 ? 0xFF : bad[p] ^ (1 << (rng() % 8)));
        }
        ExpectSafe(bad, "flip", at);
      }
    }
  }
}

TEST(ParquetCorruption, FrameErrorsNameTheFile) {
  std::string good = SampleFile(Codec::kSnappy, true);
  Table t;
  Status st = ReadParquet("PAR1", "tiny.parquet", {}, &t);
  EXPECT_EQ(st.code(), Status::Code::kCorruption);
  EXPECT_NE(st.message().find("tiny.parquet"), std::string::npos);

  std::string bad = good;
  bad[0] = 'X';
  st = ReadParquet(bad, "m.parquet", {}, &t);
  EXPECT_NE(st.message().find("magic"), std::string::npos) << st.message();

  bad = good;
  bad[bad.size() - 5] = '\x7F';  // footer length far beyond the file
  st = ReadParquet(bad, "f.parquet", {}, &t);
  EXPECT_EQ(st.code(), Status::Code::kCorruption);
  EXPECT_NE(st.message().find("footer length"), std::string::npos) << st.message();

  std::string garbage(5000, '\xFF');
  std::memcpy(garbage.data(), "PAR1", 4);
  std::memcpy(garbage.data() + garbage.size() - 4, "PAR1", 4);
  garbage[garbage.size() - 8] = 100;
  garbage[garbage.size() - 7] = 0;
  garbage[garbage.size() - 6] = 0;
  garbage[garbage.size() - 5] = 0;
  st = ReadParquet(garbage, "g.parquet", {}, &t);
  EXPECT_EQ(st.code(), Status::Code::kCorruption);
}

}  // namespace
}  // namespace cinelake::parquet
