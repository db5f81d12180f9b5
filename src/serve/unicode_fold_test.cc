#include "serve/unicode_fold.h"

#include <gtest/gtest.h>

namespace cinelake::serve {
namespace {

TEST(UnicodeFold, AsciiAndLatin) {
  EXPECT_EQ(UnicodeFold("The Dark KNIGHT"), "the dark knight");
  EXPECT_EQ(UnicodeFold("AMÉLIE"), "amélie");
  EXPECT_EQ(UnicodeFold("Straße"), "strasse");
  EXPECT_EQ(UnicodeFold("STRASSE"), "strasse");
}

TEST(UnicodeFold, ScriptsBeyondLatin) {
  EXPECT_EQ(UnicodeFold("ΣΊΣΥΦΟΣ"), UnicodeFold("σίσυφος"));       // Greek, final sigma too
  EXPECT_EQ(UnicodeFold("БРАТ"), "брат");                          // Cyrillic
  EXPECT_EQ(UnicodeFold("ԱՐԱՄ"), "արամ");                          // Armenian
  EXPECT_EQ(UnicodeFold("ႠႡ"), UnicodeFold("ⴀⴁ"));                 // Georgian
  EXPECT_EQ(UnicodeFold("ＡＢＣ"), "ａｂｃ");                      // full-width Latin
  EXPECT_EQ(UnicodeFold("千と千尋の神隠し"), "千と千尋の神隠し");  // no case: unchanged
  EXPECT_EQ(UnicodeFold("기생충"), "기생충");
}

TEST(UnicodeFold, InvalidUtf8IsKeptNotRefused) {
  std::string bad = "AB\xff\xfe";
  std::string folded = UnicodeFold(bad);
  EXPECT_EQ(folded.substr(0, 2), "ab");
  EXPECT_EQ(folded.size(), bad.size());
  EXPECT_EQ(UnicodeFold(""), "");
}

}  // namespace
}  // namespace cinelake::serve
