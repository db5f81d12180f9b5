// Seeded, portable pseudo-randomness for the sandbox.
//
// Everything the sandbox invents is a pure function of the seed and of the
// coordinates of the thing being invented (title index, day, episode...), so
// the same seed answers the same bytes whatever order requests arrive in.
// Hash() gives stateless draws; Rng is a splitmix64 stream for building the
// world once. Never std::random_device, never unordered iteration.
// The free functions are pure and thread-safe; an Rng is a value owned by
// its one user (not thread-safe). Nothing fails.
#pragma once

#include <cmath>
#include <cstdint>
#include <string_view>

namespace cinelake::sandbox {

// The splitmix64 finalizer: a bijection with good avalanche.
inline uint64_t Mix64(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

inline uint64_t HashCombine(uint64_t h, uint64_t v) {
  return Mix64(h ^ Mix64(v ^ 0x632be59bd9b4e019ULL));
}

// Hash(a, b, c...) mixes any number of integer coordinates.
template <typename... Ts>
uint64_t Hash(uint64_t first, Ts... rest) {
  uint64_t h = Mix64(first);
  ((h = HashCombine(h, static_cast<uint64_t>(rest))), ...);
  return h;
}

inline uint64_t HashString(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a, then mixed
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return Mix64(h);
}

// [0, 1) with 53 bits.
inline double Unit(uint64_t h) {
  return static_cast<double>(h >> 11) * 0x1.0p-53;
}

// A standard normal draw determined by h (Box-Muller on two derived uniforms).
inline double NormalFrom(uint64_t h) {
  double u1 = Unit(Mix64(h ^ 0x5851f42d4c957f2dULL));
  double u2 = Unit(Mix64(h ^ 0x14057b7ef767814fULL));
  if (u1 < 1e-300) u1 = 1e-300;
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
}

class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(Mix64(seed)) {}

  uint64_t Next() {
    state_ += 0x9e3779b97f4a7c15ULL;
    uint64_t z = state_;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  double Uniform() { return Unit(Next()); }
  double Uniform(double lo, double hi) { return lo + (hi - lo) * Uniform(); }
  // Inclusive on both ends.
  int Int(int lo, int hi) { return lo + static_cast<int>(Next() % static_cast<uint64_t>(hi - lo + 1)); }
  bool Chance(double p) { return Uniform() < p; }
  double Normal(double mean, double sd) { return mean + sd * NormalFrom(Next()); }
  // Index in [0, n) skewed towards 0: a few items are picked often.
  int Skewed(int n, double power) {
    return static_cast<int>(static_cast<double>(n) * std::pow(Uniform(), power)) % n;
  }

 private:
  uint64_t state_;
};

}  // namespace cinelake::sandbox
