// ParallelFor: runs fn(i, worker) for i in [0, n) on up to `threads` threads
// (the caller's included; worker in [0, threads) names the thread, for
// per-thread scratch). Used to encode/decode independent columns at once.
// fn must not throw; each index runs exactly once.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace cinelake::parquet {

// Threads worth using for `bytes` of column data: one below 1 MiB, where
// thread start-up would dominate.
inline size_t ThreadsFor(size_t items, size_t bytes) {
  if (bytes < (1u << 20) || items < 2) return 1;
  size_t hw = std::max(1u, std::thread::hardware_concurrency());
  return std::min({items, hw, size_t{8}});
}

template <typename F>
void ParallelFor(size_t n, size_t threads, F&& fn) {
  if (threads <= 1 || n <= 1) {
    for (size_t i = 0; i < n; ++i) fn(i, size_t{0});
    return;
  }
  std::atomic<size_t> next{0};
  auto work = [&](size_t worker) {
    for (size_t i = next.fetch_add(1); i < n; i = next.fetch_add(1)) fn(i, worker);
  };
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(work, t);
  work(0);
  for (auto& th : pool) th.join();
}

}  // namespace cinelake::parquet
