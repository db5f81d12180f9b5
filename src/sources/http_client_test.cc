#include "sources/http_client.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "sources/testing/canned.h"
#include "sources/testing/fake_api_server.h"

namespace cinelake {
namespace {

TEST(SourcesCurlTransport, CompressedBodiesAreAcceptedAndDecoded) {
  testing::FakeApiServer server;
  ASSERT_TRUE(server.Start().ok());
  std::string big = "[";
  for (int i = 0; i < 200; ++i) big += (i ? "," : "") + testing::ImdbTitleJson("tt" + std::to_string(i + 1));
  big += "]";
  server.SetJson("/imdb236/api/imdb/most-popular-movies", big);
  auto t = CurlTransport::Create({});
  ASSERT_TRUE(t.ok());
  HttpRequest r;
  r.url = server.imdb_base_url() + "/most-popular-movies";
  r.headers = {{"X-RapidAPI-Key", "fake-imdb-key-0001"}, {"X-RapidAPI-Host", "imdb236.p.rapidapi.com"}};
  for (int i = 0; i < 3; ++i) {
    auto resp = (*t)->Perform(r);
    ASSERT_TRUE(resp.ok()) << resp.status().ToString();
    EXPECT_EQ(resp->status, 200);
    // libcurl offers every encoding it can decode (gzip, deflate, br); the
    // server picked one and the body arrives decoded.
    std::string encoding = resp->Header("content-encoding");
    EXPECT_TRUE(encoding == "gzip" || encoding == "br" || encoding == "deflate") << encoding;
    EXPECT_EQ(resp->body, big);
    EXPECT_EQ(resp->Header("content-type"), "application/json");
  }
}

TEST(SourcesCurlTransport, PoolBoundHoldsAcrossThreads) {
  testing::FakeServerOptions o;
  o.latency_ms = 30;
  testing::FakeApiServer server(o);
  ASSERT_TRUE(server.Start().ok());
  server.SetJson("/tmdb/3/movie/1", testing::TmdbMovieJson(1));
  CurlOptions options;
  options.max_in_flight["tmdb"] = 3;
  auto t = CurlTransport::Create(options);
  ASSERT_TRUE(t.ok());
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int i = 0; i < 12; ++i) {
    threads.emplace_back([&] {
      HttpRequest r;
      r.url = server.tmdb_base_url() + "/movie/1";
      r.pool = "tmdb";
      r.headers = {{"Authorization", "Bearer fake-tmdb-bearer-0002"}};
      auto resp = (*t)->Perform(r);
      if (resp.ok() && resp->status == 200) ok.fetch_add(1);
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(ok.load(), 12);
  EXPECT_LE(server.max_concurrency(), 3);
  EXPECT_EQ((*t)->max_in_flight_seen("tmdb"), 3);
}

TEST(SourcesCurlTransport, OversizeIsPermanentAndTimeoutIsANetworkError) {
  testing::FakeApiServer server;
  ASSERT_TRUE(server.Start().ok());
  testing::FaultSpec big{testing::Fault::kOversize, 0, "", -1};
  big.oversize_bytes = 300 * 1024;
  server.AddFault("/tmdb/3/movie/2", big);
  testing::FaultSpec stall{testing::Fault::kStall, 0, "", -1};
  stall.stall_ms = 600;
  server.AddFault("/tmdb/3/movie/3", stall);
  CurlOptions options;
  options.max_response_bytes = 100 * 1024;
  options.timeout_ms = 200;
  auto t = CurlTransport::Create(options);
  ASSERT_TRUE(t.ok());
  HttpRequest r;
  r.headers = {{"Authorization", "Bearer fake-tmdb-bearer-0002"}};
  r.url = server.tmdb_base_url() + "/movie/2";
  auto a = (*t)->Perform(r);
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().code(), Status::Code::kNotSupported);
  EXPECT_NE(a.status().message().find("larger than 102400 bytes"), std::string::npos) << a.status().message();
  r.url = server.tmdb_base_url() + "/movie/3";
  auto start = std::chrono::steady_clock::now();
  auto b = (*t)->Perform(r);
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.status().code(), Status::Code::kNetwork);
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 0.5);
}

}  // namespace
}  // namespace cinelake
