#include "lake/parquet/thrift_compact.h"

#include <gtest/gtest.h>

namespace cinelake::parquet::thrift {
namespace {

const uint8_t* U(const std::string& s) {
  return reinterpret_cast<const uint8_t*>(s.data());
}

TEST(ParquetThrift, RoundTripFieldsListsAndNesting) {
  std::string buf;
  CompactWriter w(&buf);
  w.BeginStruct();
  w.FieldI32(1, -5);
  w.FieldI64(2, INT64_MIN);
  w.FieldBool(3, true);
  w.FieldBinary(40, "hello");  // delta > 15: long-form header
  w.FieldStruct(41);
  w.FieldI32(1, INT32_MAX);
  w.EndStruct();
  w.FieldList(42, CType::kI32, 20);  // size >= 15: long-form list header
  for (int i = 0; i < 20; ++i) w.ElementI32(i - 10);
  w.FieldBool(43, false);
  w.EndStruct();

  CompactReader r(U(buf), buf.size());
  int32_t a = 0, inner = 0;
  int64_t b = 0;
  bool c = false, d = true;
  std::string_view s;
  std::vector<int32_t> list;
  ASSERT_TRUE(r.ReadStruct([&](int16_t id, CType t) -> Status {
                 switch (id) {
                   case 1: return r.ReadI32(t, &a);
                   case 2: return r.ReadI64(t, &b);
                   case 3: return r.ReadBool(t, &c);
                   case 40: return r.ReadBinary(t, &s);
                   case 41: return r.ReadStruct([&](int16_t, CType it) { return r.ReadI32(it, &inner); });
                   case 42: {
                     CType et;
                     uint32_t n;
                     RETURN_IF_ERROR(r.ReadListHeader(t, &et, &n));
                     list.resize(n);
                     for (auto& v : list) RETURN_IF_ERROR(r.ReadElementI32(&v));
                     return Status::OK();
                   }
                   case 43: return r.ReadBool(t, &d);
                 }
                 return r.Skip(t);
               }).ok());
  EXPECT_EQ(a, -5);
  EXPECT_EQ(b, INT64_MIN);
  EXPECT_TRUE(c);
  EXPECT_FALSE(d);
  EXPECT_EQ(s, "hello");
  EXPECT_EQ(inner, INT32_MAX);
  ASSERT_EQ(list.size(), 20u);
  EXPECT_EQ(list[0], -10);
  EXPECT_EQ(list[19], 9);
  EXPECT_EQ(r.remaining(), 0u);
}

TEST(ParquetThrift, SkipsUnknownFieldsOfEveryType) {
  // struct { 1: double, 2: map<i32,binary>{1:"x"}, 3: list<bool>[t,f], 4: byte, 5: struct{1: i16} , 6: i32 =
  // 7 }
  std::string buf = {0x17, 0,    0,    0,    0,    0,   0, (char)0xF0, 0x3F,  // double 1.0
                     0x1B, 0x01, 0x58, 0x02, 0x01, 'x',  // map size 1, i32->binary, key 1, "x"
                     0x19, 0x21, 0x01, 0x02,             // list of 2 bools
                     0x13, 0x7F,                         // byte
                     0x1C, 0x14, 0x04, 0x00,             // struct{1: i16 2}
                     0x15, 0x0E,                         // i32 7
                     0x00};
  CompactReader r(U(buf), buf.size());
  int32_t v = 0;
  Status st = r.ReadStruct([&](int16_t id, CType t) -> Status {
    if (id == 6) return r.ReadI32(t, &v);
    return r.Skip(t);
  });
  ASSERT_TRUE(st.ok()) << st.ToString();
  EXPECT_EQ(v, 7);
}

Status ParseAll(const std::string& buf) {
  CompactReader r(U(buf), buf.size());
  return r.ReadStruct([&](int16_t, CType t) { return r.Skip(t); });
}

TEST(ParquetThrift, RejectsLies) {
  EXPECT_FALSE(ParseAll(std::string("\x15", 1)).ok());                      // truncated varint value
  EXPECT_FALSE(ParseAll(std::string("\x18\xFF\xFF\xFF\x0F", 5)).ok());      // binary longer than the buffer
  EXPECT_FALSE(ParseAll(std::string("\x19\xF5\xFF\xFF\xFF\x0F", 6)).ok());  // list of 4G i32s
  EXPECT_FALSE(ParseAll(std::string("\x1D", 1)).ok());                      // unknown type 13
  EXPECT_FALSE(ParseAll(std::string("\x15\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\x01", 12))
                   .ok());                                  // varint > 10 bytes
  EXPECT_FALSE(ParseAll(std::string("\x15\x02", 2)).ok());  // no stop byte
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep.push_back(0x1C);  // nested structs
  Status st = ParseAll(deep);
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find("deep"), std::string::npos) << st.message();
  // i32 out of range.
  CompactReader r(reinterpret_cast<const uint8_t*>("\x15\xFF\xFF\xFF\xFF\x7F\x00"), 7);
  int32_t v;
  EXPECT_FALSE(r.ReadStruct([&](int16_t, CType t) { return r.ReadI32(t, &v); }).ok());
}

}  // namespace
}  // namespace cinelake::parquet::thrift
