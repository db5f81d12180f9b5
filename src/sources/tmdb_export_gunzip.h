// GzipLineStream: a streaming gunzip that hands out whole lines of text.
//
// Feed() takes compressed bytes as they arrive (a download's write callback)
// and calls `on_lines` with blocks holding only complete lines, each ending in
// '\n'; Finish() hands out a last line without a newline and fails when the
// gzip stream did not end (a truncated download). Concatenated gzip members
// (what `cat a.gz b.gz` makes) are one stream. Memory is one output buffer of
// kBlockBytes plus the longest line seen, never the whole file.
//
// Not thread-safe: one stream per download. Errors: Corruption naming `what`
// and the compressed offset for bad gzip data, a truncated stream, or a line
// longer than kMaxLineBytes; whatever `on_lines` returns is passed back.
#pragma once

#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace cinelake {

class GzipLineStream {
 public:
  static constexpr size_t kBlockBytes = 1 << 20;
  static constexpr size_t kMaxLineBytes = 16 << 20;

  using LinesFn = std::function<Status(std::string_view lines)>;

  // `what` names the stream in errors (a file name).
  GzipLineStream(std::string what, LinesFn on_lines);
  ~GzipLineStream();
  GzipLineStream(const GzipLineStream&) = delete;
  GzipLineStream& operator=(const GzipLineStream&) = delete;

  Status Feed(std::string_view compressed);
  Status Finish();

  int64_t compressed_bytes() const { return compressed_; }
  int64_t text_bytes() const { return text_; }

 private:
  Status Deliver(size_t filled);

  std::string what_;
  LinesFn on_lines_;
  z_stream z_{};
  bool initialized_ = false;
  bool member_ended_ = false;  // the last member's trailer was read
  std::vector<char> buffer_;
  size_t carry_ = 0;  // bytes of an unfinished line at buffer_'s start
  int64_t compressed_ = 0;
  int64_t text_ = 0;
};

}  // namespace cinelake
