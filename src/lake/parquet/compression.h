// Page compression: snappy, zstd, gzip, LZ4_RAW, Brotli and none, by
// Parquet codec id.
//
// Compress appends the compressed form of a page body to out. Decompress
// inflates untrusted bytes into exactly `out_size` bytes and returns
// Corruption when the data is malformed or inflates to any other size; it
// never writes more than out_size bytes. LZ4_RAW is the LZ4 block format
// (no frame), Brotli one plain Brotli stream. Codecs cinelake does not read
// (LZO, the deprecated Hadoop-framed LZ4, unknown ids) are NotSupported
// naming the codec: the file may well be valid.
//
// Stateless and thread-safe: every call owns its codec context.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "common/status.h"
#include "lake/parquet/parquet.h"

namespace cinelake::parquet {

int32_t CodecId(Codec codec);  // the parquet.thrift CompressionCodec value
const char* CodecName(int32_t codec_id);

Status Compress(Codec codec, int zstd_level, const char* data, size_t size, std::string* out);
// A cheap check before out_size bytes are allocated for a page: codecs that
// record or bound the inflated size must agree with it. Unsupported codecs fail.
Status CheckDecompressedSize(int32_t codec_id, const uint8_t* data, size_t size, size_t out_size);
Status Decompress(int32_t codec_id, const uint8_t* data, size_t size, uint8_t* out, size_t out_size);

}  // namespace cinelake::parquet
