#include "lake/parquet/delta_encoding.h"

#include <algorithm>
#include <cstring>

#include "lake/parquet/rle.h"

namespace cinelake::parquet {

namespace {

struct Cursor {
  const uint8_t* p;
  const uint8_t* end;

  bool Varint(uint64_t* v) {
    uint64_t r = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (p >= end) return false;
      uint8_t b = *p++;
      r |= static_cast<uint64_t>(b & 0x7F) << shift;
      if (!(b & 0x80)) {
        *v = r;
        return true;
      }
    }
    return false;
  }
  bool ZigZag(int64_t* v) {
    uint64_t z;
    if (!Varint(&z)) return false;
    *v = static_cast<int64_t>(z >> 1) ^ -static_cast<int64_t>(z & 1);
    return true;
  }
};

void PutVarint(uint64_t v, std::string* out) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}
void PutZigZag(int64_t v, std::string* out) {
  PutVarint((static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63), out);
}

Status Bad(const char* what) {
  return Status::Corruption(std::string("DELTA_BINARY_PACKED: ") + what);
}

}  // namespace

Status DecodeDeltaBinaryPacked(const uint8_t* data, size_t size, size_t n, int64_t* out, size_t* consumed) {
  Cursor c{data, data + size};
  uint64_t block_size, miniblocks, total;
  int64_t first;
  if (!c.Varint(&block_size) || !c.Varint(&miniblocks) || !c.Varint(&total) || !c.ZigZag(&first)) {
    return Bad("header truncated");
  }
  if (block_size == 0 || block_size % 128 != 0 || block_size > (1u << 20)) return Bad("bad block size");
  if (miniblocks == 0 || block_size % miniblocks != 0) return Bad("bad miniblock count");
  const uint64_t per_mini = block_size / miniblocks;
  if (per_mini % 32 != 0) return Bad("miniblock size not a multiple of 32");
  if (total < n) return Bad("fewer values than the page needs");
  std::vector<uint64_t> scratch;
  uint64_t produced = 0;
  uint64_t last = static_cast<uint64_t>(first);
  if (total > 0) {
    if (n > 0) out[0] = first;
    produced = 1;
  }
  while (produced < total) {
    int64_t min_delta;
    if (!c.ZigZag(&min_delta)) return Bad("block header truncated");
    if (static_cast<uint64_t>(c.end - c.p) < miniblocks) return Bad("bit widths truncated");
    const uint8_t* widths = c.p;
    c.p += miniblocks;
    for (uint64_t m = 0; m < miniblocks && produced < total; ++m) {
      int bw = widths[m];
      if (bw > 64) return Bad("bit width above 64");
      uint64_t count = std::min<uint64_t>(per_mini, total - produced);
      size_t full = static_cast<size_t>(per_mini * bw / 8);
      size_t avail = static_cast<size_t>(c.end - c.p);
      if (produced < n) {
        size_t want = static_cast<size_t>(std::min<uint64_t>(count, n - produced));
        size_t need = (want * bw + 7) / 8;
        if (avail < need) return Bad("miniblock truncated");
        scratch.resize(want);
        BitUnpack64(c.p, want, bw, scratch.data());
        for (size_t i = 0; i < want; ++i) {
          last += static_cast<uint64_t>(min_delta) + scratch[i];
          out[produced + i] = static_cast<int64_t>(last);
        }
      } else if (avail < (count * bw + 7) / 8) {
        return Bad("miniblock truncated");
      }
      c.p += std::min(full, avail);
      produced += count;
    }
  }
  *consumed = static_cast<size_t>(c.p - data);
  return Status::OK();
}

Status DecodeDeltaLengthByteArray(const uint8_t* data, size_t size, size_t n, PhysicalValues* out,
                                  size_t* consumed) {
  std::vector<int64_t> lengths(n);
  size_t used;
  RETURN_IF_ERROR(DecodeDeltaBinaryPacked(data, size, n, lengths.data(), &used));
  size_t pos = used;
  out->bin.reserve(out->bin.size() + n);
  for (size_t i = 0; i < n; ++i) {
    int64_t len = lengths[i];
    if (len < 0 || static_cast<uint64_t>(len) > size - pos) {
      return Status::Corruption("DELTA_LENGTH_BYTE_ARRAY: length runs past the page");
    }
    out->bin.emplace_back(reinterpret_cast<const char*>(data + pos), static_cast<size_t>(len));
    pos += static_cast<size_t>(len);
  }
  *consumed = pos;
  return Status::OK();
}

Status DecodeDeltaByteArray(const uint8_t* data, size_t size, size_t n, size_t max_bytes, PhysicalValues* out,
                            size_t* consumed) {
  std::vector<int64_t> prefixes(n);
  size_t used;
  RETURN_IF_ERROR(DecodeDeltaBinaryPacked(data, size, n, prefixes.data(), &used));
  PhysicalValues suffixes;
  size_t used2;
  RETURN_IF_ERROR(DecodeDeltaLengthByteArray(data + used, size - used, n, &suffixes, &used2));
  // Offsets first, views after: the arena may reallocate while it grows.
  std::vector<size_t> ends(n);
  size_t base = out->arena.size();
  size_t prev_begin = base, prev_len = 0;
  for (size_t i = 0; i < n; ++i) {
    int64_t pre = prefixes[i];
    if (pre < 0 || static_cast<uint64_t>(pre) > prev_len) {
      return Status::Corruption("DELTA_BYTE_ARRAY: prefix longer than the previous value");
    }
    size_t len = static_cast<size_t>(pre) + suffixes.bin[i].size();
    if (out->arena.size() - base + len > max_bytes) {
      return Status::Corruption("DELTA_BYTE_ARRAY: decoded strings exceed the size limit");
    }
    size_t begin = out->arena.size();
    out->arena.append(static_cast<size_t>(pre), '\0');
    std::memmove(out->arena.data() + begin, out->arena.data() + prev_begin, static_cast<size_t>(pre));
    out->arena.append(suffixes.bin[i]);
    ends[i] = out->arena.size();
    prev_begin = begin;
    prev_len = len;
  }
  size_t start = base;
  out->bin.reserve(out->bin.size() + n);
  for (size_t i = 0; i < n; ++i) {
    out->bin.emplace_back(out->arena.data() + start, ends[i] - start);
    start = ends[i];
  }
  *consumed = used + used2;
  return Status::OK();
}

void EncodeDeltaBinaryPacked(const int64_t* values, size_t n, std::string* out) {
  constexpr uint64_t kBlock = 128, kMini = 4, kPerMini = kBlock / kMini;
  PutVarint(kBlock, out);
  PutVarint(kMini, out);
  PutVarint(n, out);
  PutZigZag(n ? values[0] : 0, out);
  std::vector<uint64_t> deltas;
  for (size_t i = 1; i < n; i += kBlock) {
    size_t count = std::min<size_t>(kBlock, n - i);
    deltas.assign(count, 0);
    int64_t min_delta = INT64_MAX;
    for (size_t j = 0; j < count; ++j) {
      int64_t d = static_cast<int64_t>(static_cast<uint64_t>(values[i + j]) -
                                       static_cast<uint64_t>(values[i + j - 1]));
      deltas[j] = static_cast<uint64_t>(d);
      min_delta = std::min(min_delta, d);
    }
    PutZigZag(min_delta, out);
    for (auto& d : deltas) d -= static_cast<uint64_t>(min_delta);
    size_t minis_used = (count + kPerMini - 1) / kPerMini;
    int widths[kMini] = {0, 0, 0, 0};
    for (size_t m = 0; m < minis_used; ++m) {
      uint64_t mx = 0;
      for (size_t j = m * kPerMini; j < std::min<size_t>(count, (m + 1) * kPerMini); ++j) mx |= deltas[j];
      widths[m] = BitWidth(mx);
    }
    for (size_t m = 0; m < kMini; ++m) out->push_back(static_cast<char>(widths[m]));
    deltas.resize(minis_used * kPerMini, 0);
    for (size_t m = 0; m < minis_used; ++m) BitPack(deltas.data() + m * kPerMini, kPerMini, widths[m], out);
  }
}

void EncodeDeltaLengthByteArray(const std::vector<std::string_view>& values, std::string* out) {
  std::vector<int64_t> lengths;
  lengths.reserve(values.size());
  for (auto v : values) lengths.push_back(static_cast<int64_t>(v.size()));
  EncodeDeltaBinaryPacked(lengths.data(), lengths.size(), out);
  for (auto v : values) out->append(v.data(), v.size());
}

void EncodeDeltaByteArray(const std::vector<std::string_view>& values, std::string* out) {
  std::vector<int64_t> prefixes;
  std::vector<std::string_view> suffixes;
  std::string_view prev;
  for (auto v : values) {
    size_t p = 0;
    while (p < prev.size() && p < v.size() && prev[p] == v[p]) ++p;
    prefixes.push_back(static_cast<int64_t>(p));
    suffixes.push_back(v.substr(p));
    prev = v;
  }
  EncodeDeltaBinaryPacked(prefixes.data(), prefixes.size(), out);
  EncodeDeltaLengthByteArray(suffixes, out);
}

}  // namespace cinelake::parquet
