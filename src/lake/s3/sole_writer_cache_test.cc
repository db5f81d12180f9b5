#include "lake/s3/sole_writer_cache.h"

#include <gtest/gtest.h>

namespace cinelake::s3 {
namespace {

using Names = std::vector<std::string>;

TEST(SoleWriterCache, ListsLikeADelimitedListingSortedWithoutHiddenNames) {
  SoleWriterCache cache({"_lake.json", "gold/a/part-00000.parquet", "gold/a-b/x", "gold/a", "gold/.tmp",
                         "gold/b/loadDate=2026-10-01/part-00000.parquet"},
                        1 << 20);
  EXPECT_EQ(cache.List(""), (Names{"_lake.json", "gold"}));
  EXPECT_EQ(cache.List("gold"), (Names{"a", "a-b", "b"}));
  EXPECT_EQ(cache.List("gold/b"), (Names{"loadDate=2026-10-01"}));
  EXPECT_EQ(cache.List("absent"), Names{});
  EXPECT_EQ(cache.Below("gold/b"), (Names{"gold/b/loadDate=2026-10-01/part-00000.parquet"}));
  EXPECT_TRUE(cache.Exists("gold/a"));
  EXPECT_FALSE(cache.Exists("gold/b")) << "a folder is not an object";
}

TEST(SoleWriterCache, KeepsItsOwnWritesCopiesAndRemovals) {
  SoleWriterCache cache({"gold/t/part-00000.parquet"}, 1 << 20);
  EXPECT_FALSE(cache.Bytes("gold/t/part-00000.parquet")) << "listed, never seen";
  cache.Written("gold/u/part-00000.parquet", "new");
  EXPECT_EQ(cache.Bytes("gold/u/part-00000.parquet"), "new");
  cache.Written("gold/u/part-00000.parquet", "newer");
  EXPECT_EQ(cache.Bytes("gold/u/part-00000.parquet"), "newer");
  cache.Read("gold/u/part-00000.parquet", "stale");
  EXPECT_EQ(cache.Bytes("gold/u/part-00000.parquet"), "newer") << "a read never replaces a write";
  cache.Read("gold/absent", "x");
  EXPECT_FALSE(cache.Exists("gold/absent"));
  EXPECT_FALSE(cache.Bytes("gold/absent"));
  cache.Copied("gold/_committed/1/u/part-00000.parquet");
  EXPECT_TRUE(cache.Exists("gold/_committed/1/u/part-00000.parquet"));
  cache.Removed("gold/u");
  EXPECT_FALSE(cache.Exists("gold/u/part-00000.parquet"));
  EXPECT_FALSE(cache.Bytes("gold/u/part-00000.parquet"));
  EXPECT_EQ(cache.List("gold"), (Names{"_committed", "t"}));
}

TEST(SoleWriterCache, KeepsBytesWithinItsBudgetOldestFirstOut) {
  SoleWriterCache cache({}, 40);
  cache.Written("a", std::string(10, 'a'));
  cache.Written("b", std::string(10, 'b'));
  cache.Written("big", std::string(11, 'x'));  // above a quarter of the budget
  EXPECT_FALSE(cache.Bytes("big"));
  EXPECT_TRUE(cache.Exists("big"));
  cache.Written("c", std::string(10, 'c'));
  cache.Written("d", std::string(10, 'd'));
  EXPECT_TRUE(cache.Bytes("a"));
  cache.Written("e", std::string(10, 'e'));
  EXPECT_FALSE(cache.Bytes("a")) << "the oldest went";
  EXPECT_EQ(cache.Bytes("e"), std::string(10, 'e'));
  EXPECT_TRUE(cache.Exists("a"));
}

}  // namespace
}  // namespace cinelake::s3
