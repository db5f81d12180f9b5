// Static files of the dashboard's front end, confined to one folder.
//
// ResolveStaticPath() maps a request path (as sent, still percent-encoded) to
// a file under `root`, or refuses it. It refuses, before touching the disk:
// backslashes, NUL and control bytes, "." and ".." segments whether written
// plainly or percent-encoded (%2e%2e, %2E.), encoded slashes, empty segments
// ("//etc"), malformed escapes and over-long paths; then, after resolving
// symlinks, anything whose real path is not inside root's real path.
// "/" maps to index.html.
//
// Pure but for reading the file system (realpath, stat); safe from any
// thread; errors as below.
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"

namespace cinelake::serve {

// InvalidArgument for a refused path, NotFound for a clean path with no file.
Result<std::string> ResolveStaticPath(const std::string& root, std::string_view raw_path);

// What a Range header asks of a file of `size` bytes. Only one range is ever
// served: a malformed header, or one listing several ranges, is answered with
// the whole file (kWhole), which RFC 9110 allows, so no request can make the
// answer larger than the file. kPart: bytes [first, last]; kUnsatisfiable: 416.
struct RangeAnswer {
  enum Kind { kWhole, kPart, kUnsatisfiable } kind = kWhole;
  size_t first = 0;
  size_t last = 0;
};
RangeAnswer AnswerRange(const std::string* range_header, size_t size);

// "text/html; charset=utf-8", "text/javascript", ... by extension.
const char* ContentTypeFor(std::string_view path);

}  // namespace cinelake::serve
