#include "jobs/table_ops.h"

#include <gtest/gtest.h>

#include "lake/schemas.h"

namespace cinelake {
namespace {

TEST(TableOpsTest, AReservedTableIsAnEmptyTableOfTheLakeSchema) {
  Table t = ReservedTable(tables::kTmdbExport, 1000);
  EXPECT_EQ(t.num_rows(), 0u);
  EXPECT_EQ(t.schema().size(), TableByName(tables::kTmdbExport).schema.size());
  EXPECT_NE(t.FindColumn("popularity"), nullptr);
}

TEST(TableOpsTest, ColumnsNamedBindsEachNameInOrder) {
  Table t = ReservedTable(tables::kTmdbExport, 2);
  auto [id, title] = ColumnsNamed(t, {"id", "title"});
  EXPECT_EQ(id, &t.column("id"));
  EXPECT_EQ(title, &t.column("title"));
}

}  // namespace
}  // namespace cinelake
