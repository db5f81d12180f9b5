// The CatalogIndex's per-title history streams (catalog_index.h) on disk, so
// that serving TMDB's whole catalog keeps O(titles) in memory, not
// O(titles x days).
//
// HistorySpill is the write side. While the days are added (ascending), each
// ranked title-day is appended as one small record to the bucket file of the
// title's range (bucket_titles consecutive title numbers per bucket), through
// a small buffer per bucket. Finish() then transposes bucket by bucket into
// the final file, title-major: it reads one bucket, lays out its titles'
// streams (each padded with "absent" days to the last day) and appends them,
// so the peak memory is about one bucket (bucket_titles x days x ~7 bytes)
// plus the final file's offsets, never all the streams.
//
// A title's stream is, per day from the day it first appeared: a varint tag
// (0 = not ranked that day, else 1 + zigzag rank delta) and, when ranked, a
// varint zigzag popularity delta. HistorySpill writes the varints it is given.
//
// HistoryFile is the read side: Read() is one pread(), so any number of
// threads may read at once and the bytes live in the page cache, not in the
// process (resident memory does not count them).
//
// Every file is a temporary one, unlinked as soon as it is created (nothing
// to clean up, even after a crash) in `dir`: HistoryOptions::dir, else
// $CINELAKE_CATALOG_DIR, else $TMPDIR, else /tmp. Put it on a disk: on a tmpfs
// the file is memory again (page cache that cannot be evicted).
//
// Errors: the first I/O error (cannot create, write or read a file) is kept
// by HistorySpill (status()) and returned by Finish(); HistoryFile::Read()
// returns IOError naming the offset. Messages name the directory.
// Thread-safety: HistorySpill is single-threaded; HistoryFile is immutable.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "common/status.h"

namespace cinelake::serve {

// Varints as the streams hold them: 7 bits a byte, low bits first.
inline size_t VarintLength(uint64_t v) {
  size_t n = 1;
  for (; v >= 0x80; v >>= 7) ++n;
  return n;
}
inline uint8_t* PutVarint(uint8_t* p, uint64_t v) {
  for (; v >= 0x80; v >>= 7) *p++ = static_cast<uint8_t>(v | 0x80);
  *p++ = static_cast<uint8_t>(v);
  return p;
}
// False (p unchanged) when the bytes end, or run past 10, before the varint does.
inline bool GetVarint(const uint8_t*& p, const uint8_t* end, uint64_t* v) {
  uint64_t x = 0;
  const uint8_t* q = p;
  for (int shift = 0; q < end && shift < 70; shift += 7) {
    uint8_t b = *q++;
    x |= static_cast<uint64_t>(b & 0x7F) << shift;
    if ((b & 0x80) == 0) {
      *v = x;
      p = q;
      return true;
    }
  }
  return false;
}

struct HistoryOptions {
  std::string dir;  // "" = DefaultHistoryDir()
  uint32_t bucket_titles = 1u << 14;
};

// $CINELAKE_CATALOG_DIR, else $TMPDIR, else /tmp.
std::string DefaultHistoryDir();

class HistoryFile {
 public:
  HistoryFile(int fd, uint64_t size, std::string dir) : fd_(fd), size_(size), dir_(std::move(dir)) {}
  ~HistoryFile();
  HistoryFile(const HistoryFile&) = delete;
  HistoryFile& operator=(const HistoryFile&) = delete;

  // Bytes [offset, offset + n) into out[0..n).
  [[nodiscard]] Status Read(uint64_t offset, size_t n, uint8_t* out) const;
  uint64_t size() const { return size_; }

 private:
  int fd_;
  uint64_t size_;
  std::string dir_;
};

class HistorySpill {
 public:
  explicit HistorySpill(HistoryOptions options);
  ~HistorySpill();  // closes, and so deletes, the bucket files left (not copyable: it owns them)

  // Title `title` is ranked today after `gap` days without a point since its
  // previous one (0 for its first day); tag >= 1 and pop as described above.
  // Records of one title must come in day order.
  void Add(uint32_t title, uint32_t gap, uint64_t tag, uint64_t pop);

  // Writes the final file: titles 0..titles-1, title t's stream followed by
  // trailing_absent[t] zero bytes. starts gets titles + 1 offsets.
  [[nodiscard]] Result<std::unique_ptr<HistoryFile>> Finish(uint32_t titles,
                                                            const std::vector<uint32_t>& trailing_absent,
                                                            std::vector<uint64_t>* starts);

  const Status& status() const { return status_; }
  const std::string& dir() const { return dir_; }

 private:
  struct Bucket;
  void Flush(Bucket& b);
  Status TransposeBucket(uint32_t b, uint32_t titles, const std::vector<uint32_t>& trailing_absent,
                         int out_fd, uint64_t* out_size, std::vector<uint64_t>* starts);

  std::string dir_;
  uint32_t bucket_titles_;
  std::vector<std::unique_ptr<Bucket>> buckets_;
  Status status_;
};

}  // namespace cinelake::serve
