// Helpers shared by the Parquet tests: footer access and editing, files
// built page by page (the shapes other writers produce and ours never
// does), and random tables.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "lake/parquet/metadata.h"
#include "lake/parquet/parquet.h"
#include "table/table.h"

namespace cinelake::parquet::testing {

// The footer of a complete Parquet file (expects it to parse).
inline FileMetaData ReadFooter(const std::string& bytes) {
  uint32_t len;
  std::memcpy(&len, bytes.data() + bytes.size() - 8, 4);
  FileMetaData md;
  Status st =
      ParseFileMetaData(reinterpret_cast<const uint8_t*>(bytes.data()) + bytes.size() - 8 - len, len, &md);
  EXPECT_TRUE(st.ok()) << st.ToString();
  return md;
}

inline void PutU32(uint32_t v, std::string* out) {
  for (int i = 0; i < 4; ++i) out->push_back(static_cast<char>(v >> (8 * i)));
}

// "PAR1", data (so its first byte is at offset 4), md as the footer, the
// footer's length and "PAR1".
inline std::string AssembleFile(const std::string& data, const FileMetaData& md) {
  std::string file = "PAR1" + data;
  std::string footer;
  SerializeFileMetaData(md, &footer);
  file += footer;
  PutU32(static_cast<uint32_t>(footer.size()), &file);
  file += "PAR1";
  return file;
}

// Rewrites the footer of a complete file after `edit` changes it.
inline std::string EditFooter(const std::string& bytes, const std::function<void(FileMetaData*)>& edit) {
  uint32_t len;
  std::memcpy(&len, bytes.data() + bytes.size() - 8, 4);
  FileMetaData md = ReadFooter(bytes);
  edit(&md);
  return AssembleFile(bytes.substr(4, bytes.size() - 8 - len - 4), md);
}

// A page as stored: its header (sizes included) and body.
struct Page {
  PageHeader header;
  std::string body;
};

// Every page of one column chunk of a complete file, in order (expects the
// headers to parse).
inline std::vector<Page> ChunkPages(const std::string& file, const ColumnMetaData& m) {
  size_t pos = static_cast<size_t>(m.dictionary_page_offset.value_or(m.data_page_offset));
  const size_t end = pos + static_cast<size_t>(m.total_compressed_size);
  std::vector<Page> pages;
  while (pos < end) {
    Page p;
    size_t hlen = 0;
    Status st =
        ParsePageHeader(reinterpret_cast<const uint8_t*>(file.data()) + pos, end - pos, &p.header, &hlen);
    EXPECT_TRUE(st.ok()) << st.ToString();
    if (!st.ok()) break;
    p.body = file.substr(pos + hlen, static_cast<size_t>(p.header.compressed_page_size));
    pos += hlen + p.body.size();
    pages.push_back(std::move(p));
  }
  return pages;
}

// A one-row-group file of one leaf column: `schema` is the whole tree (root
// first), `path` the leaf's path, `pages` its column chunk. Sizes and
// offsets are filled in; num_values counts level entries, as in Parquet.
inline std::string OneColumnFile(const std::vector<SchemaElement>& schema,
                                 const std::vector<std::string>& path, int32_t codec_id,
                                 const std::vector<Page>& pages, int64_t num_values, int64_t rows) {
  std::string data;
  for (const Page& p : pages) {
    SerializePageHeader(p.header, &data);
    data += p.body;
  }
  ColumnMetaData cm;
  cm.type = *schema.back().type;
  cm.encodings = {0, 3};  // PLAIN, RLE
  cm.path = path;
  cm.codec = codec_id;
  cm.num_values = num_values;
  cm.total_uncompressed_size = cm.total_compressed_size = static_cast<int64_t>(data.size());
  cm.data_page_offset = 4;
  if (!pages.empty() && pages[0].header.dictionary) {
    cm.dictionary_page_offset = 4;
    std::string first;
    SerializePageHeader(pages[0].header, &first);
    cm.data_page_offset += static_cast<int64_t>(first.size() + pages[0].body.size());
  }
  ColumnChunk cc;
  cc.file_offset = 4;
  cc.meta = cm;
  RowGroup rg;
  rg.columns = {cc};
  rg.num_rows = rows;
  rg.total_byte_size = cm.total_uncompressed_size;
  FileMetaData md;
  md.schema = schema;
  md.num_rows = rows;
  md.row_groups = {rg};
  return AssembleFile(data, md);
}

// `t` written in row groups of `row_group_rows` and pages of about
// `page_bytes` (small values give small files many of each), with `codec` and
// dictionaries on or off. Expects the write to succeed.
inline std::string PagedFile(const Table& t, Codec codec, bool dictionary, size_t row_group_rows,
                             size_t page_bytes) {
  WriteOptions wo;
  wo.codec = codec;
  wo.dictionary = dictionary;
  wo.row_group_rows = row_group_rows;
  wo.page_bytes = page_bytes;
  std::string bytes;
  Status st = WriteParquet(t, wo, &bytes);
  EXPECT_TRUE(st.ok()) << st.ToString();
  return bytes;
}

// What a complete file reads back as (expects the read to succeed).
inline Table ReadBack(const std::string& bytes, const ReadOptions& ro = {}) {
  Table back;
  Status st = ReadParquet(bytes, "mem.parquet", ro, &back);
  EXPECT_TRUE(st.ok()) << st.ToString();
  return back;
}

// One column of every type the Table holds, decimals on both physical
// layouts (<= 18 digits as INT64, wider as FIXED_LEN_BYTE_ARRAY).
inline Schema AllTypesSchema(bool nullable) {
  std::vector<Field> fields = {{"b", DataType::kBool},
                               {"i", DataType::kInt32},
                               {"l", DataType::kInt64},
                               {"d", DataType::kDouble},
                               {"s", DataType::kString},
                               {"dt", DataType::kDate},
                               {"ts", DataType::kTimestamp},
                               {"dec", DataType::kDecimal, true, 12, 3},
                               {"big", DataType::kDecimal, true, 30, 4},
                               {"tags", DataType::kStringList}};
  for (Field& f : fields) f.nullable = nullable;  // all alike: nullable, or all required
  return Schema(std::move(fields));
}

// A random table: `rows` rows over `schema`, about null_ratio nulls in
// nullable columns, strings with unicode/empty values, extreme numbers.
inline Table RandomTable(const Schema& schema, size_t rows, std::mt19937_64& rng, double null_ratio = 0.2) {
  Table t(schema);
  std::uniform_real_distribution<double> u(0, 1);
  const std::vector<std::string> words = {
      "",  "a",  "héllo", "日本語", "content_123", "z", "\xF0\x9F\x8E\xAC film", std::string(300, 'x'),
      "A", "aa", "b\0c"};
  auto rand_string = [&]() -> std::string {
    if (u(rng) < 0.5) return words[rng() % words.size()];
    std::string s;
    size_t n = rng() % 24;
    for (size_t i = 0; i < n; ++i) s.push_back(static_cast<char>(rng() % 256));
    return s;
  };
  auto rand_i64 = [&]() -> int64_t {
    switch (rng() % 6) {
      case 0: return INT64_MIN;
      case 1: return INT64_MAX;
      case 2: return 0;
      case 3: return static_cast<int64_t>(rng() % 100);
      default: return static_cast<int64_t>(rng());
    }
  };
  for (size_t c = 0; c < schema.size(); ++c) {
    const Field& f = schema.field(c);
    Column& col = t.column(c);
    // Low-cardinality columns exercise dictionaries; others the fallback.
    bool low_card = rng() % 2;
    for (size_t r = 0; r < rows; ++r) {
      if (f.nullable && u(rng) < null_ratio) {
        col.AppendNull();
        continue;
      }
      switch (f.type) {
        case DataType::kBool: col.AppendBool(rng() % 2); break;
        case DataType::kInt32:
        case DataType::kDate: {
          int32_t v =
              low_card ? static_cast<int32_t>(rng() % 7) - 3
                       : (rng() % 5 == 0 ? (rng() % 2 ? INT32_MIN : INT32_MAX) : static_cast<int32_t>(rng()));
          col.AppendInt32(v);
          break;
        }
        case DataType::kInt64:
        case DataType::kTimestamp:
          col.AppendInt64(low_card ? static_cast<int64_t>(rng() % 5) : rand_i64());
          break;
        case DataType::kDecimal: {
          int64_t limit = 1;
          for (int i = 0; i < std::min(f.precision, 18); ++i) limit *= 10;
          int64_t v = static_cast<int64_t>(rng() % static_cast<uint64_t>(limit));
          col.AppendInt64(rng() % 2 ? v : -v);
          break;
        }
        case DataType::kDouble: {
          const double specials[] = {0.0,
                                     -0.0,
                                     1.5,
                                     -1e308,
                                     1e-308,
                                     std::numeric_limits<double>::infinity(),
                                     -std::numeric_limits<double>::infinity(),
                                     std::nan("")};
          col.AppendDouble(low_card || rng() % 3 == 0 ? specials[rng() % 8] : u(rng) * 1e6 - 5e5);
          break;
        }
        case DataType::kString:
          col.AppendString(low_card ? words[rng() % words.size()] : rand_string());
          break;
        case DataType::kStringList: {
          std::vector<std::string> items(rng() % 5);
          for (auto& s : items) s = low_card ? words[rng() % 4] : rand_string();
          col.AppendList(items);
          break;
        }
      }
    }
  }
  return t;
}

}  // namespace cinelake::parquet::testing
