// Column chunk statistics: min/max choice per type, and the rule that a
// double chunk holding NaN gets no bounds (both in ComputeMinMaxDouble and in
// the footer the writer produces, dictionary or PLAIN).
#include "lake/parquet/statistics.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

#include "lake/parquet/metadata.h"
#include "lake/parquet/parquet.h"
#include "lake/parquet/testing/test_util.h"

namespace cinelake::parquet {
namespace {

const double kNaN = std::numeric_limits<double>::quiet_NaN();
const double kInf = std::numeric_limits<double>::infinity();

TEST(ParquetStatistics, DoubleBoundsAndSignedZero) {
  std::vector<double> v = {0.0, 2.5, -kInf, 1.0};
  auto m = ComputeMinMaxDouble(v.data(), nullptr, 0, v.size());
  ASSERT_TRUE(m.has_value);
  EXPECT_EQ(m.min, -kInf);
  EXPECT_EQ(m.max, 2.5);

  std::vector<double> zeros = {0.0, 0.0};
  auto z = ComputeMinMaxDouble(zeros.data(), nullptr, 0, zeros.size());
  ASSERT_TRUE(z.has_value);
  EXPECT_TRUE(std::signbit(z.min));   // -0.0: includes both zeros
  EXPECT_FALSE(std::signbit(z.max));  // +0.0
}

TEST(ParquetStatistics, DoubleWithNaNHasNoBounds) {
  // NaN anywhere (first, middle, last, alone, negative NaN) drops the bounds.
  const std::vector<std::vector<double>> cases = {
      {kNaN, 1.0, 2.0}, {1.0, kNaN, 2.0}, {1.0, 2.0, kNaN}, {kNaN}, {-kNaN, kInf}};
  for (const auto& v : cases) {
    auto m = ComputeMinMaxDouble(v.data(), nullptr, 0, v.size());
    EXPECT_FALSE(m.has_value) << "case of size " << v.size();
  }
}

TEST(ParquetStatistics, NullNaNIsIgnoredAndRangeIsRespected) {
  // A NaN behind a null slot, or outside [begin, end), is not a value of the chunk.
  std::vector<double> v = {kNaN, 3.0, kNaN, -1.0, kNaN};
  std::vector<uint8_t> valid = {1, 1, 0, 1, 1};
  auto m = ComputeMinMaxDouble(v.data(), valid.data(), 1, 4);
  ASSERT_TRUE(m.has_value);
  EXPECT_EQ(m.min, -1.0);
  EXPECT_EQ(m.max, 3.0);
  EXPECT_FALSE(ComputeMinMaxDouble(v.data(), valid.data(), 0, 4).has_value);
  EXPECT_FALSE(ComputeMinMaxDouble(v.data(), valid.data(), 3, 5).has_value);
  // All null: no bounds either.
  std::vector<uint8_t> none = {0, 0, 0, 0, 0};
  EXPECT_FALSE(ComputeMinMaxDouble(v.data(), none.data(), 0, 5).has_value);
}

TEST(ParquetStatistics, WriterOmitsDoubleBoundsOnlyForChunksWithNaN) {
  // Row group 0 holds a NaN, row group 1 does not; both hold a null.
  Table t(Schema({{"d", DataType::kDouble}}));
  Column& c = t.column(0);
  c.AppendDouble(1.5);
  c.AppendDouble(kNaN);
  c.AppendNull();
  c.AppendDouble(-4.0);
  c.AppendNull();
  c.AppendDouble(8.0);
  for (bool dict : {true, false}) {
    WriteOptions wo;
    wo.dictionary = dict;
    wo.row_group_rows = 3;
    std::string bytes;
    Status st = WriteParquet(t, wo, &bytes);
    ASSERT_TRUE(st.ok()) << st.ToString();
    FileMetaData md = testing::ReadFooter(bytes);
    ASSERT_EQ(md.row_groups.size(), 2u);
    const Statistics& s0 = *md.row_groups[0].columns[0].meta->statistics;
    EXPECT_FALSE(s0.min_value.has_value()) << "dict=" << dict;
    EXPECT_FALSE(s0.max_value.has_value()) << "dict=" << dict;
    EXPECT_EQ(s0.null_count.value_or(-1), 1);
    const Statistics& s1 = *md.row_groups[1].columns[0].meta->statistics;
    ASSERT_TRUE(s1.min_value.has_value() && s1.max_value.has_value()) << "dict=" << dict;
    double lo, hi;
    std::memcpy(&lo, s1.min_value->data(), 8);
    std::memcpy(&hi, s1.max_value->data(), 8);
    EXPECT_EQ(lo, -4.0);
    EXPECT_EQ(hi, 8.0);
    EXPECT_EQ(s1.null_count.value_or(-1), 1);
  }
}

}  // namespace
}  // namespace cinelake::parquet
