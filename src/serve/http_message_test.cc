#include "serve/http_message.h"

#include <gtest/gtest.h>

namespace cinelake::serve {
namespace {

TEST(ParseRequestHeadTest, SplitsTargetPathQueryAndHeaders) {
  HttpRequest req;
  ASSERT_EQ(ParseRequestHead("GET /api/title%20x?id=tt1&q=a+b HTTP/1.1\r\nHost: h\r\nX-Thing:  v \r\n", &req),
            0);
  EXPECT_EQ(req.method, "GET");
  EXPECT_EQ(req.target, "/api/title%20x?id=tt1&q=a+b");
  EXPECT_EQ(req.path, "/api/title x");
  ASSERT_EQ(req.params.count("id"), 1u);
  EXPECT_EQ(req.params.find("id")->second, "tt1");
  EXPECT_EQ(req.params.find("q")->second, "a b");
  ASSERT_NE(req.Header("x-thing"), nullptr);
  EXPECT_EQ(*req.Header("x-thing"), "v");
  EXPECT_EQ(req.Header("range"), nullptr);
  EXPECT_FALSE(req.http10);
}

TEST(ParseRequestHeadTest, RefusesMalformedHeads) {
  auto status = [](const std::string& head) {
    HttpRequest req;
    return ParseRequestHead(head, &req);
  };
  EXPECT_EQ(status("GET / HTTP/1.0\r\n"), 0);
  EXPECT_EQ(status("GET /\r\n"), 400);
  EXPECT_EQ(status("GET  / HTTP/1.1\r\n"), 400);
  EXPECT_EQ(status("GET http://x/ HTTP/1.1\r\n"), 400);
  EXPECT_EQ(status("GET / HTTP/2.0\r\n"), 505);
  EXPECT_EQ(status("GET / HTTP/1.1\r\nNo colon\r\n"), 400);
  EXPECT_EQ(status("GET / HTTP/1.1\r\nBad Name: v\r\n"), 400);
  EXPECT_EQ(status("GET / HTTP/1.1\r\nA: b\r\n folded\r\n"), 400);
  EXPECT_EQ(status("GET / HTTP/1.1\r\nA: b\x01\r\n"), 400);
  EXPECT_EQ(status("GET /" + std::string(kMaxTargetBytes, 'a') + " HTTP/1.1\r\n"), 414);
  std::string many = "GET / HTTP/1.1\r\n";
  for (size_t i = 0; i <= kMaxHeaderLines; ++i) many += "X: y\r\n";
  EXPECT_EQ(status(many), 431);
}

TEST(SerializeHeadTest, WritesLengthAndConnection) {
  HttpResponse res;
  res.status = 404;
  res.content_type = "application/json";
  res.headers.emplace_back("X-A", "b");
  EXPECT_EQ(SerializeHead(res, 7, false),
            "HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nX-A: b\r\nContent-Length: 7\r\n"
            "Connection: close\r\n\r\n");
}

}  // namespace
}  // namespace cinelake::serve
