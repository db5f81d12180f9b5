#include <gtest/gtest.h>
#include <zlib.h>

#include <string>

#include "sources/tmdb_export_file.h"
#include "sources/tmdb_export_gunzip.h"
#include "sources/tmdb_export_lines.h"

namespace cinelake {
namespace {

std::string Gzip(const std::string& text) {
  z_stream z{};
  EXPECT_EQ(deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&z, text.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  z.avail_in = static_cast<uInt>(text.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

// Feeds `gz` in chunks of `chunk` bytes; the text handed out, or the error.
Result<std::string> Gunzip(const std::string& gz, size_t chunk) {
  std::string text;
  GzipLineStream stream("test.gz", [&](std::string_view lines) {
    text.append(lines);
    return Status::OK();
  });
  for (size_t i = 0; i < gz.size(); i += chunk) {
    RETURN_IF_ERROR(stream.Feed(std::string_view(gz).substr(i, chunk)));
  }
  RETURN_IF_ERROR(stream.Finish());
  return text;
}

TEST(GzipLineStreamTest, HandsOutWholeLinesWhateverTheChunks) {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "{\"id\":" + std::to_string(i) + ",\"popularity\":1.5}\n";
  text += "last line without newline";
  std::string gz = Gzip(text);
  for (size_t chunk : {size_t{1} << 20, size_t{7}, size_t{4096}}) {
    auto out = Gunzip(gz, chunk);
    ASSERT_TRUE(out.ok()) << out.status().ToString();
    EXPECT_EQ(*out, text);
  }
  std::string blocks_seen;
  GzipLineStream stream("x.gz", [&](std::string_view lines) {
    EXPECT_FALSE(lines.empty());
    if (lines.back() != '\n') blocks_seen = "partial";
    return Status::OK();
  });
  ASSERT_TRUE(stream.Feed(gz).ok());
  EXPECT_TRUE(blocks_seen.empty());
}

TEST(GzipLineStreamTest, ConcatenatedMembersAreOneStream) {
  auto out = Gunzip(Gzip("a\nb\n") + Gzip("c\n"), 3);
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(*out, "a\nb\nc\n");
}

TEST(GzipLineStreamTest, TruncatedAndCorruptStreamsFailNamingTheFile) {
  std::string gz = Gzip(std::string(100000, 'x') + "\n");
  auto truncated = Gunzip(gz.substr(0, gz.size() / 2), 1000);
  ASSERT_FALSE(truncated.ok());
  EXPECT_EQ(truncated.status().code(), Status::Code::kCorruption);
  EXPECT_NE(truncated.status().message().find("test.gz: truncated gzip"), std::string::npos)
      << truncated.status().ToString();
  auto garbage = Gunzip("this is not gzip at all", 4);
  ASSERT_FALSE(garbage.ok());
  EXPECT_NE(garbage.status().message().find("test.gz: bad gzip data"), std::string::npos);
  EXPECT_FALSE(Gunzip("", 4).ok());  // an empty body is no export file
}

ExportBatch Parse(const std::string& text) {
  ExportLineParser parser;
  ExportBatch batch;
  parser.ParseBlock(text, &batch);
  return batch;
}

TEST(ExportLineParserTest, KeepsWellFormedLinesAsExported) {
  ExportBatch b = Parse(
      "{\"adult\":false,\"id\":3924,\"original_title\":\"Blondie\",\"popularity\":2.87,\"video\":false}\n"
      "\n"
      "{\"id\":1399,\"original_name\":\"Caf\\u00e9 \\\"X\\\"\",\"popularity\":12,\"extra\":{\"a\":[1]}}\n"
      "{\"adult\":true,\"id\":7,\"original_title\":null,\"popularity\":0,\"video\":true}\n");
  ASSERT_EQ(b.size(), 3u);
  EXPECT_EQ(b.lines, 3);
  EXPECT_EQ(b.malformed, 0);
  EXPECT_EQ(b.id[0], 3924);
  EXPECT_EQ(b.title(0), "Blondie");
  EXPECT_DOUBLE_EQ(b.popularity[0], 2.87);
  EXPECT_EQ(b.adult[0], 0);
  EXPECT_EQ(b.title(1), "Caf\xc3\xa9 \"X\"");
  EXPECT_EQ(b.adult[1], -1);
  EXPECT_EQ(b.video[1], -1);
  EXPECT_DOUBLE_EQ(b.popularity[1], 12.0);
  EXPECT_EQ(b.title_valid[2], 0);
  EXPECT_EQ(b.adult[2], 1);
  EXPECT_FALSE(b.ids_ascending);
}

TEST(ExportLineParserTest, CountsAndSkipsMalformedLines) {
  ExportBatch b = Parse(
      "{\"id\":1,\"popularity\":1}\n"
      "not json\n"
      "{\"id\":\"2\",\"popularity\":1}\n"
      "{\"id\":3}\n"
      "{\"id\":-4,\"popularity\":1}\n"
      "{\"id\":5,\"popularity\":1} trailing\n"
      "{\"id\":6,\"popularity\":1,\"original_title\":\"\xff\xfe\"}\n"
      "{\"id\":7,\"popularity\":1e9}\n"
      "{\"id\":8,\"popularity\":1,\"adult\":\"no\"}\n"
      "[1,2]\n"
      "{\"id\":9,\"popularity\":2\n"
      "{\"id\":10,\"popularity\":3}");
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(b.id[0], 1);
  EXPECT_EQ(b.id[1], 10);
  EXPECT_EQ(b.lines, 12);
  EXPECT_EQ(b.malformed, 10);
  ASSERT_EQ(b.malformed_examples.size(), ExportLineParser::kExamplesKept);
  EXPECT_EQ(b.malformed_examples[0].rfind("line 2: ", 0), 0u) << b.malformed_examples[0];
  EXPECT_EQ(b.malformed_examples[1], "line 3: id is not an integer");
}

TEST(ExportFileTest, NamesAsTmdbPublishes) {
  EXPECT_EQ(ExportFileName(ExportKind::kMovie, Date::FromYmd(2026, 3, 7)), "movie_ids_03_07_2026.json.gz");
  EXPECT_EQ(ExportFileName(ExportKind::kSeries, Date::FromYmd(2026, 12, 1)),
            "tv_series_ids_12_01_2026.json.gz");
}

}  // namespace
}  // namespace cinelake
