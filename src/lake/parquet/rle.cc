#include "lake/parquet/rle.h"

#include <cstring>

namespace cinelake::parquet {

namespace {

void PutVarint(uint64_t v, std::string* out) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

}  // namespace

template <typename T>
void BitPack(const T* values, size_t n, int bit_width, std::string* out) {
  if (bit_width == 0 || n == 0) return;
  size_t bytes = (n * bit_width + 7) / 8;
  size_t start = out->size();
  out->resize(start + bytes);
  uint8_t* dst = reinterpret_cast<uint8_t*>(out->data() + start);
  uint64_t acc = 0;
  int bits = 0;
  size_t o = 0;
  uint64_t mask = bit_width >= 64 ? ~0ULL : ((1ULL << bit_width) - 1);
  for (size_t i = 0; i < n; ++i) {
    uint64_t v = static_cast<uint64_t>(values[i]) & mask;
    acc |= v << bits;
    if (bits + bit_width >= 64) {
      std::memcpy(dst + o, &acc, 8);
      o += 8;
      int consumed = 64 - bits;  // 1..64 bits of v went into acc
      acc = consumed >= 64 ? 0 : v >> consumed;
      bits = bits + bit_width - 64;
    } else {
      bits += bit_width;
    }
  }
  while (bits > 0) {
    dst[o++] = static_cast<uint8_t>(acc);
    acc >>= 8;
    bits -= 8;
  }
}

template <typename T>
void EncodeRleHybrid(const T* v, size_t n, int bit_width, std::string* out) {
  const size_t value_bytes = (bit_width + 7) / 8;
  size_t lit_start = 0;
  size_t i = 0;
  auto emit_literal = [&](size_t begin, size_t count) {
    if (count == 0) return;
    size_t groups = (count + 7) / 8;
    PutVarint((groups << 1) | 1, out);
    BitPack(v + begin, count, bit_width, out);
    // A partial last group is padded to whole bytes by BitPack; pad to the group.
    size_t written = (count * bit_width + 7) / 8;
    size_t want = groups * bit_width;
    out->append(want - written, '\0');
  };
  while (i < n) {
    size_t j = i + 1;
    while (j < n && v[j] == v[i]) ++j;
    size_t run = j - i;
    if (run >= 8) {
      size_t lit = i - lit_start;
      size_t pad = (8 - lit % 8) % 8;
      if (run - pad >= 8) {
        emit_literal(lit_start, lit + pad);
        PutVarint(static_cast<uint64_t>(run - pad) << 1, out);
        uint64_t value = static_cast<uint64_t>(v[i]);
        for (size_t b = 0; b < value_bytes; ++b) out->push_back(static_cast<char>(value >> (8 * b)));
        lit_start = j;
      }
    }
    i = j;
  }
  emit_literal(lit_start, n - lit_start);
}

template void EncodeRleHybrid<uint8_t>(const uint8_t*, size_t, int, std::string*);
template void EncodeRleHybrid<uint16_t>(const uint16_t*, size_t, int, std::string*);
template void EncodeRleHybrid<uint32_t>(const uint32_t*, size_t, int, std::string*);
template void BitPack<uint8_t>(const uint8_t*, size_t, int, std::string*);
template void BitPack<uint32_t>(const uint32_t*, size_t, int, std::string*);
template void BitPack<uint64_t>(const uint64_t*, size_t, int, std::string*);

void BitUnpack64(const uint8_t* data, size_t n, int bit_width, uint64_t* out) {
  if (bit_width == 0) {
    std::memset(out, 0, n * sizeof(uint64_t));
    return;
  }
  uint64_t mask = bit_width >= 64 ? ~0ULL : ((1ULL << bit_width) - 1);
  size_t total_bytes = (n * bit_width + 7) / 8;
  for (size_t i = 0; i < n; ++i) {
    uint64_t bit = static_cast<uint64_t>(i) * bit_width;
    size_t byte = bit / 8;
    int shift = bit % 8;
    // Gather up to 9 bytes little-endian without reading past total_bytes.
    uint64_t lo = 0;
    size_t avail = total_bytes - byte;
    std::memcpy(&lo, data + byte, avail < 8 ? avail : 8);
    uint64_t v = lo >> shift;
    if (shift + bit_width > 64) {
      uint8_t hi = data[byte + 8];
      v |= static_cast<uint64_t>(hi) << (64 - shift);
    }
    out[i] = v & mask;
  }
}

Status RleDecoder::Create(const uint8_t* data, size_t size, int bit_width, RleDecoder* out) {
  if (bit_width < 0 || bit_width > 32) {
    return Status::Corruption("RLE bit width " + std::to_string(bit_width) + " out of range");
  }
  *out = RleDecoder();
  out->p_ = data;
  out->end_ = data + size;
  out->bit_width_ = bit_width;
  return Status::OK();
}

bool RleDecoder::NextRun() {
  uint64_t header = 0;
  for (int shift = 0;; shift += 7) {
    if (p_ >= end_) {
      error_ = "RLE data ends early";
      return false;
    }
    if (shift > 56) {
      error_ = "RLE run header too long";
      return false;
    }
    uint8_t b = *p_++;
    header |= static_cast<uint64_t>(b & 0x7F) << shift;
    if (!(b & 0x80)) break;
  }
  if (header & 1) {
    uint64_t groups = header >> 1;
    if (groups == 0) {
      error_ = "empty bit-packed run";
      return false;
    }
    size_t avail = static_cast<size_t>(end_ - p_);
    uint64_t want_bytes = groups * bit_width_;  // 8 values * bw bits = bw bytes
    // Writers may truncate the final run; only the values present count.
    uint64_t have_bytes = want_bytes < avail ? want_bytes : avail;
    packed_ = p_;
    packed_bit_ = 0;
    packed_left_ = bit_width_ == 0 ? groups * 8 : (have_bytes * 8) / bit_width_;
    if (packed_left_ > groups * 8) packed_left_ = groups * 8;
    p_ += have_bytes;
    if (packed_left_ == 0) {
      error_ = "RLE bit-packed run ends early";
      return false;
    }
  } else {
    rle_left_ = header >> 1;
    if (rle_left_ == 0) {
      error_ = "empty RLE run";
      return false;
    }
    size_t nbytes = (bit_width_ + 7) / 8;
    if (static_cast<size_t>(end_ - p_) < nbytes) {
      error_ = "RLE run value truncated";
      return false;
    }
    uint32_t v = 0;
    for (size_t b = 0; b < nbytes; ++b) v |= static_cast<uint32_t>(p_[b]) << (8 * b);
    p_ += nbytes;
    rle_value_ = v;
  }
  return true;
}

template <typename T>
bool RleDecoder::Get(T* out, size_t n) {
  const uint64_t mask = bit_width_ >= 32 ? 0xFFFFFFFFULL : ((1ULL << bit_width_) - 1);
  while (n > 0) {
    if (rle_left_ > 0) {
      size_t k = rle_left_ < n ? static_cast<size_t>(rle_left_) : n;
      T v = static_cast<T>(rle_value_);
      for (size_t i = 0; i < k; ++i) out[i] = v;
      out += k;
      n -= k;
      rle_left_ -= k;
    } else if (packed_left_ > 0) {
      size_t k = packed_left_ < n ? static_cast<size_t>(packed_left_) : n;
      const uint8_t* base = packed_;
      uint64_t bit = packed_bit_;
      // packed_ region holds at least (bit + k*bw) bits; read bytes safely.
      size_t region_bytes = static_cast<size_t>(p_ - packed_);
      size_t i = 0;
      // 8 values from a byte boundary span bit_width_ bytes, all inside the
      // region (packed_left_ counts only values present), so decode them as a
      // group without per-value bounds checks (levels and dictionary indices
      // spend most time here).
      const size_t bw = static_cast<size_t>(bit_width_);
      if (bw <= 8) {
        // One load covers the group; short runs (levels) leave < 8 bytes.
        while (k - i >= 8 && bit % 8 == 0) {
          uint64_t w = 0;
          size_t avail = region_bytes - bit / 8;
          std::memcpy(&w, base + bit / 8, avail < 8 ? avail : 8);
          for (size_t j = 0; j < 8; ++j) out[i + j] = static_cast<T>((w >> (j * bw)) & mask);
          i += 8;
          bit += 8 * bw;
        }
      } else {
        while (k - i >= 8 && bit % 8 == 0 && region_bytes - bit / 8 >= bw + 8) {
          const uint8_t* g = base + bit / 8;
          for (size_t j = 0; j < 8; ++j) {
            uint64_t w;
            std::memcpy(&w, g + (j * bw) / 8, 8);
            out[i + j] = static_cast<T>((w >> ((j * bw) % 8)) & mask);
          }
          i += 8;
          bit += 8 * bw;
        }
      }
      for (; i < k; ++i) {
        size_t byte = bit / 8;
        int shift = bit % 8;
        uint64_t w = 0;
        size_t avail = region_bytes - byte;
        if (avail >= 8) {
          std::memcpy(&w, base + byte, 8);
        } else {
          std::memcpy(&w, base + byte, avail);
        }
        out[i] = static_cast<T>((w >> shift) & mask);
        bit += bit_width_;
      }
      packed_bit_ = bit;
      out += k;
      n -= k;
      packed_left_ -= k;
    } else if (!NextRun()) {
      return false;
    }
  }
  return true;
}

template bool RleDecoder::Get<uint8_t>(uint8_t*, size_t);
template bool RleDecoder::Get<uint16_t>(uint16_t*, size_t);
template bool RleDecoder::Get<uint32_t>(uint32_t*, size_t);

}  // namespace cinelake::parquet
