#include "table/table.h"

#include <gtest/gtest.h>

namespace cinelake {

TEST(TableTest, AppendsAndReadsEveryType) {
  Schema schema{{"b", DataType::kBool},     {"i", DataType::kInt32},  {"l", DataType::kInt64},
                {"d", DataType::kDouble},   {"s", DataType::kString}, {"list", DataType::kStringList},
                {"dec", DataType::kDecimal}};
  Table t(schema);
  t.column("b").AppendBool(true);
  t.column("i").AppendInt32(-7);
  t.column("l").AppendInt64(1LL << 40);
  t.column("d").AppendDouble(2.5);
  t.column("s").AppendString("héllo");
  t.column("list").AppendList({"a", "", "c"});
  t.column("dec").AppendInt64(-1234);
  for (auto& c : t.columns()) c.AppendNull();
  ASSERT_TRUE(t.Validate().ok());
  EXPECT_EQ(t.num_rows(), 2u);
  EXPECT_EQ(t.column("s").String(0), "héllo");
  EXPECT_TRUE(t.column("s").IsNull(1));
  EXPECT_EQ(t.column("list").ListSize(0), 3u);
  EXPECT_EQ(t.column("list").ListItem(0, 2), "c");
  EXPECT_EQ(t.column("list").ListSize(1), 0u);
  EXPECT_EQ(FormatCell(t.column("dec"), schema.field(6), 0), "-12.34");
  EXPECT_EQ(FormatCell(t.column("list"), schema.field(5), 0), "[a, , c]");
  EXPECT_EQ(t.column("i").null_count(), 1u);

  uint32_t order[] = {1, 0};
  Table r = t.Take(order);
  EXPECT_EQ(r.column("s").String(1), "héllo");
  EXPECT_FALSE(r.Equals(t));
  EXPECT_TRUE(r.Take(order).Equals(t));
}

TEST(TableTest, ValidateNamesTheOffendingColumn) {
  Schema schema{{"id", DataType::kString, false}, {"n", DataType::kInt32}};
  Table t(schema);
  t.column("id").AppendNull();
  t.column("n").AppendInt32(1);
  Status st = t.Validate();
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("'id'"), std::string::npos);
  t.column("n").AppendInt32(2);
  EXPECT_NE(t.Validate().message().find("'n'"), std::string::npos);
}

}  // namespace cinelake
