#include "sources/url_util.h"

#include <gtest/gtest.h>

#include "common/log.h"

namespace cinelake {
namespace {

TEST(SourcesUrlUtil, KeysAreStrippedOrMasked) {
  RegisterSecret("0123456789abcdef0123456789abcdef");
  std::string url =
      "https://api.themoviedb.org/3/movie/5?language=en-US&api_key=0123456789abcdef0123456789abcdef";
  EXPECT_EQ(StripKeyParams(url), "https://api.themoviedb.org/3/movie/5?language=en-US");
  EXPECT_EQ(RedactUrl(url), "https://api.themoviedb.org/3/movie/5?language=en-US&api_key=***");
  EXPECT_EQ(StripKeyParams("http://h/x?api_key=zz"), "http://h/x");
  EXPECT_EQ(StripKeyParams("http://h/x"), "http://h/x");
}

TEST(SourcesUrlUtil, PathAndHost) {
  EXPECT_EQ(UrlPathAndQuery("http://127.0.0.1:80/tmdb/3/movie/5?a=b"), "/tmdb/3/movie/5?a=b");
  EXPECT_EQ(UrlPathAndQuery("http://h"), "/");
  EXPECT_EQ(UrlHostPort("http://user:pw@127.0.0.1:8080/x"), "127.0.0.1:8080");
  EXPECT_EQ(UrlEncode("en-US"), "en-US");
  EXPECT_EQ(UrlEncode("a b/c"), "a%20b%2Fc");
}

}  // namespace
}  // namespace cinelake
