// Valid Parquet that a Table cannot hold is refused, never altered: unsigned
// 64-bit integers and null list items fail naming the file and column, while
// narrower unsigned integers are widened exactly.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "lake/parquet/format.h"
#include "lake/parquet/metadata.h"
#include "lake/parquet/parquet.h"
#include "lake/parquet/plain_encoding.h"
#include "lake/parquet/rle.h"
#include "lake/parquet/testing/test_util.h"

namespace cinelake::parquet {
namespace {

using testing::EditFooter;
using testing::PutU32;

SchemaElement* FindElement(FileMetaData* md, const std::string& name) {
  for (auto& e : md->schema) {
    if (e.name == name) return &e;
  }
  ADD_FAILURE() << "no schema element " << name;
  return &md->schema[0];
}

std::string WriteTable(const Table& t) {
  std::string bytes;
  Status st = WriteParquet(t, WriteOptions(), &bytes);
  EXPECT_TRUE(st.ok()) << st.ToString();
  return bytes;
}

TEST(ParquetRefusal, Uint64ColumnIsRefusedWhenProjected) {
  Table t(Schema({{"id", DataType::kInt32}, {"v", DataType::kInt64}}));
  for (int64_t v : {int64_t{1}, int64_t{-1}, int64_t{7}}) {  // -1 is UINT64_MAX as unsigned
    t.column(0).AppendInt32(static_cast<int32_t>(v));
    t.column(1).AppendInt64(v);
  }
  std::string bytes = EditFooter(
      WriteTable(t), [](FileMetaData* md) { FindElement(md, "v")->converted_type = conv::kUint64; });

  Table out;
  Status st = ReadParquet(bytes, "u64.parquet", ReadOptions(), &out);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.code(), Status::Code::kInvalidArgument) << st.ToString();
  EXPECT_NE(st.ToString().find("u64.parquet"), std::string::npos) << st.ToString();
  EXPECT_NE(st.ToString().find("'v'"), std::string::npos) << st.ToString();

  // Other columns still read, and the schema reports v as unsupported.
  ReadOptions only_id;
  only_id.columns = {"id"};
  st = ReadParquet(bytes, "u64.parquet", only_id, &out);
  ASSERT_TRUE(st.ok()) << st.ToString();
  ASSERT_EQ(out.num_rows(), 3u);
  EXPECT_EQ(out.column(0).Int32(1), -1);
  FileInfo info;
  ASSERT_TRUE(ReadParquetInfo(bytes, "u64.parquet", &info).ok());
  EXPECT_EQ(info.unsupported_columns, std::vector<std::string>{"v"});
  EXPECT_EQ(info.schema.size(), 1u);
}

TEST(ParquetRefusal, NarrowUnsignedIntegersAreWidenedExactly) {
  Table t(Schema({{"u32", DataType::kInt32}, {"u8", DataType::kInt32}}));
  t.column(0).AppendInt32(-1);  // 4294967295 as UINT_32
  t.column(1).AppendInt32(200);
  t.column(0).AppendInt32(5);
  t.column(1).AppendNull();
  std::string bytes = EditFooter(WriteTable(t), [](FileMetaData* md) {
    FindElement(md, "u32")->converted_type = conv::kUint32;
    FindElement(md, "u8")->converted_type = conv::kUint8;
  });
  Table out;
  Status st = ReadParquet(bytes, "u.parquet", ReadOptions(), &out);
  ASSERT_TRUE(st.ok()) << st.ToString();
  ASSERT_EQ(out.num_rows(), 2u);
  EXPECT_EQ(out.schema().field(0).type, DataType::kInt64);
  EXPECT_EQ(out.column(0).Int64(0), 4294967295);
  EXPECT_EQ(out.column(0).Int64(1), 5);
  EXPECT_EQ(out.schema().field(1).type, DataType::kInt32);
  EXPECT_EQ(out.column(1).Int32(0), 200);
  EXPECT_TRUE(out.column(1).IsNull(1));
}

// One nullable LIST<STRING> column "v" (3-level, optional element, so
// max_def 3: 0 null list, 1 empty list, 2 null item, 3 item) in a single
// uncompressed v1 page built by hand, since the writer never emits null items.
std::string ListFile(const std::vector<uint8_t>& rep, const std::vector<uint8_t>& def,
                     const std::vector<std::string>& items, int64_t rows) {
  std::string body, levels;
  EncodeRleHybrid(rep.data(), rep.size(), 1, &levels);
  PutU32(static_cast<uint32_t>(levels.size()), &body);
  body += levels;
  levels.clear();
  EncodeRleHybrid(def.data(), def.size(), 2, &levels);
  PutU32(static_cast<uint32_t>(levels.size()), &body);
  body += levels;
  for (const auto& s : items) EncodePlainBinary(s, &body);

  PageHeader h;
  h.type = page::kData;
  h.uncompressed_page_size = h.compressed_page_size = static_cast<int32_t>(body.size());
  h.data = DataPageHeader();
  h.data->num_values = static_cast<int32_t>(rep.size());
  h.data->encoding = enc::kPlain;

  SchemaElement root, list, mid, element;
  root.name = "schema";
  root.num_children = 1;
  list.name = "v";
  list.repetition = rep::kOptional;
  list.num_children = 1;
  list.converted_type = conv::kList;
  list.logical.kind = LogicalType::Kind::kList;
  mid.name = "list";
  mid.repetition = rep::kRepeated;
  mid.num_children = 1;
  element.name = "element";
  element.type = ptype::kByteArray;
  element.repetition = rep::kOptional;
  element.converted_type = conv::kUtf8;
  return testing::OneColumnFile({root, list, mid, element}, {"v", "list", "element"}, codec::kUncompressed,
                                {{h, body}}, static_cast<int64_t>(rep.size()), rows);
}

TEST(ParquetRefusal, HandBuiltListFileReadsWithoutNullItems) {
  // ["a", "b"], null, [], [""] : the builder itself is sound.
  std::string bytes = ListFile({0, 1, 0, 0, 0}, {3, 3, 0, 1, 3}, {"a", "b", "", ""}, 4);
  Table out;
  Status st = ReadParquet(bytes, "ok.parquet", ReadOptions(), &out);
  ASSERT_TRUE(st.ok()) << st.ToString();
  ASSERT_EQ(out.num_rows(), 4u);
  EXPECT_EQ(out.column(0).List(0), (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(out.column(0).IsNull(1));
  EXPECT_TRUE(out.column(0).IsValid(2));
  EXPECT_EQ(out.column(0).ListSize(2), 0u);
  EXPECT_EQ(out.column(0).List(3), (std::vector<std::string>{""}));
}

TEST(ParquetRefusal, NullListItemIsRefusedNamingTheColumn) {
  struct Case {
    const char* label;
    std::vector<uint8_t> rep, def;
    std::vector<std::string> items;
    int64_t rows;
  };
  const std::vector<Case> cases = {
      {"inside", {0, 1, 1, 0}, {3, 2, 3, 3}, {"a", "b", "c"}, 2},  // ["a", null, "b"], ["c"]
      {"first", {0, 0}, {2, 3}, {"c"}, 2},                         // [null], ["c"]
      {"last", {0, 1}, {3, 2}, {"a"}, 1},                          // ["a", null]
  };
  for (const auto& c : cases) {
    std::string bytes = ListFile(c.rep, c.def, c.items, c.rows);
    Table out;
    Status st = ReadParquet(bytes, "nulls.parquet", ReadOptions(), &out);
    ASSERT_FALSE(st.ok()) << c.label;
    EXPECT_EQ(st.code(), Status::Code::kInvalidArgument) << c.label << ": " << st.ToString();
    EXPECT_NE(st.ToString().find("nulls.parquet"), std::string::npos) << st.ToString();
    EXPECT_NE(st.ToString().find("'v'"), std::string::npos) << st.ToString();
    EXPECT_NE(st.ToString().find("null item"), std::string::npos) << st.ToString();
  }
}

}  // namespace
}  // namespace cinelake::parquet
