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

// "text/html; charset=utf-8", "text/javascript", ... by extension.
const char* ContentTypeFor(std::string_view path);

}  // namespace cinelake::serve
