// The lines of a TMDB daily export file, parsed into columns.
//
//   movies: {"adult":false,"id":3924,"original_title":"Blondie","popularity":2.87,"video":false}
//   series: {"id":1399,"original_name":"...","popularity":12.5}
//
// A line is kept when it is one JSON object with a positive integer "id" and
// a finite "popularity" in [0, 1e8) (what DECIMAL(10,2) holds); the title
// ("original_title" or "original_name") may be a string, null or absent;
// "adult" and "video" may be booleans, null or absent. Other fields are
// ignored. Anything else — bad JSON, bad UTF-8, a wrong type, trailing bytes —
// makes the line malformed: it is counted, its first few reasons kept, and it
// is skipped. Blank lines are neither kept nor counted.
//
// The grammar is JSON's (RFC 8259: escapes, \u surrogate pairs, strict
// numbers, UTF-8 checked), for one flat line at a time: a hand-written
// scanner, since a general parser's per-document set-up would cost more than
// these 80-byte lines. Nested values of unknown fields are skipped, checked.
// ExportLineParser keeps scratch space; not thread-safe (one per stream).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cinelake {

// Columns of the kept lines, in file order. Tristate booleans: 1, 0, or -1
// for null/absent.
struct ExportBatch {
  std::vector<int64_t> id;
  std::vector<double> popularity;
  std::vector<int8_t> adult;
  std::vector<int8_t> video;
  std::vector<uint8_t> title_valid;
  std::vector<uint64_t> title_end;  // title i = title_bytes[title_end[i-1], title_end[i])
  std::string title_bytes;
  bool ids_ascending = true;  // every kept id larger than the one before

  int64_t lines = 0;  // non-blank lines seen
  int64_t malformed = 0;
  std::vector<std::string> malformed_examples;  // "line N: reason", the first few

  size_t size() const { return id.size(); }
  std::string_view title(size_t i) const {
    uint64_t begin = i == 0 ? 0 : title_end[i - 1];
    return std::string_view(title_bytes).substr(begin, title_end[i] - begin);
  }
  void Reserve(size_t rows, size_t title_bytes_hint);
};

class ExportLineParser {
 public:
  static constexpr size_t kExamplesKept = 5;

  // Parses every line of `block` (lines end in '\n'; the last may not) into *out.
  void ParseBlock(std::string_view block, ExportBatch* out);

 private:
  // Null when the line was kept, else why not.
  const char* ParseLine(std::string_view line, ExportBatch* out);

  std::string title_;  // the title being unescaped
};

}  // namespace cinelake
