// SoleWriterCache: what an S3Storage remembers of its lake while this
// process holds the lake lease and so is the lake's only writer.
//
// Nothing else changes the objects under the lake's prefix then, so the set
// of keys, seeded by one recursive listing when the lease is taken and kept
// up to date by this process's own writes, copies and removals, answers List
// and Exists without a request, and a Read of an absent key is NotFound at
// once. The bytes of objects written (a PUT the server checked against its
// Content-MD5 and SHA-256) or read (checked against the stored checksum) are
// kept too, within a byte budget, so reading a file back right after writing
// it, or a table several stages read, costs no GET.
//
// The owner forgets everything (S3Storage::EndSoleWriter) when the lease is
// released or lost, and whenever a write, copy or removal fails, since the
// store's state is then unknown. Paths are relative to the lake root.
// Thread-safe: one mutex.
#pragma once

#include <cstddef>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace cinelake::s3 {

class SoleWriterCache {
 public:
  // `keys`: every object under the lake; objects above `byte_budget` / 4 are
  // never kept, and the oldest kept go when the budget would be exceeded.
  SoleWriterCache(const std::vector<std::string>& keys, size_t byte_budget);

  // As Storage::List: immediate children of `dir`, sorted, hidden names skipped.
  std::vector<std::string> List(const std::string& dir) const;
  // Every key below `dir` (not `dir` itself).
  std::vector<std::string> Below(const std::string& dir) const;
  bool Exists(const std::string& path) const;
  // The object's bytes if kept.
  std::optional<std::string> Bytes(const std::string& path) const;

  // `path` now holds `data` (a write that succeeded).
  void Written(const std::string& path, std::string_view data);
  // `data` was read from `path`.
  void Read(const std::string& path, std::string_view data);
  // `to` now exists (its bytes not kept).
  void Copied(const std::string& to);
  void Removed(const std::string& path);

 private:
  void KeepLocked(const std::string& path, std::string_view data);
  void DropBytesLocked(const std::string& path);

  mutable std::mutex mu_;
  size_t budget_;
  size_t kept_bytes_ = 0;
  std::set<std::string> keys_;
  std::map<std::string, std::string> bytes_;
  std::deque<std::string> order_;  // paths kept, oldest first (may name dropped ones)
};

}  // namespace cinelake::s3
