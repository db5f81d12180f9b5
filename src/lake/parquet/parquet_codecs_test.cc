// LZ4_RAW and BROTLI, which pyarrow and Spark write: files our writer makes
// with them read back equal; their pages are what the format says they are
// (a raw LZ4 block, no frame; one plain Brotli stream), checked by decoding
// them with liblz4 and libbrotli directly rather than with our codec; and
// pages the libraries compress themselves read through our reader.
#include <brotli/decode.h>
#include <brotli/encode.h>
#include <gtest/gtest.h>
#include <lz4.h>

#include <random>
#include <string>
#include <vector>

#include "lake/parquet/compression.h"
#include "lake/parquet/format.h"
#include "lake/parquet/metadata.h"
#include "lake/parquet/parquet.h"
#include "lake/parquet/testing/test_util.h"

namespace cinelake::parquet {
namespace {

Table Sample() {
  std::mt19937_64 rng(20240607);
  const Schema schema = testing::AllTypesSchema(true);
  return testing::RandomTable(schema, 900, rng);
}

std::string Write(const Table& t, Codec codec, bool dictionary = true) {
  WriteOptions wo;
  wo.codec = codec;
  wo.dictionary = dictionary;
  wo.row_group_rows = 400;  // several row groups of several pages
  wo.page_bytes = 1500;
  std::string bytes;
  Status st = WriteParquet(t, wo, &bytes);
  EXPECT_TRUE(st.ok()) << st.ToString();
  return bytes;
}

TEST(ParquetCodecs, Lz4RawAndBrotliRoundTrip) {
  const Table t = Sample();
  for (Codec c : {Codec::kLz4Raw, Codec::kBrotli}) {
    for (bool dictionary : {true, false}) {
      std::string bytes = Write(t, c, dictionary);
      FileMetaData md = testing::ReadFooter(bytes);
      ASSERT_GE(md.row_groups.size(), 2u);
      for (const auto& rg : md.row_groups) {
        for (const auto& cc : rg.columns) EXPECT_EQ(cc.meta->codec, CodecId(c)) << CodecName(CodecId(c));
      }
      Table back;
      Status st = ReadParquet(bytes, "codec.parquet", ReadOptions(), &back);
      ASSERT_TRUE(st.ok()) << st.ToString();
      EXPECT_TRUE(back.Equals(t)) << CodecName(CodecId(c)) << " dictionary " << dictionary;
    }
  }
}

// Decodes a page body with the codec's own library.
std::string LibraryDecompress(int32_t codec_id, const std::string& body, size_t size) {
  std::string out(size, '\0');
  if (codec_id == codec::kLz4Raw) {
    int n =
        LZ4_decompress_safe(body.data(), out.data(), static_cast<int>(body.size()), static_cast<int>(size));
    EXPECT_EQ(n, static_cast<int>(size)) << "not one raw LZ4 block of the page's size";
  } else {
    size_t n = size;
    EXPECT_EQ(BrotliDecoderDecompress(body.size(), reinterpret_cast<const uint8_t*>(body.data()), &n,
                                      reinterpret_cast<uint8_t*>(out.data())),
              BROTLI_DECODER_RESULT_SUCCESS)
        << "not a Brotli stream of the page's size";
    EXPECT_EQ(n, size);
  }
  return out;
}

std::string LibraryCompress(int32_t codec_id, const std::string& data) {
  std::string out;
  if (codec_id == codec::kLz4Raw) {
    out.resize(static_cast<size_t>(LZ4_compressBound(static_cast<int>(data.size()))));
    int n = LZ4_compress_default(data.data(), out.data(), static_cast<int>(data.size()),
                                 static_cast<int>(out.size()));
    EXPECT_GT(n, 0);
    out.resize(static_cast<size_t>(n));
  } else {
    size_t n = BrotliEncoderMaxCompressedSize(data.size());
    out.resize(n);
    // Quality 11 and a small window: not what our writer uses.
    EXPECT_TRUE(BrotliEncoderCompress(11, 16, BROTLI_MODE_GENERIC, data.size(),
                                      reinterpret_cast<const uint8_t*>(data.data()), &n,
                                      reinterpret_cast<uint8_t*>(out.data())));
    out.resize(n);
  }
  return out;
}

TEST(ParquetCodecs, PagesAreARawLz4BlockAndAPlainBrotliStream) {
  const Table t = Sample();
  // Page boundaries follow the uncompressed sizes, so the same table written
  // uncompressed has the same pages, as plain bytes.
  const std::string plain = Write(t, Codec::kUncompressed);
  const FileMetaData plain_md = testing::ReadFooter(plain);
  for (Codec c : {Codec::kLz4Raw, Codec::kBrotli}) {
    const int32_t id = CodecId(c);
    const std::string packed = Write(t, c);
    const FileMetaData md = testing::ReadFooter(packed);
    ASSERT_EQ(md.row_groups.size(), plain_md.row_groups.size());
    size_t pages = 0;
    for (size_t g = 0; g < md.row_groups.size(); ++g) {
      for (size_t k = 0; k < md.row_groups[g].columns.size(); ++k) {
        auto want = testing::ChunkPages(plain, *plain_md.row_groups[g].columns[k].meta);
        auto got = testing::ChunkPages(packed, *md.row_groups[g].columns[k].meta);
        ASSERT_EQ(got.size(), want.size()) << CodecName(id) << " row group " << g << " column " << k;
        for (size_t p = 0; p < got.size(); ++p) {
          ASSERT_EQ(got[p].header.type, want[p].header.type);
          ASSERT_EQ(got[p].header.uncompressed_page_size, want[p].header.uncompressed_page_size);
          // An LZ4 frame would start with its magic number; LZ4_RAW has none.
          if (id == codec::kLz4Raw) {
            EXPECT_NE(got[p].body.substr(0, 4), std::string("\x04\x22\x4D\x18", 4));
          }
          EXPECT_EQ(
              LibraryDecompress(id, got[p].body, static_cast<size_t>(got[p].header.uncompressed_page_size)),
              want[p].body)
              << CodecName(id) << " row group " << g << " column " << k << " page " << p;
          ++pages;
        }
      }
    }
    EXPECT_GT(pages, 20u) << CodecName(id);
  }
}

// The file with every page recompressed by the library itself, offsets and
// sizes moved to match (v1 pages: the whole body is compressed).
std::string Recompress(const std::string& file, int32_t codec_id) {
  FileMetaData md = testing::ReadFooter(file);
  std::string data;
  auto offset = [&] { return static_cast<int64_t>(4 + data.size()); };
  for (auto& rg : md.row_groups) {
    rg.file_offset = offset();
    int64_t group_bytes = 0;
    for (auto& cc : rg.columns) {
      ColumnMetaData& m = *cc.meta;
      const std::vector<testing::Page> pages = testing::ChunkPages(file, m);
      const int64_t start = offset();
      cc.file_offset = start;
      m.dictionary_page_offset.reset();
      bool first_data = true;
      for (testing::Page p : pages) {
        if (p.header.type == page::kDictionary) {
          m.dictionary_page_offset = offset();
        } else if (first_data) {
          m.data_page_offset = offset();
          first_data = false;
        }
        p.body = LibraryCompress(codec_id, p.body);
        p.header.compressed_page_size = static_cast<int32_t>(p.body.size());
        SerializePageHeader(p.header, &data);
        data += p.body;
      }
      m.codec = codec_id;
      m.total_compressed_size = offset() - start;
      group_bytes += m.total_compressed_size;
    }
    rg.total_compressed_size = group_bytes;
  }
  return testing::AssembleFile(data, md);
}

TEST(ParquetCodecs, PagesTheLibrariesCompressReadBack) {
  const Table t = Sample();
  const std::string plain = Write(t, Codec::kUncompressed);
  for (int32_t id : {codec::kLz4Raw, codec::kBrotli}) {
    std::string bytes = Recompress(plain, id);
    Table back;
    Status st = ReadParquet(bytes, "library.parquet", ReadOptions(), &back);
    ASSERT_TRUE(st.ok()) << CodecName(id) << ": " << st.ToString();
    EXPECT_TRUE(back.Equals(t)) << CodecName(id);
  }
}

}  // namespace
}  // namespace cinelake::parquet
