#include "common/enum_names.h"

#include <gtest/gtest.h>

namespace cinelake {
namespace {

enum class Colour { kRed, kGreen, kBlue };

constexpr EnumName<Colour> kColourNames[] = {{Colour::kRed, "red"}, {Colour::kGreen, "green"}};

TEST(EnumNamesTest, NamesAListedValueAndMarksAnUnlistedOne) {
  static_assert(std::string_view(NameOf(kColourNames, Colour::kGreen)) == "green");
  EXPECT_STREQ(NameOf(kColourNames, Colour::kRed), "red");
  EXPECT_STREQ(NameOf(kColourNames, Colour::kBlue), "?");
}

TEST(EnumNamesTest, ParsesExactNamesOnly) {
  EXPECT_TRUE(ValueNamed(kColourNames, "green") == Colour::kGreen);
  EXPECT_TRUE(ValueNamed(kColourNames, "red") == Colour::kRed);
  EXPECT_FALSE(ValueNamed(kColourNames, "Red").has_value());
  EXPECT_FALSE(ValueNamed(kColourNames, "blue").has_value());
  EXPECT_FALSE(ValueNamed(kColourNames, "").has_value());
}

}  // namespace
}  // namespace cinelake
