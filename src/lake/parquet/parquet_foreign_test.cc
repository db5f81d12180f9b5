// Shapes other writers produce that cinelake once misread or refused, found
// by reading the Apache Parquet test files beside DuckDB: FLOAT16 columns
// (read as DOUBLE, never as two raw bytes of text), data pages v2 with
// nothing to decompress, and 0-row files whose chunks point at offset 0.
// Also that a file using a feature cinelake lacks (a codec or encoding) is
// told apart from a damaged one, by code (NotSupported vs Corruption) and by
// message ("unsupported: ..." vs "corrupt: ..."). Every file is built here.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "lake/parquet/compression.h"
#include "lake/parquet/format.h"
#include "lake/parquet/metadata.h"
#include "lake/parquet/parquet.h"
#include "lake/parquet/rle.h"
#include "lake/parquet/testing/test_util.h"

namespace cinelake::parquet {
namespace {

using testing::Page;
using testing::PutU32;

SchemaElement Root(int32_t children) {
  SchemaElement root;
  root.name = "schema";
  root.num_children = children;
  return root;
}

SchemaElement OptionalLeaf(const std::string& name, int32_t physical) {
  SchemaElement e;
  e.name = name;
  e.type = physical;
  e.repetition = rep::kOptional;
  return e;
}

// A v1 data page of an optional flat column: RLE definition levels (1: a
// value is present) and then `values`, already encoded in `encoding`.
Page V1Page(const std::vector<uint8_t>& def, int32_t encoding, const std::string& values) {
  std::string levels;
  EncodeRleHybrid(def.data(), def.size(), 1, &levels);
  Page p;
  PutU32(static_cast<uint32_t>(levels.size()), &p.body);
  p.body += levels + values;
  p.header.type = page::kData;
  p.header.uncompressed_page_size = p.header.compressed_page_size = static_cast<int32_t>(p.body.size());
  p.header.data = DataPageHeader();
  p.header.data->num_values = static_cast<int32_t>(def.size());
  p.header.data->encoding = encoding;
  return p;
}

Table Read(const std::string& bytes, const char* name) {
  Table out;
  Status st = ReadParquet(bytes, name, ReadOptions(), &out);
  EXPECT_TRUE(st.ok()) << st.ToString();
  return out;
}

std::string Half(uint16_t bits) {
  return std::string{static_cast<char>(bits & 0xFF), static_cast<char>(bits >> 8)};
}

TEST(ParquetForeign, Float16ReadsAsExactDoubles) {
  // Every value class of IEEE half: normal, largest finite, subnormals,
  // zeros of both signs, infinities, NaN of both signs; and a null.
  struct Case {
    std::optional<uint16_t> bits;
    double want;
  };
  const double inf = std::numeric_limits<double>::infinity();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const std::vector<Case> plain = {
      {0x3C00, 1.0},     {0xC100, -2.5}, {0x7BFF, 65504.0},   {0x0001, 0x1p-24},    {0x03FF, 1023 * 0x1p-24},
      {0x0400, 0x1p-14}, {0x7C00, inf},  {0xFC00, -inf},      {0x7E00, nan},        {0xFE01, -nan},
      {0x8000, -0.0},    {0x0000, 0.0},  {std::nullopt, 0.0}, {0x3555, 0x1.554p-2},
  };
  std::vector<uint8_t> def;
  std::string values;
  for (const Case& c : plain) {
    def.push_back(c.bits ? 1 : 0);
    if (c.bits) values += Half(*c.bits);
  }
  // A dictionary of {1.0, -2.5} and a page of indices into it, then a
  // BYTE_STREAM_SPLIT page of {1.0, 65504} (low bytes, then high bytes):
  // FLOAT16 converts whatever the encoding.
  Page dict;
  dict.body = Half(0x3C00) + Half(0xC100);
  dict.header.type = page::kDictionary;
  dict.header.uncompressed_page_size = dict.header.compressed_page_size = 4;
  dict.header.dictionary = DictionaryPageHeader{2, enc::kPlain};
  const uint8_t indices[] = {1, 0, 1};
  std::string encoded_indices = "\x01";  // bit width
  EncodeRleHybrid(indices, 3, 1, &encoded_indices);

  SchemaElement leaf = OptionalLeaf("h", ptype::kFixedLenByteArray);
  leaf.type_length = 2;
  leaf.logical.kind = LogicalType::Kind::kFloat16;
  const int64_t rows = static_cast<int64_t>(plain.size()) + 6;
  std::string bytes = testing::OneColumnFile(
      {Root(1), leaf}, {"h"}, codec::kUncompressed,
      {dict, V1Page(def, enc::kPlain, values), V1Page({1, 0, 1, 1}, enc::kRleDictionary, encoded_indices),
       V1Page({1, 1}, enc::kByteStreamSplit, std::string("\x00\xFF\x3C\x7B", 4))},
      rows, rows);

  FileInfo info;
  ASSERT_TRUE(ReadParquetInfo(bytes, "f16.parquet", &info).ok());
  ASSERT_EQ(info.schema.size(), 1u);
  EXPECT_EQ(info.schema.field(0).type, DataType::kDouble);
  EXPECT_TRUE(info.schema.field(0).nullable);

  Table t = Read(bytes, "f16.parquet");
  ASSERT_EQ(t.num_rows(), static_cast<size_t>(rows));
  ASSERT_EQ(t.schema().field(0).type, DataType::kDouble);
  const Column& col = t.column(0);
  for (size_t i = 0; i < plain.size(); ++i) {
    const Case& c = plain[i];
    if (!c.bits) {
      EXPECT_TRUE(col.IsNull(i)) << i;
      continue;
    }
    ASSERT_FALSE(col.IsNull(i)) << i;
    const double got = col.Double(i);
    if (std::isnan(c.want)) {
      EXPECT_TRUE(std::isnan(got)) << i << ": " << got;
    } else {
      EXPECT_EQ(got, c.want) << "half 0x" << std::hex << *c.bits;
    }
    EXPECT_EQ(std::signbit(got), std::signbit(c.want)) << "sign of half 0x" << std::hex << *c.bits;
  }
  const size_t d = plain.size();
  EXPECT_EQ(col.Double(d), -2.5);
  EXPECT_TRUE(col.IsNull(d + 1));
  EXPECT_EQ(col.Double(d + 2), 1.0);
  EXPECT_EQ(col.Double(d + 3), -2.5);
  EXPECT_EQ(col.Double(d + 4), 1.0);
  EXPECT_EQ(col.Double(d + 5), 65504.0);
}

TEST(ParquetForeign, Float16OfTheWrongWidthIsRefusedNotGuessed) {
  SchemaElement leaf = OptionalLeaf("h", ptype::kFixedLenByteArray);
  leaf.type_length = 3;
  leaf.logical.kind = LogicalType::Kind::kFloat16;
  std::string bytes = testing::OneColumnFile({Root(1), leaf}, {"h"}, codec::kUncompressed,
                                             {V1Page({1}, enc::kPlain, "abc")}, 1, 1);
  Table out;
  Status st = ReadParquet(bytes, "f16x3.parquet", ReadOptions(), &out);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("FLOAT16"), std::string::npos) << st.ToString();
  EXPECT_NE(st.message().find("'h'"), std::string::npos) << st.ToString();
}

// A data page v2 of an optional INT32 column whose every value is null: the
// levels are stored uncompressed before the values, so the compressed values
// section is 0 bytes, and a page of no values is 0 bytes in all.
Page EmptyBodyV2Page(int32_t nulls) {
  Page p;
  if (nulls > 0) {
    std::vector<uint8_t> def(static_cast<size_t>(nulls), 0);
    EncodeRleHybrid(def.data(), def.size(), 1, &p.body);
  }
  p.header.type = page::kDataV2;
  p.header.uncompressed_page_size = p.header.compressed_page_size = static_cast<int32_t>(p.body.size());
  p.header.data_v2 = DataPageHeaderV2();
  auto& v2 = *p.header.data_v2;
  v2.num_values = v2.num_nulls = v2.num_rows = nulls;
  v2.encoding = enc::kPlain;
  v2.definition_levels_byte_length = static_cast<int32_t>(p.body.size());
  v2.is_compressed = true;
  return p;
}

TEST(ParquetForeign, DataPageV2WithAnEmptyBodyReadsAsNulls) {
  for (int32_t c : {codec::kSnappy, codec::kZstd, codec::kGzip, codec::kLz4Raw, codec::kBrotli}) {
    std::string bytes = testing::OneColumnFile({Root(1), OptionalLeaf("v", ptype::kInt32)}, {"v"}, c,
                                               {EmptyBodyV2Page(0), EmptyBodyV2Page(5)}, 5, 5);
    Table t = Read(bytes, CodecName(c));
    ASSERT_EQ(t.num_rows(), 5u) << CodecName(c);
    EXPECT_EQ(t.schema().field(0).type, DataType::kInt32);
    for (size_t i = 0; i < 5; ++i) EXPECT_TRUE(t.column(0).IsNull(i)) << CodecName(c) << " row " << i;
  }
}

TEST(ParquetForeign, ZeroRowFileWithChunksAtOffsetZeroReadsAsAnEmptyTable) {
  Schema schema({{"id", DataType::kInt64, false},
                 {"name", DataType::kString},
                 {"score", DataType::kDouble},
                 {"tags", DataType::kStringList}});
  std::string written;
  ASSERT_TRUE(WriteParquet(Table(schema), WriteOptions(), &written).ok());
  // Our writer leaves a 0-row file without row groups; others write one
  // row group of empty chunks that point nowhere.
  std::string bytes = testing::EditFooter(written, [](FileMetaData* md) {
    RowGroup rg;
    const std::vector<std::pair<int32_t, std::vector<std::string>>> leaves = {
        {ptype::kInt64, {"id"}},
        {ptype::kByteArray, {"name"}},
        {ptype::kDouble, {"score"}},
        {ptype::kByteArray, {"tags", "list", "element"}}};
    for (const auto& [type, path] : leaves) {
      ColumnMetaData m;
      m.type = type;
      m.encodings = {enc::kPlain, enc::kRle};
      m.path = path;
      m.codec = codec::kSnappy;
      ColumnChunk cc;
      cc.meta = m;  // num_values, sizes and data_page_offset all 0
      rg.columns.push_back(cc);
    }
    md->row_groups = {rg};
  });

  FileInfo info;
  Status st = ReadParquetInfo(bytes, "empty.parquet", &info);
  ASSERT_TRUE(st.ok()) << st.ToString();
  EXPECT_EQ(info.num_rows, 0);
  EXPECT_EQ(info.num_row_groups, 1);
  Table t = Read(bytes, "empty.parquet");
  EXPECT_EQ(t.num_rows(), 0u);
  ASSERT_EQ(t.schema().size(), schema.size());
  for (size_t i = 0; i < schema.size(); ++i) {
    EXPECT_EQ(t.schema().field(i).name, schema.field(i).name);
    EXPECT_EQ(t.schema().field(i).type, schema.field(i).type) << schema.field(i).name;
    EXPECT_EQ(t.schema().field(i).nullable, schema.field(i).nullable) << schema.field(i).name;
  }

  // A chunk of no values in a row group that claims rows is still corrupt.
  std::string lying = testing::EditFooter(bytes, [](FileMetaData* md) { md->row_groups[0].num_rows = 3; });
  Table out;
  st = ReadParquet(lying, "lying.parquet", ReadOptions(), &out);
  EXPECT_EQ(st.code(), Status::Code::kCorruption) << st.ToString();
}

// ---- unsupported vs corrupt ----

std::string SmallFile() {
  Table t(Schema({{"id", DataType::kInt32, false}, {"s", DataType::kString}}));
  for (int i = 0; i < 10; ++i) {
    t.column(0).AppendInt32(i);
    t.column(1).AppendString("v" + std::to_string(i % 3));
  }
  WriteOptions wo;
  wo.codec = Codec::kUncompressed;
  std::string bytes;
  EXPECT_TRUE(WriteParquet(t, wo, &bytes).ok());
  return bytes;
}

void ExpectUnsupported(const Status& st, const std::string& file, const std::string& what) {
  ASSERT_FALSE(st.ok()) << file;
  EXPECT_EQ(st.code(), Status::Code::kNotSupported) << st.ToString();
  EXPECT_EQ(st.message().rfind(file + ": unsupported: ", 0), 0u) << st.ToString();
  EXPECT_NE(st.message().find(what), std::string::npos) << st.ToString();
  EXPECT_EQ(st.message().find("corrupt"), std::string::npos) << st.ToString();
}

void ExpectCorrupt(const Status& st, const std::string& file) {
  ASSERT_FALSE(st.ok()) << file;
  EXPECT_EQ(st.code(), Status::Code::kCorruption) << st.ToString();
  EXPECT_EQ(st.message().rfind(file + ": corrupt: ", 0), 0u) << st.ToString();
  EXPECT_EQ(st.message().find("unsupported"), std::string::npos) << st.ToString();
}

TEST(ParquetForeign, UnknownOrUnimplementedCodecIsUnsupported) {
  const std::vector<std::pair<int32_t, std::string>> cases = {
      {99, "compression codec 99 (unknown)"}, {codec::kLzo, "LZO"}, {codec::kLz4, "LZ4_RAW is read"}};
  for (const auto& [id, what] : cases) {
    const int32_t codec_id = id;
    std::string bytes = testing::EditFooter(SmallFile(), [&](FileMetaData* md) {
      for (auto& cc : md->row_groups[0].columns) cc.meta->codec = codec_id;
    });
    // The footer is sound, so the schema still reads.
    FileInfo info;
    EXPECT_TRUE(ReadParquetInfo(bytes, "codec.parquet", &info).ok());
    Table out;
    Status st = ReadParquet(bytes, "codec.parquet", ReadOptions(), &out);
    ExpectUnsupported(st, "codec.parquet", what);
    EXPECT_NE(st.message().find("column 'id'"), std::string::npos) << st.ToString();
  }
}

TEST(ParquetForeign, UnknownValueEncodingIsUnsupported) {
  std::string bytes = testing::OneColumnFile({Root(1), OptionalLeaf("v", ptype::kInt32)}, {"v"},
                                             codec::kUncompressed, {V1Page({1, 1}, 99, "12345678")}, 2, 2);
  Table out;
  Status st = ReadParquet(bytes, "encoding.parquet", ReadOptions(), &out);
  ExpectUnsupported(st, "encoding.parquet", "value encoding 99 (unknown)");
  EXPECT_NE(st.message().find("column 'v'"), std::string::npos) << st.ToString();
}

TEST(ParquetForeign, EncryptedFooterIsUnsupported) {
  std::string bytes = SmallFile();
  bytes.replace(bytes.size() - 4, 4, "PARE");
  Table out;
  ExpectUnsupported(ReadParquet(bytes, "secret.parquet", ReadOptions(), &out), "secret.parquet", "encrypted");
}

TEST(ParquetForeign, TruncatedFooterIsCorrupt) {
  const std::string good = SmallFile();
  uint32_t len;
  std::memcpy(&len, good.data() + good.size() - 8, 4);
  // The footer's first half, framed as if it were the whole footer.
  std::string bytes = good.substr(0, good.size() - 8 - len + len / 2);
  PutU32(len / 2, &bytes);
  bytes += "PAR1";
  Table out;
  Status st = ReadParquet(bytes, "cut.parquet", ReadOptions(), &out);
  ExpectCorrupt(st, "cut.parquet");
  EXPECT_NE(st.message().find("footer"), std::string::npos) << st.ToString();
  FileInfo info;
  ExpectCorrupt(ReadParquetInfo(bytes, "cut.parquet", &info), "cut.parquet");
}

}  // namespace
}  // namespace cinelake::parquet
