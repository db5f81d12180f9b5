#include "sandbox/export_file.h"

#include <gtest/gtest.h>
#include <libdeflate.h>

#include <algorithm>
#include <nlohmann/json.hpp>

namespace cinelake::sandbox {
namespace {

TEST(SandboxExportTest, FileNamesRoundTrip) {
  Date d = Date::FromYmd(2026, 3, 7);
  EXPECT_EQ(ExportFileName(Kind::kMovie, d), "movie_ids_03_07_2026.json.gz");
  EXPECT_EQ(ExportFileName(Kind::kSeries, d), "tv_series_ids_03_07_2026.json.gz");
  auto m = ParseExportName("movie_ids_03_07_2026.json.gz");
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->kind, Kind::kMovie);
  EXPECT_EQ(m->date, d);
  auto s = ParseExportName("tv_series_ids_12_31_2025.json.gz");
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->kind, Kind::kSeries);
  for (const char* bad :
       {"movie_ids_13_07_2026.json.gz", "movie_ids_03_07_2026.json", "person_ids_03_07_2026.json.gz",
        "movie_ids_3_7_2026.json.gz", "movie_ids_02_30_2026.json.gz"}) {
    EXPECT_FALSE(ParseExportName(bad).has_value()) << bad;
  }
}

TEST(SandboxExportTest, LinesAreDeterministicJsonWithWorldTitlesIncluded) {
  World w(42);
  Date day = Date::FromYmd(2026, 5, 5);
  std::string a = ExportLines(w, Kind::kMovie, day, 5000);
  EXPECT_EQ(a, ExportLines(w, Kind::kMovie, day, 5000));
  EXPECT_NE(a, ExportLines(w, Kind::kMovie, day + 1, 5000));
  EXPECT_EQ(std::count(a.begin(), a.end(), '\n'), 5000);
  size_t first_end = a.find('\n');
  auto first = nlohmann::json::parse(a.substr(0, first_end));
  for (const char* f : {"adult", "id", "original_title", "popularity", "video"})
    EXPECT_TRUE(first.contains(f)) << f;
  // The XSS title's JSON escaping survives, and a non-ASCII title is there.
  EXPECT_NE(a.find(std::string("\"original_title\":\"") + std::string(World::kXssTitle) + "\""),
            std::string::npos);
  EXPECT_NE(a.find("千と千尋の神隠し"), std::string::npos);

  std::string tv = ExportLines(w, Kind::kSeries, day, 2000);
  EXPECT_EQ(std::count(tv.begin(), tv.end(), '\n'), 2000);
  auto tv_first = nlohmann::json::parse(tv.substr(0, tv.find('\n')));
  EXPECT_TRUE(tv_first.contains("original_name"));
  EXPECT_FALSE(tv_first.contains("adult"));
}

TEST(SandboxExportTest, GzipDecompressesToTheLines) {
  World w(3);
  Date day = Date::FromYmd(2026, 1, 9);
  std::string text = ExportLines(w, Kind::kSeries, day, 20000);
  auto gz = ExportGzip(w, Kind::kSeries, day, 20000);
  ASSERT_TRUE(gz.ok());
  EXPECT_LT(gz->size(), text.size() / 3);
  std::string out(text.size(), '\0');
  size_t got = 0;
  auto* d = libdeflate_alloc_decompressor();
  auto rc = libdeflate_gzip_decompress(d, gz->data(), gz->size(), out.data(), out.size(), &got);
  libdeflate_free_decompressor(d);
  ASSERT_EQ(rc, LIBDEFLATE_SUCCESS);
  out.resize(got);
  EXPECT_EQ(out, text);
}

}  // namespace
}  // namespace cinelake::sandbox
