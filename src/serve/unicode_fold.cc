#include "serve/unicode_fold.h"

#include <unicode/ucasemap.h>

#include <memory>

namespace cinelake::serve {

namespace {

struct CaseMapCloser {
  void operator()(UCaseMap* m) const { ucasemap_close(m); }
};

// nullptr when ICU cannot open one (then only ASCII is folded).
const UCaseMap* ThreadCaseMap() {
  thread_local std::unique_ptr<UCaseMap, CaseMapCloser> map = [] {
    UErrorCode err = U_ZERO_ERROR;
    std::unique_ptr<UCaseMap, CaseMapCloser> m(ucasemap_open("", U_FOLD_CASE_DEFAULT, &err));
    if (U_FAILURE(err)) m.reset();
    return m;
  }();
  return map.get();
}

std::string AsciiFold(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return out;
}

}  // namespace

std::string UnicodeFold(std::string_view text) {
  const UCaseMap* map = ThreadCaseMap();
  if (map == nullptr || text.size() > INT32_MAX / 4) return AsciiFold(text);
  // Folding grows text by at most 3x (one code point to three); one retry
  // with ICU's own figure covers anything else.
  std::string out(text.size() * 3 + 4, '\0');
  for (int attempt = 0; attempt < 2; ++attempt) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t n = ucasemap_utf8FoldCase(map, out.data(), static_cast<int32_t>(out.size()), text.data(),
                                      static_cast<int32_t>(text.size()), &err);
    if (err == U_BUFFER_OVERFLOW_ERROR) {
      out.assign(static_cast<size_t>(n) + 1, '\0');
      continue;
    }
    if (U_FAILURE(err)) return AsciiFold(text);
    out.resize(static_cast<size_t>(n));
    return out;
  }
  return AsciiFold(text);
}

}  // namespace cinelake::serve
