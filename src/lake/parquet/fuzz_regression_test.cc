// Inputs the fuzzer once found a fault with (testdata/fuzz-regressions/): the
// reader must return a Status for each. Meaningful mostly under the
// sanitizer build (make test SANITIZE=1), where the original faults showed.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "lake/parquet/parquet.h"

namespace cinelake::parquet {
namespace {

TEST(ParquetFuzzRegression, EveryFormerCrashIsAnOrdinaryResult) {
  std::filesystem::path dir =
      std::filesystem::path(CINELAKE_SOURCE_DIR) / "src/lake/parquet/testdata/fuzz-regressions";
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    std::string data = bytes.str();
    FileInfo info;
    (void)ReadParquetInfo(data, entry.path().string(), &info);
    Table table;
    Status st = ReadParquet(data, entry.path().string(), ReadOptions{}, &table);
    if (!st.ok()) {
      EXPECT_NE(st.message().find(entry.path().filename().string()), std::string::npos) << st.ToString();
    }
    ++files;
  }
  EXPECT_GE(files, 1);
}

}  // namespace
}  // namespace cinelake::parquet
