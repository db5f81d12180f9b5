#include "lake/parquet/dictionary.h"

#include <cstring>

namespace cinelake::parquet {

namespace {

inline uint64_t Mix(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  return x;
}

inline uint64_t HashBytes(const char* p, size_t n) {
  uint64_t h = 0x9E3779B97F4A7C15ULL ^ (n * 0xC2B2AE3D27D4EB4FULL);
  while (n >= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    h = (h ^ Mix(w)) * 0x9E3779B97F4A7C15ULL;
    p += 8;
    n -= 8;
  }
  if (n > 0) {
    uint64_t w = 0;
    std::memcpy(&w, p, n);
    h = (h ^ Mix(w)) * 0x9E3779B97F4A7C15ULL;
  }
  return Mix(h);
}

// Open-addressing table of (index + 1); 0 marks an empty slot.
struct Slots {
  std::vector<uint32_t> slots;
  std::vector<uint64_t> hashes;  // per slot, for cheap rehash and compare
  uint64_t mask = 0;

  void Init(size_t cap) {
    slots.assign(cap, 0);
    hashes.assign(cap, 0);
    mask = cap - 1;
  }
  void Grow() {
    std::vector<uint32_t> old_slots = std::move(slots);
    std::vector<uint64_t> old_hashes = std::move(hashes);
    Init(old_slots.size() * 2);
    for (size_t i = 0; i < old_slots.size(); ++i) {
      if (!old_slots[i]) continue;
      uint64_t s = old_hashes[i] & mask;
      while (slots[s]) s = (s + 1) & mask;
      slots[s] = old_slots[i];
      hashes[s] = old_hashes[i];
    }
  }

  // The entry (index + 1) whose value `same` accepts, else the one `append`
  // adds to dict; 0 when append refuses (the dictionary would grow too big).
  template <typename Same, typename Append, typename Dict>
  uint32_t FindOrInsert(uint64_t h, const Same& same, const Append& append, const Dict& dict) {
    uint64_t s = h & mask;
    while (uint32_t e = slots[s]) {
      if (hashes[s] == h && same(e)) return e;
      s = (s + 1) & mask;
    }
    if (!append()) return 0;
    const auto found = static_cast<uint32_t>(dict.size());
    slots[s] = found;
    hashes[s] = h;
    if (dict.size() * 2 > slots.size()) Grow();
    return found;
  }
};

}  // namespace

template <typename T>
bool BuildFixedDictionary(const T* data, const uint8_t* validity, size_t begin, size_t end, size_t max_bytes,
                          std::vector<T>* dict, std::vector<uint32_t>* indices) {
  dict->clear();
  indices->clear();
  indices->reserve(end - begin);
  Slots t;
  t.Init(1024);
  const size_t max_entries = max_bytes / sizeof(T);
  for (size_t i = begin; i < end; ++i) {
    if (validity && !validity[i]) continue;
    uint64_t bits = 0;
    std::memcpy(&bits, &data[i], sizeof(T));
    // Compared by bits, so NaN payloads and -0.0 keep their own entries.
    const auto same = [&](uint32_t e) {
      uint64_t other = 0;
      std::memcpy(&other, &(*dict)[e - 1], sizeof(T));
      return other == bits;
    };
    const uint32_t found = t.FindOrInsert(
        Mix(bits), same,
        [&] {
          if (dict->size() + 1 > max_entries) return false;
          dict->push_back(data[i]);
          return true;
        },
        *dict);
    if (found == 0) return false;
    indices->push_back(found - 1);
  }
  return true;
}

template bool BuildFixedDictionary<int32_t>(const int32_t*, const uint8_t*, size_t, size_t, size_t,
                                            std::vector<int32_t>*, std::vector<uint32_t>*);
template bool BuildFixedDictionary<int64_t>(const int64_t*, const uint8_t*, size_t, size_t, size_t,
                                            std::vector<int64_t>*, std::vector<uint32_t>*);
template bool BuildFixedDictionary<double>(const double*, const uint8_t*, size_t, size_t, size_t,
                                           std::vector<double>*, std::vector<uint32_t>*);

bool BuildStringDictionary(const uint64_t* offsets, const char* bytes, const uint8_t* validity, size_t begin,
                           size_t end, size_t max_bytes, std::vector<std::string_view>* dict,
                           std::vector<uint32_t>* indices) {
  dict->clear();
  indices->clear();
  indices->reserve(end - begin);
  Slots t;
  t.Init(1024);
  size_t dict_bytes = 0;
  for (size_t i = begin; i < end; ++i) {
    if (validity && !validity[i]) continue;
    const std::string_view v(bytes + offsets[i], offsets[i + 1] - offsets[i]);
    const auto same = [&](uint32_t e) { return (*dict)[e - 1] == v; };
    const uint32_t found = t.FindOrInsert(
        HashBytes(v.data(), v.size()), same,
        [&] {
          dict_bytes += 4 + v.size();  // PLAIN: a 4-byte length, then the bytes
          if (dict_bytes > max_bytes) return false;
          dict->push_back(v);
          return true;
        },
        *dict);
    if (found == 0) return false;
    indices->push_back(found - 1);
  }
  return true;
}

}  // namespace cinelake::parquet
