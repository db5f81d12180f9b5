// The clients against FakeApiServer: every fault ends in a value or a typed
// error, with the right number of requests, and no key in any message.
#include <gtest/gtest.h>

#include <chrono>

#include "common/log.h"
#include "sources/api_clients.h"
#include "sources/api_deadline.h"
#include "sources/http_client.h"
#include "sources/testing/canned.h"
#include "sources/testing/fake_api_server.h"

namespace cinelake {
namespace {

using testing::FakeApiServer;
using testing::FakeServerOptions;
using testing::Fault;
using testing::FaultSpec;
using Clock = std::chrono::steady_clock;

constexpr const char* kImdb = "/imdb236/api/imdb";
constexpr const char* kTmdb = "/tmdb/3";

class SourcesClientTest : public ::testing::Test {
 protected:
  void SetUp() override {
    RegisterSecret("fake-imdb-key-0001");
    RegisterSecret("fake-tmdb-bearer-0002");
    ASSERT_TRUE(server_.Start().ok());
    for (int i = 1; i <= 40; ++i) {
      std::string id = "tt" + std::to_string(1000000 + i);
      server_.SetJson(std::string(kImdb) + "/" + id, testing::ImdbTitleJson(id));
    }
    config_ = testing::TestConfig(server_);
  }

  std::shared_ptr<CurlTransport> Curl(int in_flight = 8) {
    CurlOptions o;
    o.connect_timeout_ms = config_.connect_timeout_ms;
    o.timeout_ms = config_.timeout_ms;
    o.max_response_bytes = config_.max_response_bytes;
    o.http2 = false;
    o.max_in_flight["imdb"] = in_flight;
    o.max_in_flight["tmdb"] = in_flight;
    auto t = CurlTransport::Create(o);
    EXPECT_TRUE(t.ok());
    return *t;
  }

  static void ExpectNoKey(const std::string& text) {
    EXPECT_EQ(text.find("fake-imdb-key-0001"), std::string::npos) << text;
    EXPECT_EQ(text.find("fake-tmdb-bearer-0002"), std::string::npos) << text;
  }

  FakeApiServer server_;
  ApiConfig config_;
};

TEST_F(SourcesClientTest, TitleDecodesAndCountsOneRequest) {
  ImdbClient imdb(config_, Curl());
  auto r = imdb.Title("tt1000001");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->id, "tt1000001");
  EXPECT_EQ(r->cast.size(), 2u);
  EXPECT_EQ(r.attempts(), 1);
  EXPECT_EQ(r.http_status(), 200);
  EXPECT_EQ(imdb.request_count(), 1);
  EXPECT_EQ(server_.requests(), 1);
}

TEST_F(SourcesClientTest, NotFoundIsOneRequestAndTyped) {
  ImdbClient imdb(config_, Curl());
  auto r = imdb.Title("tt9999999");
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.status().IsNotFound()) << r.status().ToString();
  EXPECT_EQ(r.attempts(), 1);
  EXPECT_EQ(r.http_status(), 404);
  EXPECT_EQ(server_.requests_for(std::string(kImdb) + "/tt9999999"), 1);
  EXPECT_NE(r.status().message().find("/tt9999999"), std::string::npos);
  EXPECT_EQ(imdb.stats().not_found, 1);
}

TEST_F(SourcesClientTest, UnauthorizedIsNeverRetried) {
  ApiConfig bad = config_;
  bad.imdb_key = "wrong-imdb-key-1234";
  RegisterSecret(bad.imdb_key);
  ImdbClient imdb(bad, Curl());
  auto r = imdb.Title("tt1000001");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kUnauthorized);
  EXPECT_EQ(r.attempts(), 1);
  EXPECT_EQ(r.http_status(), 401);
  EXPECT_EQ(server_.requests(), 1);
  EXPECT_EQ(r.status().message().find("wrong-imdb-key-1234"), std::string::npos);

  ApiConfig none = config_;
  none.imdb_key.clear();
  ImdbClient keyless(none, Curl());
  auto k = keyless.Title("tt1000001");
  EXPECT_EQ(k.status().code(), Status::Code::kUnauthorized);
  EXPECT_EQ(k.attempts(), 0);
  EXPECT_EQ(server_.requests(), 1);  // nothing sent
}

TEST_F(SourcesClientTest, RetryAfterIsObeyed) {
  std::string path = std::string(kImdb) + "/tt1000002";
  server_.AddFault(path, FaultSpec{Fault::kStatus, 429, "1", 1});
  ImdbClient imdb(config_, Curl());
  auto r = imdb.Title("tt1000002");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r.attempts(), 2);
  auto arrivals = server_.arrivals_for(path);
  ASSERT_EQ(arrivals.size(), 2u);
  double gap = std::chrono::duration<double>(arrivals[1] - arrivals[0]).count();
  EXPECT_GE(gap, 0.995);
  EXPECT_LT(gap, 1.5);
  EXPECT_EQ(imdb.stats().rate_limited, 1);
  EXPECT_EQ(imdb.stats().retries, 1);
}

TEST_F(SourcesClientTest, PersistentFaultsEndInTypedErrorsWithoutKeys) {
  struct Case {
    FaultSpec spec;
    Status::Code code;
    int http_status;
    const char* words;
  };
  FaultSpec stall{Fault::kStall, 0, "", -1};
  stall.stall_ms = 700;
  const std::vector<Case> cases = {
      {{Fault::kStatus, 429, "0", -1}, Status::Code::kRateLimited, 429, "HTTP 429 after 3 attempts"},
      {{Fault::kStatus, 500, "", -1}, Status::Code::kNetwork, 500, "HTTP 500 after 3 attempts"},
      {{Fault::kStatus, 503, "0", -1}, Status::Code::kNetwork, 503, "HTTP 503 after 3 attempts"},
      {{Fault::kReset, 0, "", -1}, Status::Code::kNetwork, 0, "after 3 attempts"},
      {stall, Status::Code::kNetwork, 0, "after 3 attempts"},
      {{Fault::kTruncated, 0, "", -1}, Status::Code::kCorruption, 200, "malformed JSON"},
      {{Fault::kMalformed, 0, "", -1}, Status::Code::kCorruption, 200, "malformed JSON"},
  };
  config_.timeout_ms = 250;  // Curl() reads these
  config_.max_response_bytes = 64 * 1024;
  ApiConfig c = config_;
  c.tmdb_token = "0123456789abcdef0123456789abcdef";  // v3 key: travels in the URL
  RegisterSecret(c.tmdb_token);
  FakeServerOptions o;
  o.tmdb_token = c.tmdb_token;
  FakeApiServer v3(o);
  ASSERT_TRUE(v3.Start().ok());
  c.tmdb_base_url = v3.tmdb_base_url();
  TmdbClient tmdb(c, Curl());
  for (size_t i = 0; i < cases.size(); ++i) {
    SCOPED_TRACE(i);
    int64_t id = 500 + static_cast<int64_t>(i);
    std::string path = std::string(kTmdb) + "/movie/" + std::to_string(id);
    v3.SetJson(path, testing::TmdbMovieJson(id));
    v3.AddFault(path, cases[i].spec);
    auto start = Clock::now();
    auto r = tmdb.Movie(id);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), cases[i].code) << r.status().ToString();
    EXPECT_EQ(r.attempts(), 3);
    EXPECT_EQ(r.http_status(), cases[i].http_status);
    EXPECT_EQ(v3.requests_for(path), 3);
    const std::string& m = r.status().message();
    EXPECT_NE(m.find(cases[i].words), std::string::npos) << m;
    EXPECT_NE(m.find("tmdb GET /movie/" + std::to_string(id)), std::string::npos) << m;
    EXPECT_EQ(m.find("0123456789abcdef0123456789abcdef"), std::string::npos) << m;
    EXPECT_LT(std::chrono::duration<double>(Clock::now() - start).count(), 3.0);
  }
  // The key did reach the server (so the check above was meaningful).
  bool sent = false;
  for (const auto& t : v3.targets())
    sent |= t.find("api_key=0123456789abcdef0123456789abcdef") != std::string::npos;
  EXPECT_TRUE(sent);
}

TEST_F(SourcesClientTest, TransientFaultsRecover) {
  ImdbClient imdb(config_, Curl());
  const std::vector<FaultSpec> faults = {
      {Fault::kStatus, 500, "", 2},  {Fault::kStatus, 503, "0", 1}, {Fault::kReset, 0, "", 1},
      {Fault::kTruncated, 0, "", 1}, {Fault::kMalformed, 0, "", 2}, {Fault::kStatus, 429, "0", 2},
  };
  for (size_t i = 0; i < faults.size(); ++i) {
    std::string id = "tt" + std::to_string(1000010 + i);
    server_.AddFault(std::string(kImdb) + "/" + id, faults[i]);
    auto r = imdb.Title(id);
    ASSERT_TRUE(r.ok()) << i << ": " << r.status().ToString();
    EXPECT_EQ(r->id, id);
    EXPECT_EQ(r.attempts(), faults[i].times + 1) << i;
  }
  EXPECT_EQ(imdb.stats().failures, 0);
}

TEST_F(SourcesClientTest, BatchReportsPerItemInOrder) {
  std::vector<std::string> ids;
  for (int i = 1; i <= 30; ++i) ids.push_back("tt" + std::to_string(1000000 + i));
  ids.push_back("tt4242424");  // unknown
  ids.push_back("bad/../id");
  server_.AddFault(std::string(kImdb) + "/tt1000005", FaultSpec{Fault::kStatus, 500, "", -1});
  server_.AddFault(std::string(kImdb) + "/tt1000006", FaultSpec{Fault::kMalformed, 0, "", 1});
  ImdbClient imdb(config_, Curl());
  std::atomic<size_t> last_progress{0};
  auto results = imdb.Titles(ids, [&](size_t done, size_t total) {
    EXPECT_EQ(total, ids.size());
    last_progress = std::max(last_progress.load(), done);
  });
  ASSERT_EQ(results.size(), ids.size());
  EXPECT_EQ(last_progress.load(), ids.size());
  for (size_t i = 0; i < 30; ++i) {
    if (ids[i] == "tt1000005") {
      EXPECT_EQ(results[i].status().code(), Status::Code::kNetwork);
      EXPECT_EQ(results[i].attempts(), 3);
      continue;
    }
    ASSERT_TRUE(results[i].ok()) << ids[i] << " " << results[i].status().ToString();
    EXPECT_EQ(results[i]->id, ids[i]);
  }
  EXPECT_TRUE(results[30].status().IsNotFound());
  EXPECT_EQ(results[31].status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(results[31].attempts(), 0);
  ApiStats s = imdb.stats();
  EXPECT_EQ(s.calls, 32);
  EXPECT_EQ(s.requests, server_.requests());
  EXPECT_EQ(s.failures, 2);  // tt1000005 and the bad id
}

TEST_F(SourcesClientTest, InFlightNeverExceedsTheBound) {
  server_.SetLatencyMs(40);
  config_.imdb_limits = {1000, 100, 4};
  auto curl = Curl(4);
  ImdbClient imdb(config_, curl);
  std::vector<std::string> ids;
  for (int i = 1; i <= 40; ++i) ids.push_back("tt" + std::to_string(1000000 + i));
  auto start = Clock::now();
  auto results = imdb.Titles(ids);
  double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  for (auto& r : results) ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_LE(server_.max_concurrency(), 4);
  EXPECT_GE(server_.max_concurrency(), 3);  // and it did run concurrently
  EXPECT_LE(curl->max_in_flight_seen("imdb"), 4);
  EXPECT_GE(elapsed, 0.35);  // 40 × 40 ms / 4
}

TEST_F(SourcesClientTest, RateLimitIsRespectedAndTheCheckCanFail) {
  FakeServerOptions o;
  o.imdb_rate_per_sec = 40;
  o.imdb_burst = 5;
  FakeApiServer limited(o);
  ASSERT_TRUE(limited.Start().ok());
  std::vector<std::string> ids;
  for (int i = 1; i <= 40; ++i) {
    ids.push_back("tt" + std::to_string(2000000 + i));
    limited.SetJson(std::string(kImdb) + "/" + ids.back(), testing::ImdbTitleJson(ids.back()));
  }
  ApiConfig c = testing::TestConfig(limited);
  c.imdb_limits = {40, 5, 8};  // exactly the rate the server measures against
  {
    ImdbClient imdb(c, Curl());
    auto start = Clock::now();
    auto results = imdb.Titles(ids);
    for (auto& r : results) ASSERT_TRUE(r.ok());
    EXPECT_EQ(limited.rate_violations(), 0);
    EXPECT_GE(std::chrono::duration<double>(Clock::now() - start).count(), 0.85);  // (40-5)/40 s
  }
  // A client configured at twice the server's rate is caught.
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  c.imdb_limits = {80, 5, 8};
  ImdbClient greedy(c, Curl());
  auto results = greedy.Titles(ids);
  EXPECT_GT(limited.rate_violations(), 0);
}

TEST_F(SourcesClientTest, CancelledBatchSendsNothing) {
  std::atomic<bool> cancel{true};
  ImdbClient imdb(config_, Curl());
  imdb.SetCancelFlag(&cancel);
  auto results = imdb.Titles({"tt1000001", "tt1000002", "tt1000003"});
  for (auto& r : results) EXPECT_EQ(r.status().code(), Status::Code::kAborted);
  EXPECT_EQ(server_.requests(), 0);
}

TEST_F(SourcesClientTest, TmdbCallsAndBearerAuth) {
  server_.SetJson(std::string(kTmdb) + "/movie/27205", testing::TmdbMovieJson(27205));
  server_.SetJson(std::string(kTmdb) + "/tv/1399", testing::TmdbTvJson(1399));
  server_.SetJson(std::string(kTmdb) + "/tv/1399/season/1", testing::TmdbSeasonJson(1));
  TmdbClient tmdb(config_, Curl());
  auto details = tmdb.DetailsBatch(
      {{TmdbRef::Kind::kMovie, 27205}, {TmdbRef::Kind::kTv, 1399}, {TmdbRef::Kind::kTv, 77}});
  ASSERT_EQ(details.size(), 3u);
  ASSERT_TRUE(details[0].ok()) << details[0].status().ToString();
  EXPECT_TRUE(details[0]->movie.has_value());
  EXPECT_DOUBLE_EQ(*details[0]->popularity(), 83.95);
  ASSERT_TRUE(details[1].ok());
  EXPECT_EQ(details[1]->tv->networks.size(), 1u);
  EXPECT_TRUE(details[2].status().IsNotFound());
  auto pop = tmdb.PopularityBatch({{TmdbRef::Kind::kTv, 1399}});
  ASSERT_TRUE(pop[0].ok());
  EXPECT_DOUBLE_EQ(**pop[0], 250.5);
  auto seasons = tmdb.SeasonsBatch({{1399, 1}, {1399, 2}});
  ASSERT_TRUE(seasons[0].ok());
  EXPECT_EQ(seasons[0]->episodes.size(), 2u);
  EXPECT_TRUE(seasons[1].status().IsNotFound());
  for (const auto& t : server_.targets()) {
    ExpectNoKey(t);  // bearer tokens travel in a header, never the URL
    if (t.find("/movie/") != std::string::npos) {
      EXPECT_NE(t.find("language=en-US"), std::string::npos) << t;
    }
  }
}

TEST_F(SourcesClientTest, MappingPrefersFindAndFallsBackToImdb) {
  server_.SetJson(std::string(kTmdb) + "/find/tt1000001",
                  R"({"movie_results":[{"id":27205}],"tv_results":[]})");
  server_.SetJson(std::string(kTmdb) + "/find/tt1000002", R"({"movie_results":[],"tv_results":[]})");
  server_.SetJson(std::string(kImdb) + "/tt1000002/tmdb-id", R"({"tmdbId":"tv/1399"})");
  server_.SetJson(std::string(kTmdb) + "/find/tt1000003", R"({"movie_results":[],"tv_results":[]})");
  server_.SetJson(std::string(kImdb) + "/tt1000003/tmdb-id", R"({"tmdbId":null})");
  server_.AddFault(std::string(kTmdb) + "/find/tt1000004", FaultSpec{Fault::kStatus, 500, "", -1});
  server_.SetJson(std::string(kImdb) + "/tt1000004/tmdb-id", R"({"tmdbId":4242})");
  ApiClients clients(config_, Curl());
  auto r = clients.mapper().MapAll({"tt1000001", "tt1000002", "tt1000003", "tt1000004"},
                                   {"movie", "tvSeries", "movie", "movie"});
  ASSERT_EQ(r.size(), 4u);
  ASSERT_TRUE(r[0].ok());
  EXPECT_EQ(r[0]->value().path(), "movie/27205");
  ASSERT_TRUE(r[1].ok());
  EXPECT_EQ(r[1]->value().path(), "tv/1399");
  ASSERT_TRUE(r[2].ok());
  EXPECT_EQ(*r[2], std::nullopt);
  ASSERT_TRUE(r[3].ok()) << r[3].status().ToString();
  EXPECT_EQ(r[3]->value().path(), "movie/4242");
  EXPECT_EQ(r[3].attempts(), 4);                 // 3 failed finds + 1 imdb
  EXPECT_EQ(clients.imdb().request_count(), 3);  // tt1000001 needed no IMDB quota
  EXPECT_EQ(clients.tmdb().request_count(), 6);

  ApiConfig imdb_first = config_;
  imdb_first.mapping = MappingStrategy::kImdb;
  ApiClients other(imdb_first, Curl());
  auto m = other.mapper().Map("tt1000002", "tvSeries");
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->value().path(), "tv/1399");
  EXPECT_EQ(other.tmdb().request_count(), 0);
}

TEST_F(SourcesClientTest, ConnectionRefusedIsNetworkError) {
  FakeApiServer gone;
  ASSERT_TRUE(gone.Start().ok());
  ApiConfig c = testing::TestConfig(gone);
  gone.Stop();
  ImdbClient imdb(c, Curl());
  auto r = imdb.MostPopularMovies();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kNetwork);
  EXPECT_EQ(r.attempts(), 3);
  EXPECT_EQ(r.http_status(), 0);
  ExpectNoKey(r.status().message());
}

TEST_F(SourcesClientTest, AnOversizeBodyIsFetchedOnceNotOnEveryRetry) {
  config_.max_response_bytes = 64 * 1024;
  std::string path = std::string(kTmdb) + "/movie/900";
  server_.SetJson(path, testing::TmdbMovieJson(900));
  FaultSpec big{Fault::kOversize, 0, "", -1};
  big.oversize_bytes = 200 * 1024;
  server_.AddFault(path, big);
  TmdbClient tmdb(config_, Curl());
  auto r = tmdb.Movie(900);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kNotSupported) << r.status().ToString();
  EXPECT_NE(r.status().message().find("larger than 65536 bytes"), std::string::npos);
  EXPECT_EQ(r.attempts(), 1);
  EXPECT_EQ(server_.requests_for(path), 1);
}

TEST_F(SourcesClientTest, TheStepBudgetEndsCallsAndBoundsRequests) {
  ImdbClient imdb(config_, Curl());
  {
    ApiDeadlineScope spent(std::chrono::milliseconds(0));
    auto batch = imdb.Titles({"tt1000001", "tt1000002", "tt1000003"});  // workers inherit the deadline
    for (const auto& r : batch) {
      ASSERT_FALSE(r.ok());
      EXPECT_EQ(r.status().code(), Status::Code::kNetwork);
      EXPECT_NE(r.status().message().find("step budget used up before sending it"), std::string::npos);
    }
    EXPECT_EQ(server_.requests(), 0);
  }
  // A server slower than the budget (but within timeout_ms) is cut off at the budget.
  std::string path = std::string(kImdb) + "/tt1000004";
  FaultSpec stall{Fault::kStall, 0, "", -1};
  stall.stall_ms = 2500;
  server_.AddFault(path, stall);
  ApiDeadlineScope budget(std::chrono::milliseconds(300));
  auto r = imdb.Title("tt1000004");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("step budget used up after"), std::string::npos)
      << r.status().ToString();
  EXPECT_LT(r.attempts(), config_.max_attempts);
  EXPECT_EQ(server_.requests_for(path), r.attempts());
}

TEST_F(SourcesClientTest, AKeyBoundToAnotherOriginIsNotSent) {
  ApiConfig c = config_;
  c.imdb_key_origin = "https://imdb236.p.rapidapi.com";  // as an environment key is
  ImdbClient imdb(c, Curl());
  auto r = imdb.Title("tt1000001");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kUnauthorized);
  EXPECT_NE(
      r.status().message().find("configured for https://imdb236.p.rapidapi.com, not for http://127.0.0.1:"),
      std::string::npos)
      << r.status().message();
  EXPECT_EQ(server_.requests(), 0);
  ExpectNoKey(r.status().message());
}

TEST_F(SourcesClientTest, IssuesNameTheCauseByEndpoint) {
  std::string body = testing::TmdbMovieJson(77);
  body.replace(body.find("83.95"), 5, "\"83.95\"");
  server_.SetJson(std::string(kTmdb) + "/movie/77", body);
  server_.SetJson(std::string(kTmdb) + "/movie/78", body);
  server_.AddFault(std::string(kTmdb) + "/movie/79", FaultSpec{Fault::kStatus, 500, "", -1});
  TmdbClient tmdb(config_, Curl());
  auto r = tmdb.Movie(77);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->popularity, std::nullopt);
  ASSERT_EQ(r.info().issues.size(), 1u);
  EXPECT_EQ(r.info().issues[0].cause, "field 'popularity' is string, expected number");
  EXPECT_EQ(r.info().issues[0].endpoint, "/movie/{id}");
  EXPECT_EQ(tmdb.Movie(78).info().issues.size(), 1u);
  auto failed = tmdb.Movie(79);
  ASSERT_EQ(failed.info().issues.size(), 1u);
  EXPECT_EQ(failed.info().issues[0].cause, "HTTP 500");
  std::vector<ApiIssue> all = tmdb.issues();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].api, "tmdb");
  EXPECT_EQ(all[0].count, 2);
  EXPECT_NE(all[0].example.find("tmdb /movie/77"), std::string::npos) << all[0].example;
  EXPECT_EQ(all[1].cause, "HTTP 500");
}

}  // namespace
}  // namespace cinelake
