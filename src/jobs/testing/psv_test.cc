#include "jobs/testing/psv.h"

#include <gtest/gtest.h>

namespace cinelake::testing {
namespace {

const Schema kSchema{
    {"id", DataType::kString, false}, {"b", DataType::kBool},      {"i", DataType::kInt32},
    {"l", DataType::kInt64},          {"d", DataType::kDouble},    {"dt", DataType::kDate},
    {"ts", DataType::kTimestamp},     {"dec", DataType::kDecimal}, {"list", DataType::kStringList}};

TEST(PsvTest, RoundTripsEveryTypeThroughFormatCell) {
  const std::string text =
      "id|b|i|l|d|dt|ts|dec|list\n"
      "a|true|-7|1099511627776|2.5|2026-11-23|2026-11-23T10:00:05Z|12.50|[x, y z]\n"
      "b|false|0|0|0.10000000000000001|1970-01-01|1969-12-31T23:59:59Z|-0.05|[]\n"
      "c|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL\n";
  auto t = ParsePsv(text, kSchema, "t.psv");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->num_rows(), 3u);
  EXPECT_EQ(t->column("dec").Int64(0), 1250);
  EXPECT_EQ(t->column("dec").Int64(1), -5);
  EXPECT_EQ(t->column("list").ListSize(0), 2u);
  EXPECT_EQ(t->column("list").ListItem(0, 1), "y z");
  EXPECT_EQ(t->column("list").ListSize(1), 0u);
  EXPECT_TRUE(t->column("list").IsValid(1));
  EXPECT_EQ(FormatPsv(*t), text);
}

TEST(PsvTest, HeaderMayReorderAndOmitNullableColumns) {
  auto t = ParsePsv("dec|id\n1.5|k\n\n", kSchema, "t.psv");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->column("id").String(0), "k");
  EXPECT_EQ(t->column("dec").Int64(0), 150);
  EXPECT_TRUE(t->column("b").IsNull(0));
}

TEST(PsvTest, ErrorsNameFileLineAndColumn) {
  auto missing_key = ParsePsv("b\ntrue\n", kSchema, "t.psv");
  ASSERT_FALSE(missing_key.ok());
  EXPECT_NE(missing_key.status().message().find("key column 'id'"), std::string::npos);
  auto bad_int = ParsePsv("id|i\nx|1\ny|1.5\n", kSchema, "t.psv");
  ASSERT_FALSE(bad_int.ok());
  EXPECT_NE(bad_int.status().message().find("t.psv:3"), std::string::npos) << bad_int.status().ToString();
  EXPECT_NE(bad_int.status().message().find("'i'"), std::string::npos);
  EXPECT_FALSE(ParsePsv("id|nope\nx|1\n", kSchema, "t.psv").ok());
  EXPECT_FALSE(ParsePsv("id|i\nx\n", kSchema, "t.psv").ok());
  EXPECT_FALSE(ParsePsv("id|dec\nx|1.234\n", kSchema, "t.psv").ok());
  EXPECT_FALSE(ParsePsv("id\nNULL\n", kSchema, "t.psv").ok());
  EXPECT_FALSE(ParseTimestampMicros("2026-11-23 10:00:00Z").ok());
  EXPECT_EQ(*ParseTimestampMicros("1970-01-01T00:00:01.5Z"), 1'500'000);
}

}  // namespace
}  // namespace cinelake::testing
