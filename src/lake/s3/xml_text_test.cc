#include "lake/s3/xml_text.h"

#include <gtest/gtest.h>

namespace cinelake::s3 {
namespace {

TEST(XmlTextTest, ReadsAListingPageAndItsEntities) {
  std::string page =
      "<?xml version=\"1.0\"?><ListBucketResult><Prefix>gold/</Prefix><IsTruncated>true</IsTruncated>"
      "<Contents><Key>gold/a&amp;b.parquet</Key><Size>3</Size></Contents>"
      "<Contents><Key>gold/&#233;.parquet</Key></Contents>"
      "<CommonPrefixes><Prefix>gold/t/</Prefix></CommonPrefixes><CommonPrefixes><Prefix>gold/u/</Prefix>"
      "</CommonPrefixes><NextContinuationToken>tok/1==</NextContinuationToken><KeyCount/></ListBucketResult>";
  auto contents = XmlElements(page, "Contents");
  ASSERT_EQ(contents.size(), 2u);
  EXPECT_EQ(XmlText(contents[0], "Key"), "gold/a&b.parquet");
  EXPECT_EQ(XmlText(contents[1], "Key"), "gold/\xC3\xA9.parquet");
  auto common = XmlElements(page, "CommonPrefixes");
  ASSERT_EQ(common.size(), 2u);
  EXPECT_EQ(XmlText(common[1], "Prefix"), "gold/u/");
  EXPECT_EQ(XmlText(page, "IsTruncated"), "true");
  EXPECT_EQ(XmlText(page, "NextContinuationToken"), "tok/1==");
  EXPECT_EQ(XmlElements(page, "KeyCount").size(), 1u);
  EXPECT_EQ(XmlText(page, "Absent"), "");
  EXPECT_EQ(XmlEscape("a<&>'\""), "a&lt;&amp;&gt;&apos;&quot;");
}

}  // namespace
}  // namespace cinelake::s3
