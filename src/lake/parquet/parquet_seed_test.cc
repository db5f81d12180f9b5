// Writes a few valid Parquet files into $CINELAKE_PARQUET_SEED_DIR (when
// set) for scripts/fuzz.sh to seed the fuzzer's corpus; checks they read back.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <random>

#include "lake/parquet/parquet.h"
#include "lake/parquet/testing/test_util.h"

namespace cinelake::parquet {
namespace {

TEST(ParquetSeed, WriteSeedFiles) {
  const char* dir = std::getenv("CINELAKE_PARQUET_SEED_DIR");
  std::mt19937_64 rng(99);
  const Schema schema = testing::AllTypesSchema(true);
  int k = 0;
  for (Codec codec :
       {Codec::kUncompressed, Codec::kSnappy, Codec::kZstd, Codec::kGzip, Codec::kLz4Raw, Codec::kBrotli}) {
    for (bool dict : {true, false}) {
      Table t = testing::RandomTable(schema, 20 + k * 3, rng);
      const std::string bytes = testing::PagedFile(t, codec, dict, 15, 64);
      EXPECT_TRUE(testing::ReadBack(bytes).Equals(t));
      if (dir) {
        std::ofstream(std::string(dir) + "/seed" + std::to_string(k) + ".parquet", std::ios::binary) << bytes;
      }
      ++k;
    }
  }
}

}  // namespace
}  // namespace cinelake::parquet
