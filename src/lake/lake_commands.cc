// `cinelake parquet`: inspect Parquet files with cinelake's own reader.
//
//   cinelake parquet schema FILE [--json]   columns (cinelake types, nullability),
//                                           row groups, rows, key-value metadata
//   cinelake parquet cat FILE [--columns a,b] [--json] [--limit N]
//   cinelake parquet samples DIR [--rows N] [--seed S]      (hidden; for tests)
//
// `cat --json` is the exchange format the interop tests compare against other
// readers, so it is exact: one JSON object per row, keys in column order;
// strings as JSON strings (invalid UTF-8 becomes U+FFFD); INT and BIGINT as
// numbers, except a BIGINT or TIMESTAMP outside +-(2^53-1), which JavaScript
// cannot hold exactly, as a decimal string; DOUBLE printed with %.17g (so it
// round-trips) and NaN/Infinity/-Infinity as strings; DECIMAL as a string with
// exactly `scale` digits ("12.50"); DATE as "YYYY-MM-DD" (ISO 8601 expanded
// years outside 0..9999: "+10000-01-01", "-0001-12-31"); TIMESTAMP as integer
// microseconds since the epoch; ARRAY<STRING> as an array; null as null.
//
// `samples` writes, for every table in AllTables() and for a table of every
// type under several writer options, DIR/<name>.parquet, the same rows as
// DIR/<name>.expected.jsonl in the `cat --json` format (rendered from the rows
// in memory, never read back), and DIR/manifest.json describing each file.
// The rows are deterministic for a given --rows and --seed and aim at the
// edges: nulls in every nullable column, multi-byte and combining text, empty
// strings and lists, integer extremes, signed zero, subnormals, NaN,
// infinities, decimal extremes, dates before 1970 and far in the future.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/command.h"
#include "common/date.h"
#include "lake/parquet/parquet.h"
#include "lake/schemas.h"
#include "lake/table.h"

namespace cinelake {

namespace {

// ---------------------------------------------------------------------------
// Files

Status ReadWholeFile(const std::string& path, std::string* out) {
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) return Status::NotFound(path + ": no such file");
  if (std::filesystem::is_directory(status)) return Status::IOError(path + ": is a folder, not a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path + ": cannot open for reading");
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return Status::IOError(path + ": read failed");
  *out = std::move(buf).str();
  return Status::OK();
}

Status WriteWholeFile(const std::string& path, std::string_view data) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return Status::IOError(path + ": cannot open for writing");
  out.write(data.data(), static_cast<std::streamsize>(data.size()));
  out.close();
  if (!out) return Status::IOError(path + ": write failed");
  return Status::OK();
}

// The codec names the file in its messages; make sure every failure does.
Status NameFile(const Status& st, const std::string& path) {
  if (st.ok() || st.message().find(path) != std::string::npos) return st;
  return st.WithContext(path);
}

// ---------------------------------------------------------------------------
// JSON rendering

// Length of the valid UTF-8 sequence starting at s[i], or 0 if it is invalid
// (truncated, overlong, a surrogate, or beyond U+10FFFF).
size_t Utf8SequenceLength(std::string_view s, size_t i) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(i);
  size_t n = s.size() - i;
  auto cont = [&](size_t k) { return k < s.size() && (b(k) & 0xC0) == 0x80; };
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return n >= 2 && cont(i + 1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (n < 3 || !cont(i + 1) || !cont(i + 2)) return 0;
    if (c == 0xE0 && b(i + 1) < 0xA0) return 0;   // overlong
    if (c == 0xED && b(i + 1) >= 0xA0) return 0;  // surrogates
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (n < 4 || !cont(i + 1) || !cont(i + 2) || !cont(i + 3)) return 0;
    if (c == 0xF0 && b(i + 1) < 0x90) return 0;   // overlong
    if (c == 0xF4 && b(i + 1) >= 0x90) return 0;  // beyond U+10FFFF
    return 4;
  }
  return 0;
}

void AppendJsonString(std::string* out, std::string_view s) {
  static const char kHex[] = "0123456789abcdef";
  out->push_back('"');
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      size_t len = Utf8SequenceLength(s, i);
      if (len == 0) {
        out->append("\\ufffd");
        ++i;
      } else {
        out->append(s.substr(i, len));
        i += len;
      }
      continue;
    }
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\b': out->append("\\b"); break;
      case '\f': out->append("\\f"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      default:
        if (c < 0x20) {
          out->append("\\u00");
          out->push_back(kHex[c >> 4]);
          out->push_back(kHex[c & 0xF]);
        } else {
          out->push_back(static_cast<char>(c));
        }
    }
    ++i;
  }
  out->push_back('"');
}

constexpr int64_t kMaxSafeInteger = (int64_t{1} << 53) - 1;

// "YYYY-MM-DD" for any int32 day count, proleptic Gregorian. Years outside
// 0..9999 use the ISO 8601 expanded form ("+10000-01-01", "-0001-12-31"), so
// a file from another writer (DuckDB stores DATE 'infinity' as 2^31-1) still
// prints its exact value. Civil-from-days after H. Hinnant's public algorithm.
std::string FormatDays(int32_t days) {
  int64_t z = int64_t{days} + 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int64_t d = doy - (153 * mp + 2) / 5 + 1;
  int64_t m = mp < 10 ? mp + 3 : mp - 9;
  int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  char buf[64];
  const char* sign = y > 9999 ? "+" : y < 0 ? "-" : "";
  std::snprintf(buf, sizeof buf, "%s%04lld-%02lld-%02lld", sign, static_cast<long long>(y < 0 ? -y : y),
                static_cast<long long>(m), static_cast<long long>(d));
  return buf;
}

// Text-mode cell: FormatCell, except dates, which FormatDays prints for
// every int32 (not only the years std::chrono can hold).
std::string TextCell(const Column& col, const Field& field, size_t row) {
  if (col.type() == DataType::kDate && col.IsValid(row)) return FormatDays(col.Int32(row));
  return FormatCell(col, field, row);
}

void AppendJsonInt64(std::string* out, int64_t v) {
  bool safe = v >= -kMaxSafeInteger && v <= kMaxSafeInteger;
  if (!safe) out->push_back('"');
  out->append(std::to_string(v));
  if (!safe) out->push_back('"');
}

void AppendJsonDouble(std::string* out, double v) {
  if (std::isnan(v)) {
    out->append("\"NaN\"");
  } else if (std::isinf(v)) {
    out->append(v > 0 ? "\"Infinity\"" : "\"-Infinity\"");
  } else {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    out->append(buf);
  }
}

void AppendJsonCell(std::string* out, const Column& col, const Field& field, size_t row) {
  if (col.IsNull(row)) {
    out->append("null");
    return;
  }
  switch (col.type()) {
    case DataType::kBool: out->append(col.Bool(row) ? "true" : "false"); return;
    case DataType::kInt32: out->append(std::to_string(col.Int32(row))); return;
    case DataType::kInt64:
    case DataType::kTimestamp: AppendJsonInt64(out, col.Int64(row)); return;
    case DataType::kDouble: AppendJsonDouble(out, col.Double(row)); return;
    case DataType::kString: AppendJsonString(out, col.String(row)); return;
    case DataType::kDate: AppendJsonString(out, FormatDays(col.Int32(row))); return;
    case DataType::kDecimal: AppendJsonString(out, FormatCell(col, field, row)); return;
    case DataType::kStringList: {
      out->push_back('[');
      for (size_t j = 0; j < col.ListSize(row); ++j) {
        if (j) out->push_back(',');
        AppendJsonString(out, col.ListItem(row, j));
      }
      out->push_back(']');
      return;
    }
  }
}

void AppendJsonRow(std::string* out, const Table& table, size_t row) {
  out->push_back('{');
  for (size_t c = 0; c < table.num_columns(); ++c) {
    if (c) out->push_back(',');
    AppendJsonString(out, table.schema().field(c).name);
    out->push_back(':');
    AppendJsonCell(out, table.column(c), table.schema().field(c), row);
  }
  out->append("}\n");
}

std::string JsonLines(const Table& table) {
  std::string out;
  for (size_t r = 0; r < table.num_rows(); ++r) AppendJsonRow(&out, table, r);
  return out;
}

std::string TypeName(const Field& f) {
  if (f.type == DataType::kDecimal) {
    return "DECIMAL(" + std::to_string(f.precision) + "," + std::to_string(f.scale) + ")";
  }
  return DataTypeName(f.type);
}

// ---------------------------------------------------------------------------
// schema / cat

Status LoadInfo(const std::string& path, parquet::FileInfo* info) {
  std::string bytes;
  RETURN_IF_ERROR(ReadWholeFile(path, &bytes));
  return NameFile(parquet::ReadParquetInfo(bytes, path, info), path);
}

Status RunSchema(const std::string& path, bool json) {
  parquet::FileInfo info;
  RETURN_IF_ERROR(LoadInfo(path, &info));
  std::string out;
  if (json) {
    out += "{\"file\":";
    AppendJsonString(&out, path);
    out += ",\"rows\":" + std::to_string(info.num_rows);
    out += ",\"row_groups\":" + std::to_string(info.num_row_groups);
    out += ",\"created_by\":";
    AppendJsonString(&out, info.created_by);
    out += ",\"columns\":[";
    for (size_t i = 0; i < info.schema.size(); ++i) {
      const Field& f = info.schema.field(i);
      if (i) out += ',';
      out += "{\"name\":";
      AppendJsonString(&out, f.name);
      out += ",\"type\":";
      AppendJsonString(&out, TypeName(f));
      out += f.nullable ? ",\"nullable\":true}" : ",\"nullable\":false}";
    }
    out += "],\"metadata\":[";
    for (size_t i = 0; i < info.metadata.size(); ++i) {
      if (i) out += ',';
      out += "{\"key\":";
      AppendJsonString(&out, info.metadata[i].first);
      out += ",\"value\":";
      AppendJsonString(&out, info.metadata[i].second);
      out += '}';
    }
    out += "]}\n";
  } else {
    size_t width = 4;
    for (const Field& f : info.schema.fields()) width = std::max(width, f.name.size());
    out += "file:        " + path + "\n";
    out += "rows:        " + std::to_string(info.num_rows) + "\n";
    out += "row groups:  " + std::to_string(info.num_row_groups) + "\n";
    out += "created by:  " + info.created_by + "\n";
    out += "columns (" + std::to_string(info.schema.size()) + "):\n";
    for (const Field& f : info.schema.fields()) {
      std::string type = TypeName(f);
      out += "  " + f.name + std::string(width - f.name.size() + 2, ' ') + type +
             std::string(type.size() < 16 ? 16 - type.size() : 1, ' ') +
             (f.nullable ? "nullable" : "not null") + "\n";
    }
    out += "key-value metadata (" + std::to_string(info.metadata.size()) + "):\n";
    for (const auto& [k, v] : info.metadata) out += "  " + k + " = " + v + "\n";
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return Status::OK();
}

struct CatOptions {
  std::string path;
  std::vector<std::string> columns;
  bool json = false;
  int64_t limit = -1;  // all rows
};

Status RunCat(const CatOptions& opt) {
  std::string bytes;
  RETURN_IF_ERROR(ReadWholeFile(opt.path, &bytes));
  parquet::ReadOptions read_options;
  read_options.columns = opt.columns;
  Table table;
  RETURN_IF_ERROR(NameFile(parquet::ReadParquet(bytes, opt.path, read_options, &table), opt.path));
  size_t rows = table.num_rows();
  if (opt.limit >= 0 && static_cast<uint64_t>(opt.limit) < rows) rows = static_cast<size_t>(opt.limit);

  std::string out;
  auto flush = [&] {
    std::fwrite(out.data(), 1, out.size(), stdout);
    out.clear();
  };
  if (!opt.json) {
    for (size_t c = 0; c < table.num_columns(); ++c) {
      if (c) out += '|';
      out += table.schema().field(c).name;
    }
    out += '\n';
  }
  for (size_t r = 0; r < rows; ++r) {
    if (opt.json) {
      AppendJsonRow(&out, table, r);
    } else {
      for (size_t c = 0; c < table.num_columns(); ++c) {
        if (c) out += '|';
        out += TextCell(table.column(c), table.schema().field(c), r);
      }
      out += '\n';
    }
    if (out.size() > (1 << 16)) flush();
  }
  flush();
  if (std::fflush(stdout) != 0) return Status::IOError("writing to stdout failed");
  return Status::OK();
}

// ---------------------------------------------------------------------------
// samples: deterministic tricky rows

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
                                         kMaxSafeInteger,
                                         kMaxSafeInteger + 1,
                                         -kMaxSafeInteger,
                                         -kMaxSafeInteger - 1,
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
  RETURN_IF_ERROR(WriteWholeFile(dir + "/" + s.name + ".expected.jsonl", JsonLines(s.data)));

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
    AppendJsonString(manifest, TypeName(f));
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

Status RunSamples(const std::string& dir, size_t rows, uint64_t seed) {
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
  std::printf("wrote %zu sample files to %s\n", samples.size(), dir.c_str());
  return Status::OK();
}

void Finish(const Status& st) {
  if (!st.ok()) Exit(ReportFailure(st));
}

}  // namespace

void RegisterLakeCommands(CLI::App& app) {
  auto* cmd = app.add_subcommand("parquet", "Inspect Parquet files (schema, rows)");
  cmd->require_subcommand(1);

  // Option storage lives as long as the callbacks that own it (and the app).
  struct SchemaArgs {
    std::string path;
    bool json = false;
  };
  auto* schema =
      cmd->add_subcommand("schema", "Columns (as cinelake types), row groups, rows, key-value metadata");
  auto schema_args = std::make_shared<SchemaArgs>();
  schema->add_option("FILE", schema_args->path, "Parquet file")->required();
  schema->add_flag("--json", schema_args->json, "One JSON object instead of text");
  schema->callback([schema_args] { Finish(RunSchema(schema_args->path, schema_args->json)); });

  auto* cat = cmd->add_subcommand("cat", "Print rows");
  auto cat_args = std::make_shared<CatOptions>();
  cat->add_option("FILE", cat_args->path, "Parquet file")->required();
  cat->add_option("--columns", cat_args->columns, "Columns to print, in this order (comma separated)")
      ->delimiter(',');
  cat->add_flag("--json", cat_args->json, "One JSON object per row, exact values");
  cat->add_option("--limit", cat_args->limit, "Print at most N rows")->check(CLI::NonNegativeNumber);
  cat->callback([cat_args] { Finish(RunCat(*cat_args)); });

  struct SamplesArgs {
    std::string dir;
    size_t rows = 64;
    uint64_t seed = 20261123;
  };
  auto* samples =
      cmd->add_subcommand("samples", "Write tricky sample files and their expected rows (for tests)");
  samples->group("");
  auto samples_args = std::make_shared<SamplesArgs>();
  samples->add_option("DIR", samples_args->dir, "Output folder")->required();
  samples->add_option("--rows", samples_args->rows, "Rows per table")->capture_default_str();
  samples->add_option("--seed", samples_args->seed, "Seed for the random rows")->capture_default_str();
  samples->callback(
      [samples_args] { Finish(RunSamples(samples_args->dir, samples_args->rows, samples_args->seed)); });
}

}  // namespace cinelake
