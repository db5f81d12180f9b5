// The two folds of serve side by side: UnicodeFold (full Unicode case
// folding, for the catalog's titles in every script) and FoldCase (the
// scripts the sources' titles use, for the IMDB-list search). One table says
// what each makes of the same text, so where they differ is plain to see.
#include "serve/unicode_fold.h"

#include <gtest/gtest.h>

#include "serve/fold_case.h"

namespace cinelake::serve {
namespace {

struct Folds {
  std::string_view text;
  std::string_view unicode;    // UnicodeFold(text)
  std::string_view fold_case;  // FoldCase(text)
};

constexpr Folds kFolds[] = {
    {"The Dark KNIGHT", "the dark knight", "the dark knight"},
    {"HarBor 2", "harbor 2", "harbor 2"},
    {"AMÉLIE", "amélie", "amélie"},
    {"Amélie", "amélie", "amélie"},
    {"ÀÞ×", "àþ×", "àþ×"},  // × has no small form
    {"ŁÓDŹ ŻÓŁW Ÿ", "łódź żółw ÿ", "łódź żółw ÿ"},
    {"WÓJCIK", "wójcik", "wójcik"},
    {"Straße", "strasse", "straße"},  // only full folding expands ß
    {"STRASSE", "strasse", "strasse"},
    {"ΟΔΥΣΣΕΙΑ Ά", "οδυσσεια ά", "οδυσσεια ά"},
    {"БРАТ Ё", "брат ё", "брат ё"},
    {"ԱՐԱՄ", "արամ", "ԱՐԱՄ"},                                      // Armenian: UnicodeFold only
    {"ＡＢＣ", "ａｂｃ", "ＡＢＣ"},                                // full-width Latin: UnicodeFold only
    {"千と千尋の神隠し", "千と千尋の神隠し", "千と千尋の神隠し"},  // no case: unchanged
    {"기생충", "기생충", "기생충"},
    {"🎬 Short", "🎬 short", "🎬 short"},
    {"", "", ""},
};

TEST(TitleFolds, EachFoldOfTheSameText) {
  for (const Folds& f : kFolds) {
    EXPECT_EQ(UnicodeFold(f.text), f.unicode) << f.text;
    EXPECT_EQ(FoldCase(f.text), f.fold_case) << f.text;
  }
}

TEST(TitleFolds, UnicodeFoldMakesCaseVariantsOne) {
  EXPECT_EQ(UnicodeFold("ΣΊΣΥΦΟΣ"), UnicodeFold("σίσυφος"));  // Greek, final sigma too
  EXPECT_EQ(UnicodeFold("ႠႡ"), UnicodeFold("ⴀⴁ"));            // Georgian
}

// Bytes that are not UTF-8 are copied, never refused; ASCII around them folds.
TEST(TitleFolds, BadBytesAreKept) {
  for (std::string_view bad : {std::string_view("AB\xff\xfe"), std::string_view("A\xC3"),
                               std::string_view("\xC3\x28"
                                                "B")}) {
    std::string u = UnicodeFold(bad), c = FoldCase(bad);
    EXPECT_EQ(u.size(), bad.size());
    EXPECT_EQ(c.size(), bad.size());
    EXPECT_EQ(u.find_first_of("AB"), std::string::npos);
  }
  EXPECT_EQ(FoldCase("A\xC3"), "a\xC3");  // a lead byte cut off at the end
  EXPECT_EQ(FoldCase("\xC3\x28"
                     "B"),
            "\xC3(b");  // a lead byte without its continuation
  EXPECT_EQ(UnicodeFold("AB\xff\xfe").substr(0, 2), "ab");
}

}  // namespace
}  // namespace cinelake::serve
