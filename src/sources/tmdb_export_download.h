// StreamDownload: one HTTP GET whose body is handed over as it arrives.
//
// For the TMDB daily export files, which are too large to hold: the body of a
// 200 answer goes to `on_body` chunk by chunk (libcurl's write callback, on
// the calling thread); other answers' bodies are dropped. No content encoding
// is requested, so a .gz file arrives as the gzip bytes it is. Redirects are
// not followed. A file:// URL reads a local mirror of the files: a missing
// file answers 404, a present one 200.
//
// Returns the HTTP status (200, 404, ...). Errors: Network for a transport
// failure, a timeout, or a stall (no body byte for stall_ms); Aborted when
// `cancel` is set; whatever `on_body` returns stops the transfer and is
// passed back. Messages carry the URL through Redact(). Thread-safe: every
// call has its own libcurl handle.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "common/status.h"

namespace cinelake {

struct StreamDownloadOptions {
  int connect_timeout_ms = 10'000;
  int timeout_ms = 15 * 60 * 1000;  // the whole transfer
  int stall_ms = 30'000;            // no byte for this long: give up
  std::string user_agent = "cinelake/0.1";
};

using BodyFn = std::function<Status(std::string_view chunk)>;

Result<int> StreamDownload(const std::string& url, const StreamDownloadOptions& options,
                           const BodyFn& on_body, const std::atomic<bool>* cancel = nullptr);

}  // namespace cinelake
