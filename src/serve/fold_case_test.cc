#include "serve/fold_case.h"

#include <gtest/gtest.h>

namespace cinelake::serve {
namespace {

TEST(ServeFoldCase, AsciiAndLatin) {
  EXPECT_EQ(FoldCase("HarBor 2"), "harbor 2");
  EXPECT_EQ(FoldCase("AMÉLIE"), "amélie");
  EXPECT_EQ(FoldCase("Amélie"), "amélie");
  EXPECT_EQ(FoldCase("ÀÞ×"), "àþ×");  // × has no small form
  EXPECT_EQ(FoldCase("ŁÓDŹ ŻÓŁW Ÿ"), "łódź żółw ÿ");
  EXPECT_EQ(FoldCase("WÓJCIK"), "wójcik");
}

TEST(ServeFoldCase, GreekAndCyrillic) {
  EXPECT_EQ(FoldCase("ΟΔΥΣΣΕΙΑ Ά"), "οδυσσεια ά");
  EXPECT_EQ(FoldCase("БРАТ Ё"), "брат ё");
}

TEST(ServeFoldCase, OtherTextAndBadBytesUnchanged) {
  EXPECT_EQ(FoldCase("千と千尋の神隠し"), "千と千尋の神隠し");
  EXPECT_EQ(FoldCase("🎬 Short"), "🎬 short");
  std::string bad = "A\xC3";  // a lead byte cut off at the end
  EXPECT_EQ(FoldCase(bad), "a\xC3");
  EXPECT_EQ(FoldCase("\xC3\x28"
                     "B"),
            "\xC3(b");  // a lead byte without its continuation
  EXPECT_EQ(FoldCase(""), "");
}

}  // namespace
}  // namespace cinelake::serve
