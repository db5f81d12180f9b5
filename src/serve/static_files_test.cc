#include "serve/static_files.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "common/testing/scratch_dir.h"

namespace cinelake::serve {
namespace {

namespace fs = std::filesystem;

class ServeStaticTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(root_ / "web" / "assets");
    std::ofstream(root_ / "web" / "index.html") << "<!doctype html>";
    std::ofstream(root_ / "web" / "assets" / "app.js") << "1";
    std::ofstream(root_ / "secret.txt") << "secret";
    fs::create_symlink(root_ / "secret.txt", root_ / "web" / "link.txt");
  }
  std::string web() const { return (root_ / "web").string(); }
  testing::ScratchDir scratch_{"static"};
  const fs::path root_ = scratch_.path();
};

TEST_F(ServeStaticTest, ServesFilesInsideTheFolder) {
  auto r = ResolveStaticPath(web(), "/");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(fs::path(*r).filename(), "index.html");
  EXPECT_TRUE(ResolveStaticPath(web(), "/assets/app.js?v=1").ok());
  EXPECT_TRUE(ResolveStaticPath(web(), "/assets/%61pp.js").ok());  // an encoded ordinary letter is fine
  EXPECT_TRUE(ResolveStaticPath(web(), "/nope.js").status().IsNotFound());
  EXPECT_STREQ(ContentTypeFor("/a/b.js"), "text/javascript; charset=utf-8");
}

TEST_F(ServeStaticTest, RefusesTraversalInEveryForm) {
  for (const char* bad : {"/../secret.txt",
                          "/assets/../../secret.txt",
                          "/%2e%2e/secret.txt",
                          "/%2E%2E/secret.txt",
                          "/.%2e/secret.txt",
                          "/%2e./secret.txt",
                          "/assets/%2e%2e/%2e%2e/secret.txt",
                          "/..%2fsecret.txt",
                          "/%2e%2e%2fsecret.txt",
                          "/..\\secret.txt",
                          "/%5c..%5csecret.txt",
                          "/assets\\..\\..\\secret.txt",
                          "//etc/passwd",
                          "/./index.html",
                          "/index.html%00.js",
                          "/%252e%252e/secret.txt",
                          "/%zz",
                          "/%2",
                          "relative.txt",
                          "/C:/windows",
                          "/link.txt"}) {
    auto r = ResolveStaticPath(web(), bad);
    EXPECT_FALSE(r.ok()) << bad;
  }
  std::string nul = std::string("/index.html") + '\0';
  EXPECT_FALSE(ResolveStaticPath(web(), nul).ok());
  EXPECT_FALSE(ResolveStaticPath(web(), "/" + std::string(600, 'a')).ok());
}

TEST(AnswerRangeTest, ServesOneRangeAndTheWholeFileForSeveral) {
  auto ask = [](const char* header, size_t size) {
    std::string h = header;
    return AnswerRange(&h, size);
  };
  EXPECT_EQ(AnswerRange(nullptr, 100).kind, RangeAnswer::kWhole);
  RangeAnswer r = ask("bytes=10-19", 100);
  EXPECT_EQ(r.kind, RangeAnswer::kPart);
  EXPECT_EQ(r.first, 10u);
  EXPECT_EQ(r.last, 19u);
  r = ask("bytes=90-", 100);
  EXPECT_EQ(r.first, 90u);
  EXPECT_EQ(r.last, 99u);
  r = ask("bytes=-5", 100);
  EXPECT_EQ(r.first, 95u);
  EXPECT_EQ(r.last, 99u);
  r = ask("bytes=50-1000", 100);
  EXPECT_EQ(r.last, 99u);
  EXPECT_EQ(ask("bytes=100-", 100).kind, RangeAnswer::kUnsatisfiable);
  EXPECT_EQ(ask("bytes=-0", 100).kind, RangeAnswer::kUnsatisfiable);
  // Several ranges, even 2,000 copies of one, are answered with the file once.
  std::string many = "bytes=0-";
  for (int i = 0; i < 2000; ++i) many += ",0-";
  EXPECT_EQ(ask(many.c_str(), 100).kind, RangeAnswer::kWhole);
  EXPECT_EQ(ask("bytes=0-1,5-6", 100).kind, RangeAnswer::kWhole);
  // Malformed: ignored, as RFC 9110 allows.
  EXPECT_EQ(ask("bytes=5-1", 100).kind, RangeAnswer::kWhole);
  EXPECT_EQ(ask("bytes=a-b", 100).kind, RangeAnswer::kWhole);
  EXPECT_EQ(ask("items=0-1", 100).kind, RangeAnswer::kWhole);
  EXPECT_EQ(ask("bytes=99999999999999999999-", 100).kind, RangeAnswer::kWhole);
}

}  // namespace
}  // namespace cinelake::serve
