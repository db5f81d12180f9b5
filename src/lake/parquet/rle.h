// Bit packing and the RLE/bit-packed hybrid encoding (Parquet's "RLE"), used
// for definition/repetition levels, dictionary indices and RLE booleans.
//
// Encoder: EncodeRleHybrid appends the hybrid encoding of `n` values of
// `bit_width` bits (no length prefix) to out; runs of >= 8 equal values become
// RLE runs, the rest bit-packed groups of 8 (the last group zero-padded).
//
// Decoder: RleDecoder reads untrusted bytes; Get() returns false (and sets
// error()) on truncated input or malformed headers, never reading past the
// buffer. bit_width must be 0..32 (checked by Create).
//
// An RleDecoder is single-threaded and borrows its input buffer, which must
// outlive it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "common/status.h"

namespace cinelake::parquet {

// Bits needed for values 0..max_value.
inline int BitWidth(uint64_t max_value) {
  int w = 0;
  while (max_value) {
    ++w;
    max_value >>= 1;
  }
  return w;
}

template <typename T>
void EncodeRleHybrid(const T* values, size_t n, int bit_width, std::string* out);

// Bit-packs n values LSB first (n need not be a multiple of 8; the last byte
// is zero-padded). Appends ceil(n * bit_width / 8) bytes.
template <typename T>
void BitPack(const T* values, size_t n, int bit_width, std::string* out);

// Unpacks n values of bit_width (0..64) bits from data, which must hold at
// least ceil(n * bit_width / 8) bytes.
void BitUnpack64(const uint8_t* data, size_t n, int bit_width, uint64_t* out);

class RleDecoder {
 public:
  RleDecoder() = default;
  static Status Create(const uint8_t* data, size_t size, int bit_width, RleDecoder* out);

  // Decodes the next n values into out (T wide enough for bit_width).
  template <typename T>
  bool Get(T* out, size_t n);
  const char* error() const { return error_; }

 private:
  bool NextRun();

  const uint8_t* p_ = nullptr;
  const uint8_t* end_ = nullptr;
  int bit_width_ = 0;
  uint32_t rle_value_ = 0;
  uint64_t rle_left_ = 0;     // values left in the current RLE run
  uint64_t packed_left_ = 0;  // values left in the current bit-packed run
  const uint8_t* packed_ = nullptr;
  uint64_t packed_bit_ = 0;  // bit offset into packed_
  const char* error_ = nullptr;
};

}  // namespace cinelake::parquet
