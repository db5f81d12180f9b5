#include "serve/catalog_index_history.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace cinelake::serve {

namespace {

constexpr size_t kBucketBuffer = 64 * 1024;
constexpr size_t kMaxRecord = 4 * 10;  // four varints

std::string Errno() {
  return std::strerror(errno);
}

// A new temporary file in dir, already unlinked; its fd.
Result<int> OpenTemp(const std::string& dir) {
  std::string path = dir + "/cinelake-catalog-XXXXXX";
  int fd = ::mkstemp(path.data());
  if (fd < 0)
    return Status::IOError("catalog history: cannot create a temporary file in '" + dir + "': " + Errno());
  ::unlink(path.c_str());
  return fd;
}

Status WriteAll(int fd, const uint8_t* p, size_t n, const std::string& dir) {
  while (n > 0) {
    ssize_t w = ::write(fd, p, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0)
      return Status::IOError("catalog history: cannot write a temporary file in '" + dir +
                             "': " + (w < 0 ? Errno() : std::string("nothing written")));
    p += w;
    n -= static_cast<size_t>(w);
  }
  return Status::OK();
}

Status ReadAll(int fd, uint64_t offset, size_t n, uint8_t* out, const std::string& dir) {
  while (n > 0) {
    ssize_t r = ::pread(fd, out, n, static_cast<off_t>(offset));
    if (r < 0 && errno == EINTR) continue;
    if (r < 0)
      return Status::IOError("catalog history: cannot read " + std::to_string(n) + " bytes at offset " +
                             std::to_string(offset) + " of a file in '" + dir + "': " + Errno());
    if (r == 0)
      return Status::IOError("catalog history: the file in '" + dir + "' ends before offset " +
                             std::to_string(offset) + " (" + std::to_string(n) + " bytes short)");
    out += r;
    offset += static_cast<uint64_t>(r);
    n -= static_cast<size_t>(r);
  }
  return Status::OK();
}

}  // namespace

std::string DefaultHistoryDir() {
  for (const char* name : {"CINELAKE_CATALOG_DIR", "TMPDIR"}) {
    const char* v = std::getenv(name);
    if (v != nullptr && *v != '\0') return v;
  }
  return "/tmp";
}

// ---- reading ---------------------------------------------------------------

HistoryFile::~HistoryFile() {
  if (fd_ >= 0) ::close(fd_);
}

Status HistoryFile::Read(uint64_t offset, size_t n, uint8_t* out) const {
  if (offset > size_ || n > size_ - offset)
    return Status::Internal("catalog history: bytes " + std::to_string(offset) + "+" + std::to_string(n) +
                            " are past the file's " + std::to_string(size_));
  return ReadAll(fd_, offset, n, out, dir_);
}

// ---- writing ---------------------------------------------------------------

struct HistorySpill::Bucket {
  int fd = -1;
  uint64_t written = 0;
  std::vector<uint8_t> buffer;
  ~Bucket() {
    if (fd >= 0) ::close(fd);
  }
};

HistorySpill::HistorySpill(HistoryOptions options)
    : dir_(options.dir.empty() ? DefaultHistoryDir() : std::move(options.dir)),
      bucket_titles_(options.bucket_titles == 0 ? 1 : options.bucket_titles) {}

HistorySpill::~HistorySpill() = default;

void HistorySpill::Flush(Bucket& b) {
  if (b.buffer.empty() || !status_.ok()) return;
  status_ = WriteAll(b.fd, b.buffer.data(), b.buffer.size(), dir_);
  b.written += b.buffer.size();
  b.buffer.clear();
}

void HistorySpill::Add(uint32_t title, uint32_t gap, uint64_t tag, uint64_t pop) {
  if (!status_.ok()) return;
  uint32_t index = title / bucket_titles_;
  if (index >= buckets_.size()) buckets_.resize(index + 1);
  if (!buckets_[index]) {
    Result<int> fd = OpenTemp(dir_);
    if (!fd.ok()) {
      status_ = fd.status();
      return;
    }
    buckets_[index] = std::make_unique<Bucket>();
    buckets_[index]->fd = *fd;
    buckets_[index]->buffer.reserve(kBucketBuffer);
  }
  Bucket& b = *buckets_[index];
  if (b.buffer.size() + kMaxRecord > kBucketBuffer) Flush(b);
  size_t at = b.buffer.size();
  b.buffer.resize(at + kMaxRecord);
  uint8_t* p = b.buffer.data() + at;
  p = PutVarint(p, title - index * bucket_titles_);
  p = PutVarint(p, gap);
  p = PutVarint(p, tag);
  p = PutVarint(p, pop);
  b.buffer.resize(static_cast<size_t>(p - b.buffer.data()));
}

Status HistorySpill::TransposeBucket(uint32_t index, uint32_t titles, const std::vector<uint32_t>& trailing,
                                     int out_fd, uint64_t* out_size, std::vector<uint64_t>* starts) {
  const uint32_t base = index * bucket_titles_;
  const uint32_t count = std::min(bucket_titles_, titles - base);
  std::vector<uint8_t> in;
  if (index < buckets_.size() && buckets_[index]) {
    Bucket& b = *buckets_[index];
    Flush(b);
    RETURN_IF_ERROR(status_);
    in.resize(b.written);
    RETURN_IF_ERROR(ReadAll(b.fd, 0, in.size(), in.data(), dir_));
    buckets_[index].reset();  // closed: its disk space goes back
  }
  // Pass 1: each title's stream length; pass 2: the streams, in place.
  std::vector<uint64_t> at(count + 1, 0);
  for (int pass = 0; pass < 2; ++pass) {
    std::vector<uint8_t> out;
    if (pass == 1) {
      for (uint32_t i = 0; i < count; ++i) at[i + 1] += at[i] + trailing[base + i];
      out.assign(at[count], 0);  // absent days are zero bytes already
    }
    std::vector<uint64_t> cursor(at.begin(), at.end() - 1);
    const uint8_t* p = in.data();
    const uint8_t* end = p + in.size();
    while (p < end) {
      uint64_t local = 0, gap = 0, tag = 0, pop = 0;
      if (!GetVarint(p, end, &local) || !GetVarint(p, end, &gap) || !GetVarint(p, end, &tag) ||
          !GetVarint(p, end, &pop) || local >= count)
        return Status::Corruption("catalog history: a damaged spill file in '" + dir_ + "'");
      uint64_t n = gap + VarintLength(tag) + VarintLength(pop);
      if (pass == 0) {
        at[local + 1] += n;
      } else {
        uint8_t* q = out.data() + cursor[local] + gap;
        PutVarint(PutVarint(q, tag), pop);
      }
      cursor[local] += n;
    }
    if (pass == 1) {
      for (uint32_t i = 0; i < count; ++i) (*starts)[base + i] = *out_size + at[i];
      RETURN_IF_ERROR(WriteAll(out_fd, out.data(), out.size(), dir_));
      *out_size += out.size();
    }
  }
  return Status::OK();
}

Result<std::unique_ptr<HistoryFile>> HistorySpill::Finish(uint32_t titles,
                                                          const std::vector<uint32_t>& trailing,
                                                          std::vector<uint64_t>* starts) {
  RETURN_IF_ERROR(status_);
  ASSIGN_OR_RETURN(int fd, OpenTemp(dir_));
  starts->assign(static_cast<size_t>(titles) + 1, 0);
  uint64_t size = 0;
  for (uint32_t b = 0; status_.ok() && static_cast<uint64_t>(b) * bucket_titles_ < titles; ++b)
    status_ = TransposeBucket(b, titles, trailing, fd, &size, starts);
  buckets_.clear();
  if (!status_.ok()) {
    ::close(fd);
    return status_;
  }
  (*starts)[titles] = size;
  return std::make_unique<HistoryFile>(fd, size, dir_);
}

}  // namespace cinelake::serve
