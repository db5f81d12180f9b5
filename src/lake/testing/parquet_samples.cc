#include "lake/testing/parquet_samples.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <random>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "common/json_text.h"
#include "lake/dump_file.h"
#include "lake/parquet/parquet.h"
#include "lake/schemas.h"
#include "table/table.h"

namespace cinelake::testing {

namespace {

Status WriteWholeFile(const std::string& path, std::string_view data) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return Status::IOError(path + ": cannot open for writing");
  out.write(data.data(), static_cast<std::streamsize>(data.size()));
  out.close();
  if (!out) return Status::IOError(path + ": write failed");
  return Status::OK();
}

uint64_t Fnv1a(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}

const std::vector<std::string>& TrickyStrings() {
  static const std::vector<std::string> v = {
      "",
      "tt0111161",
      "plain ascii",
      "quote \" backslash \\ slash /",
      "tab\tnewline\ncarriage\r",
      "ctrl \x01\x1f\x7f end",
      "caf\xc3\xa9",                              // café, precomposed
      "cafe\xcc\x81 Zoe\xcc\x88",                 // combining acute / diaeresis
      "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e",     // 日本語
      "emoji \xf0\x9f\x8e\xac\xf0\x9f\x8d\xbf!",  // 🎬🍿 (4-byte)
      "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7",  // ZWJ family
      "\xd7\xa2\xd7\x91\xd7\xa8\xd7\x99\xd7\xaa rtl",                              // Hebrew
      "line\xe2\x80\xa8sep\xe2\x80\xa9para",                                       // U+2028, U+2029
      "NULL",
      "  padded  ",
      "null",
      std::string(1000, 'x') + "\xf0\x9f\x8e\xac",
  };
  return v;
}

const std::vector<std::vector<std::string>>& TrickyLists() {
  static const std::vector<std::vector<std::string>> v = {
      {},
      {""},
      {"", ""},
      {"Neo"},
      {"Thomas A. Anderson", "Neo", "The One"},
      {"Ame\xcc\x81lie", "\xf0\x9f\x8e\xac", "\xe6\x97\xa5\xe6\x9c\xac"},
      {"quote \"", "back\\slash", "new\nline"},
      {"a", "", "b", ""},
  };
  return v;
}

const std::vector<int32_t>& TrickyInt32s() {
  static const std::vector<int32_t> v = {
      0,  1,       -1,     std::numeric_limits<int32_t>::min(), std::numeric_limits<int32_t>::max(),
      42, -123456, 1000000};
  return v;
}

const std::vector<int64_t>& TrickyInt64s() {
  static const std::vector<int64_t> v = {0,
                                         1,
                                         -1,
                                         std::numeric_limits<int64_t>::min(),
                                         std::numeric_limits<int64_t>::max(),
                                         kMaxSafeJsonInteger,
                                         kMaxSafeJsonInteger + 1,
                                         -kMaxSafeJsonInteger,
                                         -kMaxSafeJsonInteger - 1,
                                         356000000,
                                         2800000000LL};
  return v;
}

const std::vector<double>& TrickyDoubles() {
  static const std::vector<double> v = {0.0,
                                        -0.0,
                                        1e308,
                                        5e-324,
                                        std::numeric_limits<double>::quiet_NaN(),
                                        std::numeric_limits<double>::infinity(),
                                        -std::numeric_limits<double>::infinity(),
                                        std::numeric_limits<double>::max(),
                                        std::numeric_limits<double>::min(),
                                        -std::numeric_limits<double>::max(),
                                        0.1,
                                        7.5,
                                        -2.5e-10,
                                        3.141592653589793,
                                        123456.789};
  return v;
}

const std::vector<int32_t>& TrickyDates() {
  static const std::vector<int32_t> v = {
      0,   // 1970-01-01
      -1,  // 1969-12-31
      Date::FromYmd(1900, 1, 1).days,
      Date::FromYmd(1600, 2, 29).days,
      Date::FromYmd(1, 1, 1).days,
      Date::FromYmd(2000, 2, 29).days,
      Date::FromYmd(2026, 11, 23).days,
      Date::FromYmd(2262, 4, 12).days,  // beyond nanosecond timestamps
      Date::FromYmd(9999, 12, 31).days,
  };
  return v;
}

const std::vector<int64_t>& TrickyTimestamps() {
  static const std::vector<int64_t> v = {
      0,
      -1,
      1,
      1764000000123456LL,   // 2025-11-24T16:00:00.123456Z
      -2208988800000000LL,  // 1900-01-01T00:00:00Z
      int64_t{Date::FromYmd(9999, 12, 31).days} * 86400000000LL + 86399999999LL,  // beyond 2^53
      1800000000000000LL,
  };
  return v;
}

const std::vector<int64_t>& TrickyDecimals() {  // unscaled, scale 2
  static const std::vector<int64_t> v = {0, 1250, -1250, 1, -1, 9999999999LL, -9999999999LL, 100, 5, 7125};
  return v;
}

// Random but valid text: ASCII mixed with 2-, 3- and 4-byte characters.
std::string RandomString(std::mt19937_64& rng, size_t max_len) {
  static const char* const kPieces[] = {"a",
                                        "b",
                                        "z",
                                        "Q",
                                        "0",
                                        "9",
                                        " ",
                                        "-",
                                        "_",
                                        "\xc3\xa9",
                                        "\xc3\xb1",
                                        "\xe6\x97\xa5",
                                        "\xe2\x82\xac",
                                        "\xf0\x9f\x8e\xac",
                                        "e\xcc\x81"};
  size_t len = rng() % (max_len + 1);
  std::string s;
  for (size_t i = 0; i < len; ++i) s += kPieces[rng() % std::size(kPieces)];
  return s;
}

// Fills one column: the first non-null rows walk through the tricky values of
// its type (so every one appears once there are enough rows), later rows are
// random. Row 1 is null in every nullable column; row 0 is null in none.
Column MakeColumn(const Field& field, size_t col_index, size_t rows, std::mt19937_64& rng) {
  Column col(field.type);
  col.Reserve(rows);
  size_t k = 0;  // index of the next tricky value
  for (size_t r = 0; r < rows; ++r) {
    bool null = field.nullable && r != 0 && (r == 1 || (r + col_index) % 5 == 4);
    if (null) {
      col.AppendNull();
      continue;
    }
    size_t i = k++;
    switch (field.type) {
      case DataType::kBool: col.AppendBool(i < 2 ? i == 0 : (rng() & 1)); break;
      case DataType::kInt32: {
        const auto& p = TrickyInt32s();
        col.AppendInt32(i < p.size() ? p[i] : static_cast<int32_t>(rng()));
        break;
      }
      case DataType::kInt64: {
        const auto& p = TrickyInt64s();
        col.AppendInt64(i < p.size() ? p[i] : static_cast<int64_t>(rng()));
        break;
      }
      case DataType::kDouble: {
        const auto& p = TrickyDoubles();
        double d = static_cast<double>(static_cast<int64_t>(rng() % 2000001) - 1000000) / 1024.0;
        col.AppendDouble(i < p.size() ? p[i] : d);
        break;
      }
      case DataType::kString: {
        const auto& p = TrickyStrings();
        col.AppendString(i < p.size() ? p[i] : RandomString(rng, 24));
        break;
      }
      case DataType::kDate: {
        const auto& p = TrickyDates();
        col.AppendInt32(i < p.size() ? p[i] : static_cast<int32_t>(rng() % 40000) - 5000);
        break;
      }
      case DataType::kTimestamp: {
        const auto& p = TrickyTimestamps();
        col.AppendInt64(
            i < p.size() ? p[i] : static_cast<int64_t>(rng() % 4000000000000000ULL) - 1000000000000000LL);
        break;
      }
      case DataType::kDecimal: {
        const auto& p = TrickyDecimals();
        col.AppendInt64(i < p.size() ? p[i] : static_cast<int64_t>(rng() % 19999999999ULL) - 9999999999LL);
        break;
      }
      case DataType::kStringList: {
        const auto& p = TrickyLists();
        if (i < p.size()) {
          col.AppendList(p[i]);
        } else {
          std::vector<std::string> items(rng() % 4);
          for (auto& s : items) s = RandomString(rng, 12);
          col.AppendList(items);
        }
        break;
      }
    }
  }
  return col;
}

Table MakeTable(const std::string& name, const Schema& schema, size_t rows, uint64_t seed) {
  std::mt19937_64 rng(seed ^ Fnv1a(name));
  std::vector<Column> cols;
  for (size_t c = 0; c < schema.size(); ++c) cols.push_back(MakeColumn(schema.field(c), c, rows, rng));
  return Table(schema, std::move(cols));
}

// Every type, required and optional, plus columns shaped for the dictionary:
// few distinct values, and (nearly) all distinct.
Table MakeTypesTable(size_t rows, uint64_t seed) {
  Schema schema{
      {"id", DataType::kString, false},
      {"s", DataType::kString, true},
      {"i32", DataType::kInt32, true},
      {"i32_req", DataType::kInt32, false},
      {"i64", DataType::kInt64, true},
      {"f64", DataType::kDouble, true},
      {"flag", DataType::kBool, true},
      {"day", DataType::kDate, true},
      {"ts", DataType::kTimestamp, true},
      {"amount", DataType::kDecimal, true, 10, 2},
      {"amount_req", DataType::kDecimal, false, 10, 2},
      {"tags", DataType::kStringList, true},
      {"tags_req", DataType::kStringList, false},
      {"low_card", DataType::kString, true},
      {"high_card", DataType::kString, false},
  };
  Table t = MakeTable("types", schema, rows, seed);
  // Rewrite the last two columns: 5 distinct values, and all distinct.
  static const char* const kKinds[] = {"movie", "tvSeries", "tvMiniSeries", "\xf0\x9f\x8e\xac short", ""};
  std::mt19937_64 rng(seed ^ 0x5eed);
  Column low(DataType::kString), high(DataType::kString);
  for (size_t r = 0; r < rows; ++r) {
    if (r % 11 == 3) {
      low.AppendNull();
    } else {
      low.AppendString(kKinds[rng() % std::size(kKinds)]);
    }
    high.AppendString("tt" + std::to_string(1000000 + r) + "-" + RandomString(rng, 8));
  }
  t.column(13) = std::move(low);
  t.column(14) = std::move(high);
  return t;
}

const char* CodecName(parquet::Codec c) {
  switch (c) {
    case parquet::Codec::kUncompressed: return "UNCOMPRESSED";
    case parquet::Codec::kSnappy: return "SNAPPY";
    case parquet::Codec::kZstd: return "ZSTD";
    case parquet::Codec::kGzip: return "GZIP";
    case parquet::Codec::kLz4Raw: return "LZ4_RAW";
    case parquet::Codec::kBrotli: return "BROTLI";
  }
  return "?";
}

struct Sample {
  std::string name;   // file stem
  std::string table;  // AllTables() name, or "types"
  Table data;
  parquet::WriteOptions options;
};

Status WriteSample(const std::string& dir, const Sample& s, std::string* manifest) {
  std::string bytes;
  std::string path = dir + "/" + s.name + ".parquet";
  RETURN_IF_ERROR(parquet::WriteParquet(s.data, s.options, &bytes).WithContext("writing " + path));
  RETURN_IF_ERROR(WriteWholeFile(path, bytes));
  RETURN_IF_ERROR(WriteWholeFile(dir + "/" + s.name + ".expected.jsonl", RowsAsJsonLines(s.data)));

  const auto& o = s.options;
  if (manifest->size() > 2) *manifest += ",\n";
  *manifest += "  {\"name\":";
  AppendJsonString(manifest, s.name);
  *manifest += ",\"file\":";
  AppendJsonString(manifest, s.name + ".parquet");
  *manifest += ",\"expected\":";
  AppendJsonString(manifest, s.name + ".expected.jsonl");
  *manifest += ",\"table\":";
  AppendJsonString(manifest, s.table);
  *manifest += ",\"rows\":" + std::to_string(s.data.num_rows());
  *manifest += ",\"codec\":\"" + std::string(CodecName(o.codec)) + "\"";
  *manifest += ",\"row_group_rows\":" + std::to_string(o.row_group_rows);
  *manifest += ",\"page_bytes\":" + std::to_string(o.page_bytes);
  *manifest += ",\"dictionary\":" + std::string(o.dictionary ? "true" : "false");
  *manifest += ",\"dictionary_max_bytes\":" + std::to_string(o.dictionary_max_bytes);
  *manifest += ",\"columns\":[";
  for (size_t i = 0; i < s.data.schema().size(); ++i) {
    const Field& f = s.data.schema().field(i);
    if (i) *manifest += ',';
    *manifest += "{\"name\":";
    AppendJsonString(manifest, f.name);
    *manifest += ",\"type\":";
    AppendJsonString(manifest, FieldTypeName(f));
    *manifest += f.nullable ? ",\"nullable\":true}" : ",\"nullable\":false}";
  }
  *manifest += "],\"metadata\":{";
  for (size_t i = 0; i < o.metadata.size(); ++i) {
    if (i) *manifest += ',';
    AppendJsonString(manifest, o.metadata[i].first);
    *manifest += ':';
    AppendJsonString(manifest, o.metadata[i].second);
  }
  *manifest += "}}";
  return Status::OK();
}

}  // namespace

Status WriteParquetSamples(const std::string& dir, size_t rows, uint64_t seed, size_t* files) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::IOError(dir + ": cannot create folder: " + ec.message());

  std::vector<Sample> samples;
  for (const TableDef& def : AllTables()) {
    samples.push_back({def.name, def.name, MakeTable(def.name, def.schema, rows, seed), {}});
  }

  // One table of every type under each writer option; enough rows that small
  // pages, row groups and dictionaries actually split.
  size_t n = std::max<size_t>(rows, 1000);
  Table types = MakeTypesTable(n, seed);
  auto variant = [&](std::string name, auto tweak) {
    parquet::WriteOptions o;
    tweak(o);
    samples.push_back({"types." + name, "types", types, o});
  };
  variant("snappy", [](parquet::WriteOptions&) {});
  variant("zstd", [](parquet::WriteOptions& o) { o.codec = parquet::Codec::kZstd; });
  variant("gzip", [](parquet::WriteOptions& o) { o.codec = parquet::Codec::kGzip; });
  variant("lz4_raw", [](parquet::WriteOptions& o) { o.codec = parquet::Codec::kLz4Raw; });
  variant("brotli", [](parquet::WriteOptions& o) { o.codec = parquet::Codec::kBrotli; });
  variant("uncompressed", [](parquet::WriteOptions& o) { o.codec = parquet::Codec::kUncompressed; });
  variant("tiny_pages", [](parquet::WriteOptions& o) { o.page_bytes = 128; });
  variant("row_groups", [](parquet::WriteOptions& o) { o.row_group_rows = 97; });
  variant("no_dictionary", [](parquet::WriteOptions& o) { o.dictionary = false; });
  variant("dictionary_overflow", [](parquet::WriteOptions& o) { o.dictionary_max_bytes = 512; });
  variant("everything", [](parquet::WriteOptions& o) {
    o.codec = parquet::Codec::kZstd;
    o.zstd_level = 9;
    o.page_bytes = 300;
    o.row_group_rows = 333;
    o.dictionary_max_bytes = 700;
    o.metadata = {{"cinelake.sample", "caf\xc3\xa9 \xf0\x9f\x8e\xac"}, {"empty", ""}};
  });
  variant("extreme", [](parquet::WriteOptions& o) {
    o.codec = parquet::Codec::kGzip;
    o.page_bytes = 1;  // a page per value
    o.row_group_rows = 7;
    o.dictionary_max_bytes = 64;
  });
  // Degenerate shapes: no rows, one row, and a column that is null throughout.
  samples.push_back({"types.empty", "types", MakeTypesTable(0, seed), {}});
  samples.push_back({"types.one_row", "types", MakeTypesTable(1, seed), {}});
  {
    Schema schema{{"id", DataType::kString, false},
                  {"nothing", DataType::kString, true},
                  {"no_ints", DataType::kInt64, true},
                  {"no_list", DataType::kStringList, true}};
    Table t(schema);
    for (size_t r = 0; r < 50; ++r) {
      t.column(0).AppendString("row" + std::to_string(r));
      t.column(1).AppendNull();
      t.column(2).AppendNull();
      t.column(3).AppendNull();
    }
    samples.push_back({"all_null", "all_null", std::move(t), {}});
  }

  std::string manifest = "[\n";
  for (const Sample& s : samples) RETURN_IF_ERROR(WriteSample(dir, s, &manifest));
  manifest += "\n]\n";
  RETURN_IF_ERROR(WriteWholeFile(dir + "/manifest.json", manifest));
  *files = samples.size();
  return Status::OK();
}

}  // namespace cinelake::testing
