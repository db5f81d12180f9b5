#include "lake/parquet/compression.h"

#include <brotli/decode.h>
#include <brotli/encode.h>
#include <libdeflate.h>
#include <lz4.h>
#include <snappy.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <string_view>

#include "lake/parquet/format.h"

namespace cinelake::parquet {

int32_t CodecId(Codec c) {
  switch (c) {
    case Codec::kUncompressed: return codec::kUncompressed;
    case Codec::kSnappy: return codec::kSnappy;
    case Codec::kZstd: return codec::kZstd;
    case Codec::kGzip: return codec::kGzip;
    case Codec::kLz4Raw: return codec::kLz4Raw;
    case Codec::kBrotli: return codec::kBrotli;
  }
  return codec::kUncompressed;
}

const char* CodecName(int32_t id) {
  switch (id) {
    case codec::kUncompressed: return "UNCOMPRESSED";
    case codec::kSnappy: return "SNAPPY";
    case codec::kGzip: return "GZIP";
    case codec::kLzo: return "LZO";
    case codec::kBrotli: return "BROTLI";
    case codec::kLz4: return "LZ4";
    case codec::kZstd: return "ZSTD";
    case codec::kLz4Raw: return "LZ4_RAW";
  }
  return "unknown";
}

namespace {

// Arrow's default Brotli quality: most of the ratio of 11 at a fraction of its time.
constexpr int kBrotliQuality = 8;

// A codec the reader does not implement: the file may be valid, so this is
// NotSupported rather than Corruption.
Status UnsupportedCodec(int32_t id) {
  std::string what = "compression codec ";
  if (std::string_view(CodecName(id)) == "unknown") {
    what += std::to_string(id) + " (unknown)";
  } else {
    what += std::string(CodecName(id)) + " (" + std::to_string(id) + ")";
  }
  // Codec 5 is Hadoop's framed LZ4, deprecated in favour of LZ4_RAW (7).
  if (id == codec::kLz4) what += "; only LZ4_RAW is read";
  return Status::NotSupported(std::move(what));
}

struct CompressorDeleter {
  void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
};
struct DecompressorDeleter {
  void operator()(libdeflate_decompressor* d) const { libdeflate_free_decompressor(d); }
};
struct ZstdCCtxDeleter {
  void operator()(ZSTD_CCtx* c) const { ZSTD_freeCCtx(c); }
};
struct ZstdDCtxDeleter {
  void operator()(ZSTD_DCtx* d) const { ZSTD_freeDCtx(d); }
};

// Contexts are reused per thread: creating one per page would dominate small pages.
ZSTD_CCtx* ZstdCompressor() {
  thread_local std::unique_ptr<ZSTD_CCtx, ZstdCCtxDeleter> ctx(ZSTD_createCCtx());
  return ctx.get();
}
ZSTD_DCtx* ZstdDecompressor() {
  thread_local std::unique_ptr<ZSTD_DCtx, ZstdDCtxDeleter> ctx(ZSTD_createDCtx());
  return ctx.get();
}

// gzip members written by other tools may be zlib-wrapped or concatenated;
// zlib's auto-detecting inflate copes with both.
Status ZlibInflate(const uint8_t* data, size_t size, uint8_t* out, size_t out_size) {
  z_stream zs;
  std::memset(&zs, 0, sizeof zs);
  if (inflateInit2(&zs, 15 + 32) != Z_OK) return Status::Internal("zlib init failed");
  size_t produced = 0;
  const uint8_t* in = data;
  size_t in_left = size;
  int rc = Z_OK;
  while (true) {
    zs.next_in = const_cast<Bytef*>(in);
    zs.avail_in = static_cast<uInt>(std::min<size_t>(in_left, 1u << 30));
    zs.next_out = out + produced;
    zs.avail_out = static_cast<uInt>(std::min<size_t>(out_size - produced, 1u << 30));
    size_t before_in = zs.avail_in, before_out = zs.avail_out;
    rc = inflate(&zs, Z_NO_FLUSH);
    in += before_in - zs.avail_in;
    in_left -= before_in - zs.avail_in;
    produced += before_out - zs.avail_out;
    if (rc == Z_STREAM_END) {
      if (in_left == 0 || produced == out_size) break;
      inflateReset(&zs);  // another member follows
      continue;
    }
    if (rc != Z_OK) break;
    if (before_in == zs.avail_in && before_out == zs.avail_out) break;  // no progress
  }
  inflateEnd(&zs);
  if (rc != Z_STREAM_END && !(rc == Z_OK && produced == out_size && in_left == 0)) {
    return Status::Corruption("gzip data is malformed");
  }
  if (produced != out_size) return Status::Corruption("gzip data inflates to the wrong size");
  return Status::OK();
}

}  // namespace

Status Compress(Codec c, int zstd_level, const char* data, size_t size, std::string* out) {
  size_t start = out->size();
  switch (c) {
    case Codec::kUncompressed: out->append(data, size); return Status::OK();
    case Codec::kSnappy: {
      out->resize(start + snappy::MaxCompressedLength(size));
      size_t n = 0;
      snappy::RawCompress(data, size, out->data() + start, &n);
      out->resize(start + n);
      return Status::OK();
    }
    case Codec::kZstd: {
      size_t bound = ZSTD_compressBound(size);
      out->resize(start + bound);
      size_t n = ZSTD_compressCCtx(ZstdCompressor(), out->data() + start, bound, data, size, zstd_level);
      if (ZSTD_isError(n)) return Status::Internal(std::string("zstd: ") + ZSTD_getErrorName(n));
      out->resize(start + n);
      return Status::OK();
    }
    case Codec::kGzip: {
      thread_local std::unique_ptr<libdeflate_compressor, CompressorDeleter> comp(
          libdeflate_alloc_compressor(6));
      size_t bound = libdeflate_gzip_compress_bound(comp.get(), size);
      out->resize(start + bound);
      size_t n = libdeflate_gzip_compress(comp.get(), data, size, out->data() + start, bound);
      if (n == 0) return Status::Internal("gzip compression failed");
      out->resize(start + n);
      return Status::OK();
    }
    case Codec::kLz4Raw: {
      if (size > LZ4_MAX_INPUT_SIZE) return Status::Internal("page too large for LZ4");
      const int bound = LZ4_compressBound(static_cast<int>(size));
      out->resize(start + static_cast<size_t>(bound));
      int n = LZ4_compress_default(data, out->data() + start, static_cast<int>(size), bound);
      if (n <= 0) return Status::Internal("LZ4 compression failed");
      out->resize(start + static_cast<size_t>(n));
      return Status::OK();
    }
    case Codec::kBrotli: {
      size_t n = BrotliEncoderMaxCompressedSize(size);
      if (n == 0) return Status::Internal("page too large for Brotli");
      out->resize(start + n);
      if (!BrotliEncoderCompress(kBrotliQuality, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_GENERIC, size,
                                 reinterpret_cast<const uint8_t*>(data), &n,
                                 reinterpret_cast<uint8_t*>(out->data() + start))) {
        return Status::Internal("Brotli compression failed");
      }
      out->resize(start + n);
      return Status::OK();
    }
  }
  return Status::Internal("unknown codec");
}

Status CheckDecompressedSize(int32_t codec_id, const uint8_t* data, size_t size, size_t out_size) {
  switch (codec_id) {
    case codec::kUncompressed:
      if (size != out_size) return Status::Corruption("uncompressed page size does not match its header");
      return Status::OK();
    case codec::kSnappy: {
      size_t n;
      if (!snappy::GetUncompressedLength(reinterpret_cast<const char*>(data), size, &n)) {
        return Status::Corruption("snappy header is malformed");
      }
      if (n != out_size) return Status::Corruption("snappy data inflates to the wrong size");
      return Status::OK();
    }
    case codec::kZstd: {
      // The first frame's recorded size; a page may hold several frames.
      unsigned long long n = ZSTD_getFrameContentSize(data, size);
      if (n == ZSTD_CONTENTSIZE_ERROR) return Status::Corruption("zstd frame is malformed");
      if (n != ZSTD_CONTENTSIZE_UNKNOWN && n > out_size) {
        return Status::Corruption("zstd data inflates to the wrong size");
      }
      return Status::OK();
    }
    case codec::kGzip:
      // Deflate cannot expand more than ~1032:1.
      if (out_size / 1032 > size + 64) return Status::Corruption("gzip page claims an impossible size");
      return Status::OK();
    case codec::kLz4Raw:
      // An LZ4 block cannot expand more than 255:1 (each length byte adds at most 255).
      if (out_size / 255 > size + 16) return Status::Corruption("LZ4 page claims an impossible size");
      return Status::OK();
    case codec::kBrotli:
      // Brotli records no total size and has no useful ratio bound; the
      // reader's page size limit caps what a claim can allocate.
      return Status::OK();
    default: return UnsupportedCodec(codec_id);
  }
}

Status Decompress(int32_t codec_id, const uint8_t* data, size_t size, uint8_t* out, size_t out_size) {
  switch (codec_id) {
    case codec::kUncompressed:
      if (size != out_size) return Status::Corruption("uncompressed page size does not match its header");
      if (size) std::memcpy(out, data, size);
      return Status::OK();
    case codec::kSnappy: {
      size_t n;
      const char* in = reinterpret_cast<const char*>(data);
      if (!snappy::GetUncompressedLength(in, size, &n))
        return Status::Corruption("snappy header is malformed");
      if (n != out_size) return Status::Corruption("snappy data inflates to the wrong size");
      if (!snappy::RawUncompress(in, size, reinterpret_cast<char*>(out))) {
        return Status::Corruption("snappy data is malformed");
      }
      return Status::OK();
    }
    case codec::kZstd: {
      size_t n = ZSTD_decompressDCtx(ZstdDecompressor(), out, out_size, data, size);
      if (ZSTD_isError(n)) return Status::Corruption(std::string("zstd: ") + ZSTD_getErrorName(n));
      if (n != out_size) return Status::Corruption("zstd data inflates to the wrong size");
      return Status::OK();
    }
    case codec::kGzip: {
      thread_local std::unique_ptr<libdeflate_decompressor, DecompressorDeleter> dec(
          libdeflate_alloc_decompressor());
      size_t in_used = 0, n = 0;
      libdeflate_result r = libdeflate_gzip_decompress_ex(dec.get(), data, size, out, out_size, &in_used, &n);
      if (r == LIBDEFLATE_SUCCESS && n == out_size && in_used == size) return Status::OK();
      return ZlibInflate(data, size, out, out_size);
    }
    case codec::kLz4Raw: {
      if (size > LZ4_MAX_INPUT_SIZE || out_size > LZ4_MAX_INPUT_SIZE)
        return Status::Corruption("LZ4 page too large");
      int n = LZ4_decompress_safe(reinterpret_cast<const char*>(data), reinterpret_cast<char*>(out),
                                  static_cast<int>(size), static_cast<int>(out_size));
      if (n < 0) return Status::Corruption("LZ4 data is malformed or inflates past its size");
      if (static_cast<size_t>(n) != out_size)
        return Status::Corruption("LZ4 data inflates to the wrong size");
      return Status::OK();
    }
    case codec::kBrotli: {
      size_t n = out_size;
      if (BrotliDecoderDecompress(size, data, &n, out) != BROTLI_DECODER_RESULT_SUCCESS) {
        return Status::Corruption("Brotli data is malformed or inflates past its size");
      }
      if (n != out_size) return Status::Corruption("Brotli data inflates to the wrong size");
      return Status::OK();
    }
    default: return UnsupportedCodec(codec_id);
  }
}

}  // namespace cinelake::parquet
