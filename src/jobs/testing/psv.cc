#include "jobs/testing/psv.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <vector>

#include "common/date.h"

namespace cinelake::testing {

namespace {

std::vector<std::string_view> Split(std::string_view line, std::string_view sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t pos = line.find(sep, start);
    if (pos == std::string_view::npos) {
      out.push_back(line.substr(start));
      return out;
    }
    out.push_back(line.substr(start, pos - start));
    start = pos + sep.size();
  }
}

template <typename T>
bool ParseInt(std::string_view text, T* out) {
  if (text.empty()) return false;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), *out);
  return ec == std::errc() && ptr == text.data() + text.size();
}

bool ParseDecimal(std::string_view text, int scale, int64_t* out) {
  bool neg = !text.empty() && text[0] == '-';
  if (neg) text.remove_prefix(1);
  size_t dot = text.find('.');
  std::string_view whole = text.substr(0, dot);
  std::string_view frac = dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
  if (whole.empty() || static_cast<int>(frac.size()) > scale) return false;
  int64_t w = 0;
  if (!ParseInt(whole, &w) || w < 0) return false;
  int64_t f = 0;
  for (int i = 0; i < scale; ++i) {
    char c = i < static_cast<int>(frac.size()) ? frac[i] : '0';
    if (c < '0' || c > '9') return false;
    f = f * 10 + (c - '0');
  }
  int64_t mult = 1;
  for (int i = 0; i < scale; ++i) mult *= 10;
  int64_t v = w * mult + f;
  *out = neg ? -v : v;
  return true;
}

}  // namespace

Result<int64_t> ParseTimestampMicros(std::string_view text) {
  auto bad = [&] {
    return Status::InvalidArgument("invalid timestamp '" + std::string(text) +
                                   "': expected YYYY-MM-DDTHH:MM:SSZ");
  };
  if (text.size() < 20 || text[10] != 'T' || text.back() != 'Z' || text[13] != ':' || text[16] != ':') {
    return bad();
  }
  auto date = Date::Parse(text.substr(0, 10));
  if (!date.ok()) return bad();
  int h = 0, m = 0, s = 0;
  if (!ParseInt(text.substr(11, 2), &h) || !ParseInt(text.substr(14, 2), &m) ||
      !ParseInt(text.substr(17, 2), &s) || h > 23 || m > 59 || s > 59) {
    return bad();
  }
  int64_t micros = 0;
  std::string_view rest = text.substr(19, text.size() - 20);
  if (!rest.empty()) {
    if (rest[0] != '.' || rest.size() < 2 || rest.size() > 7) return bad();
    for (size_t i = 1; i < 7; ++i) {
      char c = i < rest.size() ? rest[i] : '0';
      if (c < '0' || c > '9') return bad();
      micros = micros * 10 + (c - '0');
    }
  }
  return (int64_t{date->days} * 86400 + h * 3600 + m * 60 + s) * 1'000'000 + micros;
}

Status ParseCell(std::string_view text, const Field& field, Column* column) {
  if (text == "NULL") {
    column->AppendNull();
    return Status::OK();
  }
  auto bad = [&](const char* what) {
    return Status::InvalidArgument("column '" + field.name + "': '" + std::string(text) + "' is not " + what);
  };
  switch (field.type) {
    case DataType::kBool:
      if (text == "true")
        column->AppendBool(true);
      else if (text == "false")
        column->AppendBool(false);
      else
        return bad("true/false");
      return Status::OK();
    case DataType::kInt32: {
      int32_t v = 0;
      if (!ParseInt(text, &v)) return bad("an INT");
      column->AppendInt32(v);
      return Status::OK();
    }
    case DataType::kInt64: {
      int64_t v = 0;
      if (!ParseInt(text, &v)) return bad("a BIGINT");
      column->AppendInt64(v);
      return Status::OK();
    }
    case DataType::kDouble: {
      std::string copy(text);
      char* end = nullptr;
      double v = std::strtod(copy.c_str(), &end);
      if (copy.empty() || end != copy.c_str() + copy.size()) return bad("a DOUBLE");
      column->AppendDouble(v);
      return Status::OK();
    }
    case DataType::kString: column->AppendString(text); return Status::OK();
    case DataType::kDate: {
      auto d = Date::Parse(text);
      if (!d.ok()) return bad("a DATE (YYYY-MM-DD)");
      column->AppendInt32(d->days);
      return Status::OK();
    }
    case DataType::kTimestamp: {
      auto t = ParseTimestampMicros(text);
      if (!t.ok()) return bad("a TIMESTAMP (YYYY-MM-DDTHH:MM:SSZ)");
      column->AppendInt64(*t);
      return Status::OK();
    }
    case DataType::kDecimal: {
      int64_t v = 0;
      if (!ParseDecimal(text, field.scale, &v)) return bad("a DECIMAL");
      column->AppendInt64(v);
      return Status::OK();
    }
    case DataType::kStringList: {
      if (text.size() < 2 || text.front() != '[' || text.back() != ']') return bad("a list [a, b]");
      std::string_view inner = text.substr(1, text.size() - 2);
      std::vector<std::string> items;
      if (!inner.empty()) {
        for (auto item : Split(inner, ", ")) items.emplace_back(item);
      }
      column->AppendList(items);
      return Status::OK();
    }
  }
  return bad("a known type");
}

Result<Table> ParsePsv(std::string_view text, const Schema& schema, std::string_view name) {
  std::vector<std::string_view> lines;
  for (auto line : Split(text, "\n")) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty()) lines.push_back(line);
  }
  std::string where(name);
  if (lines.empty()) return Status::InvalidArgument(where + ": no header line");
  std::vector<std::string_view> header = Split(lines[0], "|");
  // header position -> schema field index
  std::vector<int> field_of(header.size());
  std::vector<bool> present(schema.size(), false);
  for (size_t h = 0; h < header.size(); ++h) {
    int f = schema.FieldIndex(header[h]);
    if (f < 0) return Status::InvalidArgument(where + ":1: unknown column '" + std::string(header[h]) + "'");
    if (present[f])
      return Status::InvalidArgument(where + ":1: column '" + std::string(header[h]) + "' twice");
    present[f] = true;
    field_of[h] = f;
  }
  for (size_t f = 0; f < schema.size(); ++f) {
    if (!present[f] && !schema.field(f).nullable) {
      return Status::InvalidArgument(where + ":1: key column '" + schema.field(f).name + "' missing");
    }
  }
  Table table(schema);
  for (size_t i = 1; i < lines.size(); ++i) {
    std::string at = where + ":" + std::to_string(i + 1);
    std::vector<std::string_view> cells = Split(lines[i], "|");
    if (cells.size() != header.size()) {
      return Status::InvalidArgument(at + ": " + std::to_string(cells.size()) + " cells, header has " +
                                     std::to_string(header.size()));
    }
    for (size_t h = 0; h < cells.size(); ++h) {
      RETURN_IF_ERROR(
          ParseCell(cells[h], schema.field(field_of[h]), &table.column(field_of[h])).WithContext(at));
    }
    for (size_t f = 0; f < schema.size(); ++f) {
      if (!present[f]) table.column(f).AppendNull();
    }
  }
  RETURN_IF_ERROR(table.Validate().WithContext(where));
  return table;
}

std::string FormatPsv(const Table& table) {
  std::string out;
  for (size_t c = 0; c < table.num_columns(); ++c) {
    if (c) out += '|';
    out += table.schema().field(c).name;
  }
  out += '\n';
  for (size_t r = 0; r < table.num_rows(); ++r) {
    for (size_t c = 0; c < table.num_columns(); ++c) {
      if (c) out += '|';
      out += FormatCell(table.column(c), table.schema().field(c), r);
    }
    out += '\n';
  }
  return out;
}

}  // namespace cinelake::testing
