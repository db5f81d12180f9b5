// Writer + reader round trips of every cinelake type, options, projection,
// statistics and metadata.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <map>
#include <random>

#include "common/version.h"
#include "lake/parquet/format.h"
#include "lake/parquet/metadata.h"
#include "lake/parquet/parquet.h"
#include "lake/parquet/testing/test_util.h"

namespace cinelake::parquet {
namespace {

Table RoundTrip(const Table& t, const WriteOptions& wo = {}, const ReadOptions& ro = {}) {
  std::string bytes;
  Status st = WriteParquet(t, wo, &bytes);
  EXPECT_TRUE(st.ok()) << st.ToString();
  return testing::ReadBack(bytes, ro);
}

TEST(ParquetRoundTrip, EveryTypeWithNullsAndExtremes) {
  Table t(testing::AllTypesSchema(true));
  auto add = [&](bool null_row, bool b, int32_t i, int64_t l, double d, std::string s, int32_t dt, int64_t ts,
                 int64_t dec, std::vector<std::string> tags) {
    if (null_row) {
      for (auto& c : t.columns()) c.AppendNull();
      return;
    }
    t.column(0).AppendBool(b);
    t.column(1).AppendInt32(i);
    t.column(2).AppendInt64(l);
    t.column(3).AppendDouble(d);
    t.column(4).AppendString(s);
    t.column(5).AppendInt32(dt);
    t.column(6).AppendInt64(ts);
    t.column(7).AppendInt64(dec);
    t.column(8).AppendInt64(-dec);
    t.column(9).AppendList(tags);
  };
  add(false, true, INT32_MIN, INT64_MIN, -0.0, "", -719162, INT64_MIN, 999999999999, {});
  add(true, false, 0, 0, 0, "", 0, 0, 0, {});
  add(false, false, INT32_MAX, INT64_MAX, std::nan(""), "日本語 🎬", 2932896, INT64_MAX, -999999999999,
      {"", "x"});
  add(false, true, 0, -1, std::numeric_limits<double>::infinity(), std::string("a\0b", 3), 20000,
      1700000000000000, 0, {"α", "β", "γ"});
  add(false, false, -1, 1, -std::numeric_limits<double>::infinity(), "plain", 1, -1, 1, {""});
  for (Codec codec :
       {Codec::kSnappy, Codec::kZstd, Codec::kGzip, Codec::kLz4Raw, Codec::kBrotli, Codec::kUncompressed}) {
    for (bool dict : {true, false}) {
      WriteOptions wo;
      wo.codec = codec;
      wo.dictionary = dict;
      Table back = RoundTrip(t, wo);
      EXPECT_TRUE(back.Equals(t)) << back.ToString() << "\nvs\n" << t.ToString();
    }
  }
}

TEST(ParquetRoundTrip, RequiredColumnsAreWrittenRequired) {
  std::mt19937_64 rng(7);
  Table t = testing::RandomTable(testing::AllTypesSchema(false), 500, rng);
  std::string bytes;
  ASSERT_TRUE(WriteParquet(t, {}, &bytes).ok());
  FileMetaData md = testing::ReadFooter(bytes);
  for (const auto& e : md.schema) {
    if (e.name == "b" || e.name == "s" || e.name == "tags") {
      EXPECT_EQ(e.repetition.value_or(-1), rep::kRequired);
    }
  }
  Table back = testing::ReadBack(bytes);
  EXPECT_TRUE(back.Equals(t));
  for (const auto& f : back.schema().fields()) EXPECT_FALSE(f.nullable) << f.name;
}

TEST(ParquetRoundTrip, EmptyTableAndEmptyStringsAndLists) {
  Table empty(testing::AllTypesSchema(true));
  EXPECT_TRUE(RoundTrip(empty).Equals(empty));
  Table t(Schema({{"s", DataType::kString}, {"l", DataType::kStringList}}));
  for (int i = 0; i < 100; ++i) {
    t.column(0).AppendString("");
    if (i % 3 == 0) {
      t.column(1).AppendNull();
    } else {
      t.column(1).AppendList({});
    }
  }
  EXPECT_TRUE(RoundTrip(t).Equals(t));
}

TEST(ParquetRoundTrip, DictionaryFallbackToPlain) {
  Table t(Schema({{"s", DataType::kString, false}, {"n", DataType::kInt64, false}}));
  for (int i = 0; i < 5000; ++i) {
    t.column(0).AppendString("value-" + std::to_string(i));
    t.column(1).AppendInt64(i % 10);
  }
  WriteOptions wo;
  wo.dictionary_max_bytes = 1000;  // far too small for 5000 distinct strings, enough for 10 ints
  std::string bytes;
  ASSERT_TRUE(WriteParquet(t, wo, &bytes).ok());
  FileMetaData md = testing::ReadFooter(bytes);
  ASSERT_EQ(md.row_groups.size(), 1u);
  const auto& s = *md.row_groups[0].columns[0].meta;
  const auto& n = *md.row_groups[0].columns[1].meta;
  EXPECT_FALSE(s.dictionary_page_offset.has_value());
  EXPECT_EQ(std::count(s.encodings.begin(), s.encodings.end(), enc::kRleDictionary), 0);
  EXPECT_TRUE(n.dictionary_page_offset.has_value());
  EXPECT_EQ(std::count(n.encodings.begin(), n.encodings.end(), enc::kRleDictionary), 1);
  EXPECT_TRUE(testing::ReadBack(bytes).Equals(t));
}

TEST(ParquetRoundTrip, ManyRowGroupsAndPages) {
  std::mt19937_64 rng(11);
  Table t = testing::RandomTable(testing::AllTypesSchema(true), 3000, rng);
  const std::string bytes = testing::PagedFile(t, Codec::kSnappy, true, 700, 128);
  FileMetaData md = testing::ReadFooter(bytes);
  ASSERT_EQ(md.row_groups.size(), 5u);
  EXPECT_EQ(md.num_rows, 3000);
  int64_t total = 0;
  for (size_t g = 0; g < md.row_groups.size(); ++g) {
    const auto& rg = md.row_groups[g];
    total += rg.num_rows;
    int64_t sum = 0;
    for (const auto& c : rg.columns) {
      sum += c.meta->total_uncompressed_size;
      EXPECT_EQ(c.file_offset, c.meta->dictionary_page_offset.value_or(c.meta->data_page_offset));
    }
    EXPECT_EQ(rg.total_byte_size, sum);
    EXPECT_EQ(rg.ordinal.value_or(-1), static_cast<int16_t>(g));
    // Several pages per chunk: the first data page is followed by others.
    const auto& m = *rg.columns[4].meta;
    PageHeader h;
    size_t hl;
    ASSERT_TRUE(ParsePageHeader(reinterpret_cast<const uint8_t*>(bytes.data()) + m.data_page_offset,
                                bytes.size() - m.data_page_offset, &h, &hl)
                    .ok());
    ASSERT_TRUE(h.data.has_value());
    EXPECT_LT(h.data->num_values, rg.num_rows);
  }
  EXPECT_EQ(total, 3000);
  EXPECT_TRUE(testing::ReadBack(bytes).Equals(t));
}

TEST(ParquetRoundTrip, ProjectionOrderAndUnknownColumn) {
  std::mt19937_64 rng(3);
  Table t = testing::RandomTable(testing::AllTypesSchema(true), 200, rng);
  ReadOptions ro;
  ro.columns = {"tags", "b", "dec"};
  Table back = RoundTrip(t, {}, ro);
  ASSERT_EQ(back.num_columns(), 3u);
  EXPECT_EQ(back.schema().field(0).name, "tags");
  EXPECT_EQ(back.schema().field(2).precision, 12);
  EXPECT_EQ(back.schema().field(2).scale, 3);
  EXPECT_TRUE(back.column(0).Equals(t.column("tags")));
  EXPECT_TRUE(back.column(1).Equals(t.column("b")));
  EXPECT_TRUE(back.column(2).Equals(t.column("dec")));

  std::string bytes;
  ASSERT_TRUE(WriteParquet(t, {}, &bytes).ok());
  ro.columns = {"b", "nope"};
  Status st = ReadParquet(bytes, "f.parquet", ro, &back);
  EXPECT_EQ(st.code(), Status::Code::kInvalidArgument);
  EXPECT_NE(st.message().find("nope"), std::string::npos);
}

TEST(ParquetRoundTrip, ProjectionSkipsOtherColumnsEntirely) {
  std::mt19937_64 rng(5);
  Table t = testing::RandomTable(Schema({{"a", DataType::kInt64}, {"b", DataType::kString}}), 300, rng);
  WriteOptions wo;
  wo.codec = Codec::kUncompressed;
  std::string bytes;
  ASSERT_TRUE(WriteParquet(t, wo, &bytes).ok());
  FileMetaData md = testing::ReadFooter(bytes);
  // Trash column b's data: reading only a must still succeed.
  const auto& mb = *md.row_groups[0].columns[1].meta;
  int64_t start = mb.dictionary_page_offset.value_or(mb.data_page_offset);
  for (int64_t i = start; i < start + mb.total_compressed_size; ++i) bytes[i] = '\xAB';
  ReadOptions ro;
  ro.columns = {"a"};
  Table back;
  Status st = ReadParquet(bytes, "x", ro, &back);
  ASSERT_TRUE(st.ok()) << st.ToString();
  EXPECT_TRUE(back.column(0).Equals(t.column(0)));
  ro.columns = {"b"};
  st = ReadParquet(bytes, "trashed.parquet", ro, &back);
  EXPECT_EQ(st.code(), Status::Code::kCorruption);
  EXPECT_NE(st.message().find("trashed.parquet"), std::string::npos) << st.message();
}

TEST(ParquetRoundTrip, SchemaAnnotations) {
  Table t(testing::AllTypesSchema(true));
  std::string bytes;
  ASSERT_TRUE(WriteParquet(t, {}, &bytes).ok());
  FileMetaData md = testing::ReadFooter(bytes);
  auto find = [&](const std::string& name) -> const SchemaElement& {
    for (const auto& e : md.schema) {
      if (e.name == name) return e;
    }
    ADD_FAILURE() << name;
    return md.schema[0];
  };
  EXPECT_EQ(*find("s").type, ptype::kByteArray);
  EXPECT_EQ(*find("s").converted_type, conv::kUtf8);
  EXPECT_EQ(find("s").logical.kind, LogicalType::Kind::kString);
  EXPECT_EQ(*find("dt").converted_type, conv::kDate);
  EXPECT_EQ(find("ts").logical.kind, LogicalType::Kind::kTimestamp);
  EXPECT_TRUE(find("ts").logical.utc);
  EXPECT_EQ(find("ts").logical.unit, LogicalType::Unit::kMicros);
  EXPECT_EQ(*find("ts").converted_type, conv::kTimestampMicros);
  EXPECT_EQ(*find("dec").type, ptype::kInt64);
  EXPECT_EQ(find("dec").precision, 12);
  EXPECT_EQ(find("dec").logical.scale, 3);
  EXPECT_EQ(*find("big").type, ptype::kFixedLenByteArray);
  EXPECT_EQ(find("big").type_length, 13);
  EXPECT_EQ(*find("tags").converted_type, conv::kList);
  EXPECT_EQ(find("tags").logical.kind, LogicalType::Kind::kList);
  EXPECT_EQ(*find("list").repetition, rep::kRepeated);
  EXPECT_EQ(*find("element").repetition, rep::kOptional);
  EXPECT_EQ(md.num_type_defined_orders, 10);  // one per leaf column
  bool has_version = false, has_created = false;
  for (const auto& [k, v] : md.key_value_metadata) {
    if (k == "cinelake.version") has_version = v == CINELAKE_VERSION;
    if (k == "created_by") has_created = v.find("cinelake version") == 0;
  }
  EXPECT_TRUE(has_version);
  EXPECT_TRUE(has_created);
  EXPECT_EQ(md.created_by.value_or("").rfind("cinelake version " CINELAKE_VERSION " (build", 0), 0u);
}

TEST(ParquetRoundTrip, StatisticsValues) {
  Table t(Schema({{"i", DataType::kInt32},
                  {"s", DataType::kString},
                  {"d", DataType::kDouble},
                  {"n", DataType::kInt64},
                  {"dec", DataType::kDecimal, true, 30, 2},
                  {"tags", DataType::kStringList}}));
  auto row = [&](int32_t i, std::string s, double d, int64_t dec, std::vector<std::string> tags) {
    t.column(0).AppendInt32(i);
    t.column(1).AppendString(s);
    t.column(2).AppendDouble(d);
    t.column(3).AppendNull();
    t.column(4).AppendInt64(dec);
    t.column(5).AppendList(tags);
  };
  row(-5, "\xC3\xA9", 0.0, -300, {"b"});
  row(3, "z", 1.0, 7, {});  // NaN drops double bounds: see statistics_test.cc
  row(-7, "a", 2.5, 5, {"a", "\xFF"});
  t.column(0).AppendNull();
  t.column(1).AppendNull();
  t.column(2).AppendNull();
  t.column(3).AppendNull();
  t.column(4).AppendNull();
  t.column(5).AppendNull();
  for (bool dict : {true, false}) {
    WriteOptions wo;
    wo.dictionary = dict;
    std::string bytes;
    ASSERT_TRUE(WriteParquet(t, wo, &bytes).ok());
    FileMetaData md = testing::ReadFooter(bytes);
    auto stats = [&](int c) { return *md.row_groups[0].columns[c].meta->statistics; };
    int32_t lo, hi;
    std::memcpy(&lo, stats(0).min_value->data(), 4);
    std::memcpy(&hi, stats(0).max_value->data(), 4);
    EXPECT_EQ(lo, -7);
    EXPECT_EQ(hi, 3);
    EXPECT_EQ(*stats(0).null_count, 1);
    // Unsigned bytewise: "\xC3\xA9" (é) sorts after "z".
    EXPECT_EQ(*stats(1).min_value, "a");
    EXPECT_EQ(*stats(1).max_value, "\xC3\xA9");
    double dlo, dhi;
    std::memcpy(&dlo, stats(2).min_value->data(), 8);
    std::memcpy(&dhi, stats(2).max_value->data(), 8);
    EXPECT_EQ(dlo, 0.0);
    EXPECT_TRUE(std::signbit(dlo));  // min zero is written as -0.0
    EXPECT_EQ(dhi, 2.5);
    EXPECT_FALSE(stats(3).min_value.has_value());  // all null
    EXPECT_EQ(*stats(3).null_count, 4);
    EXPECT_EQ(*stats(4).min_value, std::string("\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFE\xD4", 13));
    EXPECT_EQ(*stats(4).max_value, std::string("\0\0\0\0\0\0\0\0\0\0\0\0\x07", 13));
    EXPECT_EQ(*stats(5).min_value, "a");
    EXPECT_EQ(*stats(5).max_value, "\xFF");
    EXPECT_EQ(*stats(5).null_count, 2);  // one empty list, one null list
    EXPECT_EQ(md.row_groups[0].columns[5].meta->num_values, 5);
  }
}

TEST(ParquetRoundTrip, MetadataAndInfo) {
  std::mt19937_64 rng(9);
  Table t = testing::RandomTable(testing::AllTypesSchema(true), 1000, rng);
  WriteOptions wo;
  wo.row_group_rows = 300;
  wo.metadata = {{"lineage", "raw/x"}, {"k", ""}};
  std::string bytes;
  ASSERT_TRUE(WriteParquet(t, wo, &bytes).ok());
  FileInfo info;
  ASSERT_TRUE(ReadParquetInfo(bytes, "x", &info).ok());
  EXPECT_EQ(info.num_rows, 1000);
  EXPECT_EQ(info.num_row_groups, 4);
  EXPECT_EQ(info.schema, t.schema());
  EXPECT_TRUE(info.unsupported_columns.empty());
  EXPECT_EQ(info.created_by.rfind("cinelake version", 0), 0u);
  std::map<std::string, std::string> kv(info.metadata.begin(), info.metadata.end());
  EXPECT_EQ(kv["lineage"], "raw/x");
  EXPECT_EQ(kv["k"], "");
  EXPECT_EQ(kv["cinelake.version"], CINELAKE_VERSION);
}

TEST(ParquetRoundTrip, InvalidDecimalIsRejected) {
  Table t(Schema({{"d", DataType::kDecimal, true, 40, 2}}));
  std::string bytes;
  EXPECT_EQ(WriteParquet(t, {}, &bytes).code(), Status::Code::kInvalidArgument);
}

}  // namespace
}  // namespace cinelake::parquet

namespace cinelake::parquet {
namespace {

// Big enough (> 1 MiB) for the writer and reader to split columns across threads.
TEST(ParquetRoundTrip, LargeTableParallelPath) {
  std::mt19937_64 rng(21);
  Schema schema({{"id", DataType::kString, false},
                 {"n", DataType::kInt64},
                 {"d", DataType::kDouble},
                 {"b", DataType::kBool},
                 {"dt", DataType::kDate},
                 {"tags", DataType::kStringList}});
  Table t = testing::RandomTable(schema, 60000, rng);
  WriteOptions wo;
  wo.row_group_rows = 25000;
  std::string bytes;
  ASSERT_TRUE(WriteParquet(t, wo, &bytes).ok());
  EXPECT_GT(bytes.size(), 1u << 20);
  EXPECT_TRUE(testing::ReadBack(bytes).Equals(t));
}

}  // namespace
}  // namespace cinelake::parquet
