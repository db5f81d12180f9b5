// Parquet codec benchmark: write and read a fact_popularity-shaped table.
//
// Builds 1.2 million rows by the rules below (bench/parquet_duckdb.mjs builds
// the same rows in DuckDB SQL, so the two are compared on identical data),
// then times, best of 5:
//   write: WriteParquet (snappy, default options) + writing the file to disk
//   read:  reading the file from disk + ReadParquet of every column into a Table
// Output is one "key value" line per figure, for scripts/bench.sh.
//
//   parquet_bench [--rows N] [--runs R] [--out FILE]
//
// Row i (0-based), the rules both benches share:
//   content_id          "tt" + (1000000 + ((i * 7919) % 2000) * 37)        2000 distinct
//   rank                (i % 2000) + 1
//   popularity          DECIMAL(10,2), unscaled (i * 2654435761) % 10000000
//   rank_change         ((i * 31) % 401) - 200, null when i % 10 == 0
//   is_new_joiner       i % 7 == 0
//   is_leaver           i % 11 == 0, null when i % 13 == 0
//   content_type        ["movie","tvSeries","tvMiniSeries","tvMovie","short"][i % 5]
//   rank_in_type        (i % 400) + 1
//   rank_change_in_type ((i * 17) % 201) - 100, null when i % 9 == 0
//   prev_load_date      2026-01-01 + i / 2000 days, null when i % 20 == 0
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "common/date.h"
#include "lake/parquet/parquet.h"
#include "lake/schemas.h"
#include "table/table.h"

namespace {

using cinelake::Column;
using cinelake::Date;
using cinelake::Table;

Table BuildFactPopularity(size_t rows) {
  const auto& def = cinelake::TableByName(cinelake::tables::kFactPopularity);
  Table t(def.schema);
  for (auto& c : t.columns()) c.Reserve(rows);
  static const char* const kTypes[] = {"movie", "tvSeries", "tvMiniSeries", "tvMovie", "short"};
  const int32_t base = Date::FromYmd(2026, 1, 1).days;
  Column& content_id = t.column("content_id");
  Column& rank = t.column("rank");
  Column& popularity = t.column("popularity");
  Column& rank_change = t.column("rank_change");
  Column& is_new_joiner = t.column("is_new_joiner");
  Column& is_leaver = t.column("is_leaver");
  Column& content_type = t.column("content_type");
  Column& rank_in_type = t.column("rank_in_type");
  Column& rank_change_in_type = t.column("rank_change_in_type");
  Column& prev_load_date = t.column("prev_load_date");
  char id[16];
  for (uint64_t i = 0; i < rows; ++i) {
    std::snprintf(id, sizeof id, "tt%07llu",
                  static_cast<unsigned long long>(1000000 + ((i * 7919) % 2000) * 37));
    content_id.AppendString(id);
    rank.AppendInt32(static_cast<int32_t>(i % 2000) + 1);
    popularity.AppendInt64(static_cast<int64_t>((i * 2654435761ULL) % 10000000));
    if (i % 10 == 0)
      rank_change.AppendNull();
    else
      rank_change.AppendInt32(static_cast<int32_t>((i * 31) % 401) - 200);
    is_new_joiner.AppendBool(i % 7 == 0);
    if (i % 13 == 0)
      is_leaver.AppendNull();
    else
      is_leaver.AppendBool(i % 11 == 0);
    content_type.AppendString(kTypes[i % 5]);
    rank_in_type.AppendInt32(static_cast<int32_t>(i % 400) + 1);
    if (i % 9 == 0)
      rank_change_in_type.AppendNull();
    else
      rank_change_in_type.AppendInt32(static_cast<int32_t>((i * 17) % 201) - 100);
    if (i % 20 == 0)
      prev_load_date.AppendNull();
    else
      prev_load_date.AppendInt32(base + static_cast<int32_t>(i / 2000));
    // The chart measures, by the same formulas as parquet_duckdb.mjs.
    const int32_t day = base + static_cast<int32_t>(i / 2000);
    t.column("days_on_list").AppendInt32(static_cast<int32_t>(i % 30) + 1);
    t.column("total_days_on_list").AppendInt32(static_cast<int32_t>(i % 90) + 1);
    t.column("peak_rank").AppendInt32(static_cast<int32_t>(i % 2000) / 2 + 1);
    t.column("peak_date").AppendInt32(day - static_cast<int32_t>(i % 5));
    t.column("debut_date").AppendInt32(day - static_cast<int32_t>(i % 30));
    if (i % 9 == 0) {
      t.column("peak_rank_in_type").AppendNull();
      t.column("peak_date_in_type").AppendNull();
    } else {
      t.column("peak_rank_in_type").AppendInt32(static_cast<int32_t>(i % 400) / 2 + 1);
      t.column("peak_date_in_type").AppendInt32(day - static_cast<int32_t>(i % 7));
    }
  }
  return t;
}

double Ms(std::chrono::steady_clock::duration d) {
  return std::chrono::duration<double, std::milli>(d).count();
}

bool WriteFile(const std::string& path, const std::string& data) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(data.data(), static_cast<std::streamsize>(data.size()));
  out.close();
  return static_cast<bool>(out);
}

bool ReadFile(const std::string& path, std::string* data) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buf;
  buf << in.rdbuf();
  *data = std::move(buf).str();
  return !in.bad();
}

int Fail(const std::string& what) {
  std::fprintf(stderr, "parquet_bench: %s\n", what.c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  size_t rows = 1'200'000;
  int runs = 5;
  std::string out = (std::filesystem::temp_directory_path() /
                     ("cinelake_parquet_bench." + std::to_string(getpid()) + ".parquet"))
                        .string();
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--rows" && i + 1 < argc)
      rows = std::strtoull(argv[++i], nullptr, 10);
    else if (a == "--runs" && i + 1 < argc)
      runs = std::max(1, std::atoi(argv[++i]));
    else if (a == "--out" && i + 1 < argc)
      out = argv[++i];
    else
      return Fail("usage: parquet_bench [--rows N] [--runs R] [--out FILE]");
  }

  auto t0 = std::chrono::steady_clock::now();
  Table table = BuildFactPopularity(rows);
  double build_ms = Ms(std::chrono::steady_clock::now() - t0);
  if (auto st = table.Validate(); !st.ok()) return Fail("bad table: " + st.ToString());

  cinelake::parquet::WriteOptions wopts;  // snappy, the production default
  double best_write = 1e300;
  std::string bytes;
  for (int r = 0; r < runs; ++r) {
    auto start = std::chrono::steady_clock::now();
    std::string buf;
    auto st = cinelake::parquet::WriteParquet(table, wopts, &buf);
    if (!st.ok()) return Fail("write: " + st.ToString());
    if (!WriteFile(out, buf)) return Fail("cannot write " + out);
    best_write = std::min(best_write, Ms(std::chrono::steady_clock::now() - start));
    bytes = std::move(buf);
  }
  // Printed before reading, so a failed read still leaves the write figures.
  std::printf("cinelake_rows %zu\n", rows);
  std::printf("cinelake_build_table_ms %.1f\n", build_ms);
  std::printf("cinelake_write_ms %.1f\n", best_write);
  std::printf("cinelake_file_bytes %zu\n", bytes.size());
  std::printf("cinelake_file %s\n", out.c_str());
  std::fflush(stdout);

  double best_read = 1e300;
  for (int r = 0; r < runs; ++r) {
    auto start = std::chrono::steady_clock::now();
    std::string data;
    if (!ReadFile(out, &data)) return Fail("cannot read " + out);
    Table back;
    auto st = cinelake::parquet::ReadParquet(data, out, {}, &back);
    if (!st.ok()) return Fail("read: " + st.ToString());
    best_read = std::min(best_read, Ms(std::chrono::steady_clock::now() - start));
    if (r == 0 && !back.Equals(table)) return Fail("read-back differs from what was written: " + out);
  }

  std::printf("cinelake_read_ms %.1f\n", best_read);
  return 0;
}
