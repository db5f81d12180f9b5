// Property test: read(write(t)) == t for random schemas, rows and options.
// Seeded per case, so a failure names the case to reproduce.
#include <gtest/gtest.h>

#include <random>

#include "lake/parquet/parquet.h"
#include "lake/parquet/testing/test_util.h"

namespace cinelake::parquet {
namespace {

constexpr DataType kTypes[] = {DataType::kBool,      DataType::kInt32,   DataType::kInt64,
                               DataType::kDouble,    DataType::kString,  DataType::kDate,
                               DataType::kTimestamp, DataType::kDecimal, DataType::kStringList};

TEST(ParquetProperty, RoundTripRandomTables) {
  constexpr int kCases = 1000;
  for (int c = 0; c < kCases; ++c) {
    std::mt19937_64 rng(0xC1E1A4E + c);
    std::vector<Field> fields;
    size_t nf = 1 + rng() % 8;
    for (size_t i = 0; i < nf; ++i) {
      Field f;
      f.name = "c" + std::to_string(i);
      f.type = kTypes[rng() % std::size(kTypes)];
      f.nullable = rng() % 3 != 0;
      if (f.type == DataType::kDecimal) {
        f.precision = 1 + static_cast<int>(rng() % 38);
        f.scale = static_cast<int>(rng() % (f.precision + 1));
      }
      fields.push_back(f);
    }
    // Mostly small tables, sometimes up to 3000 rows.
    size_t rows = rng() % 4 == 0 ? rng() % 3001 : rng() % 60;
    Table t = testing::RandomTable(Schema(fields), rows, rng, (rng() % 4) * 0.25);
    WriteOptions wo;
    wo.codec = static_cast<Codec>(rng() % 4);
    wo.row_group_rows = 1 + rng() % 1500;
    wo.page_bytes = rng() % 2 ? 1 + rng() % 2000 : 1 << 20;
    wo.dictionary = rng() % 4 != 0;
    wo.dictionary_max_bytes = rng() % 2 ? rng() % 200 : 1 << 20;
    std::string bytes;
    Status st = WriteParquet(t, wo, &bytes);
    ASSERT_TRUE(st.ok()) << "case " << c << ": " << st.ToString();
    Table back;
    st = ReadParquet(bytes, "case.parquet", {}, &back);
    ASSERT_TRUE(st.ok()) << "case " << c << ": " << st.ToString();
    ASSERT_TRUE(back.Equals(t)) << "case " << c << "\n"
                                << t.ToString(20) << "\nread back\n"
                                << back.ToString(20);
  }
}

}  // namespace
}  // namespace cinelake::parquet
