#include "serve/query_string.h"

#include <gtest/gtest.h>

namespace cinelake::serve {
namespace {

std::string One(const Query& q, const std::string& key) {
  EXPECT_EQ(q.count(key), 1u) << key;
  auto it = q.find(key);
  return it == q.end() ? "<absent>" : it->second;
}

TEST(ServeQueryString, SplitsEachParameterOnItsFirstEqualsSign) {
  Query q = ParseQuery("q=Mirror=x&ids=a,b&empty=&bare");
  EXPECT_EQ(One(q, "q"), "Mirror=x");
  EXPECT_EQ(One(q, "ids"), "a,b");
  EXPECT_EQ(One(q, "empty"), "");
  EXPECT_EQ(One(q, "bare"), "");
  EXPECT_EQ(q.size(), 4u);
}

TEST(ServeQueryString, DecodesPercentAndPlusButKeepsMalformedEscapes) {
  Query q = ParseQuery("q=a%3Db+c%26d&k%20ey=%zz%4");
  EXPECT_EQ(One(q, "q"), "a=b c&d");
  EXPECT_EQ(One(q, "k ey"), "%zz%4");
  EXPECT_EQ(PercentDecode("/api/title/a+b%2Fc", false), "/api/title/a+b/c");
}

TEST(ServeQueryString, TargetSplitsPathFromQueryAndBoundsParameters) {
  Result<Target> t = ParseTarget("/api/search?q=%3Cimg&q=second");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->path, "/api/search");
  EXPECT_EQ(t->query.find("q")->second, "<img");  // the first of repeats
  std::string many = "/api/dates?";
  for (size_t i = 0; i <= kMaxQueryParams; ++i) many += "p" + std::to_string(i) + "=1&";
  Result<Target> bad = ParseTarget(many);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(bad.status().message().find("too many query parameters"), std::string::npos);
}

}  // namespace
}  // namespace cinelake::serve
