#include "sources/tmdb_export_gunzip.h"

#include <cstring>

namespace cinelake {

GzipLineStream::GzipLineStream(std::string what, LinesFn on_lines)
    : what_(std::move(what)), on_lines_(std::move(on_lines)), buffer_(kBlockBytes, '\0') {
  // 16 + MAX_WBITS: gzip framing only, so a raw deflate or zlib body is refused.
  initialized_ = inflateInit2(&z_, 16 + MAX_WBITS) == Z_OK;
}

GzipLineStream::~GzipLineStream() {
  if (initialized_) inflateEnd(&z_);
}

Status GzipLineStream::Deliver(size_t filled) {
  // Hand out everything up to the last newline; keep the rest for the next block.
  const char* begin = buffer_.data();
  size_t end = filled;
  while (end > 0 && begin[end - 1] != '\n') --end;
  if (end == 0) {
    carry_ = filled;
    size_t capacity = buffer_.size();
    if (carry_ == capacity) {
      if (capacity >= kMaxLineBytes) {
        return Status::Corruption(what_ + ": a line longer than " + std::to_string(kMaxLineBytes) +
                                  " bytes near text offset " + std::to_string(text_));
      }
      buffer_.resize(capacity * 2);
    }
    return Status::OK();
  }
  RETURN_IF_ERROR(on_lines_(std::string_view(begin, end)));
  carry_ = filled - end;
  std::memmove(buffer_.data(), begin + end, carry_);
  return Status::OK();
}

Status GzipLineStream::Feed(std::string_view compressed) {
  if (!initialized_) return Status::Internal(what_ + ": cannot set up gunzip");
  z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  z_.avail_in = static_cast<uInt>(compressed.size());
  while (z_.avail_in > 0) {
    if (member_ended_) {
      // Another gzip member follows the previous one.
      if (inflateReset(&z_) != Z_OK) return Status::Internal(what_ + ": cannot restart gunzip");
      member_ended_ = false;
    }
    size_t capacity = buffer_.size();
    z_.next_out = reinterpret_cast<Bytef*>(buffer_.data() + carry_);
    z_.avail_out = static_cast<uInt>(capacity - carry_);
    uInt in_before = z_.avail_in;
    int rc = inflate(&z_, Z_NO_FLUSH);
    compressed_ += in_before - z_.avail_in;
    size_t produced = capacity - carry_ - z_.avail_out;
    text_ += static_cast<int64_t>(produced);
    if (rc == Z_STREAM_END) {
      member_ended_ = true;
    } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
      return Status::Corruption(what_ + ": bad gzip data at compressed byte " + std::to_string(compressed_) +
                                ": " + (z_.msg != nullptr ? z_.msg : "inflate failed"));
    }
    RETURN_IF_ERROR(Deliver(carry_ + produced));
    if (rc == Z_BUF_ERROR && produced == 0 && z_.avail_in > 0 && z_.avail_out > 0) {
      return Status::Corruption(what_ + ": gunzip made no progress at compressed byte " +
                                std::to_string(compressed_));
    }
  }
  return Status::OK();
}

Status GzipLineStream::Finish() {
  if (!initialized_) return Status::Internal(what_ + ": cannot set up gunzip");
  if (!member_ended_) {
    return Status::Corruption(what_ + ": truncated gzip: the stream stops after " +
                              std::to_string(compressed_) + " compressed bytes without its end");
  }
  if (carry_ > 0) {
    size_t n = carry_;
    carry_ = 0;
    RETURN_IF_ERROR(on_lines_(std::string_view(buffer_.data(), n)));
  }
  return Status::OK();
}

}  // namespace cinelake
