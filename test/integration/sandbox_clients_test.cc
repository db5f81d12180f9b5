// The clients against the real sandbox server (src/sandbox), in process, with
// faults on: every item ends in a value or a typed error, the sandbox sees no
// rate-limit violation and no more requests in flight than configured.
#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <set>

#include "sandbox/server.h"
#include "sources/api_clients.h"

namespace cinelake {
namespace {

bool Typed(const Status& s) {
  switch (s.code()) {
    case Status::Code::kOk:
    case Status::Code::kNotFound:
    case Status::Code::kNetwork:
    case Status::Code::kRateLimited:
    case Status::Code::kCorruption: return true;
    default: return false;
  }
}

class SourcesSandboxTest : public ::testing::Test {
 protected:
  void Start(const std::string& faults_json) {
    sandbox::SandboxOptions o;
    o.port = 0;
    o.seed = 7;
    o.date = Date::FromYmd(2026, 11, 23);
    auto faults = sandbox::FaultConfig::Parse(faults_json);
    ASSERT_TRUE(faults.ok()) << faults.status().ToString();
    o.faults = *faults;
    server_ = std::make_unique<sandbox::SandboxServer>(o);
    ASSERT_TRUE(server_->Start().ok());
    config_.UseSandbox(server_->url());
    config_.imdb_limits = {18, 9, 4};     // under the sandbox's 20/s, 10 burst
    config_.tmdb_limits = {150, 40, 16};  // under 200/s, 50 burst
    config_.backoff_base_ms = 20;
    config_.backoff_max_ms = 200;
    config_.timeout_ms = 2000;
    config_.http2 = false;
  }

  nlohmann::json Stats() { return nlohmann::json::parse(server_->StatsJson()); }

  std::unique_ptr<sandbox::SandboxServer> server_;
  ApiConfig config_;
};

TEST_F(SourcesSandboxTest, FaultyDayEndsInValuesOrTypedErrors) {
  Start(R"({"rate_limits": {"imdb": {"rate": 20, "burst": 10}, "tmdb": {"rate": 200, "burst": 50}},
            "tmdb_not_found_fraction": 0.05,
            "endpoints": {"*": {"latency": {"min_ms": 1, "max_ms": 8}, "p_429": 0.01, "retry_after_s": 1,
                                "p_500": 0.03, "p_503": 0.02, "p_reset": 0.02, "p_stall": 0.0,
                                "p_truncate": 0.02, "p_malformed": 0.02}}})");
  auto clients = ApiClients::Open(config_);
  ASSERT_TRUE(clients.ok()) << clients.status().ToString();
  ImdbClient& imdb = (*clients)->imdb();
  TmdbClient& tmdb = (*clients)->tmdb();
  auto start = std::chrono::steady_clock::now();

  auto movies = imdb.MostPopularMovies();
  auto tv = imdb.MostPopularTv();
  ASSERT_TRUE(movies.ok()) << movies.status().ToString();
  ASSERT_TRUE(tv.ok()) << tv.status().ToString();
  EXPECT_GE(movies->size(), 50u);
  EXPECT_GE(tv->size(), 50u);
  std::vector<std::string> ids, types;
  for (const auto* list : {&*movies, &*tv}) {
    for (size_t i = 0; i < list->size() && i < 50; ++i) {
      const ImdbTitle& t = (*list)[i];
      ASSERT_TRUE(t.id.has_value());
      ids.push_back(*t.id);
      types.push_back(t.type.value_or(""));
    }
  }
  auto refs = (*clients)->mapper().MapAll(ids, types);
  std::vector<TmdbRef> found;
  for (size_t i = 0; i < refs.size(); ++i) {
    EXPECT_TRUE(Typed(refs[i].status())) << refs[i].status().ToString();
    if (refs[i].ok() && refs[i]->has_value()) found.push_back(**refs[i]);
  }
  EXPECT_GE(found.size(), ids.size() * 8 / 10);
  auto details = tmdb.DetailsBatch(found);
  size_t ok = 0;
  for (auto& d : details) {
    EXPECT_TRUE(Typed(d.status())) << d.status().ToString();
    ok += d.ok();
  }
  EXPECT_GE(ok, found.size() * 8 / 10);
  std::vector<std::string> some(ids.begin(), ids.begin() + 12);
  auto titles = imdb.Titles(some);
  for (size_t i = 0; i < titles.size(); ++i) {
    EXPECT_TRUE(Typed(titles[i].status())) << titles[i].status().ToString();
    if (titles[i].ok()) {
      EXPECT_EQ(titles[i]->id, some[i]);
    }
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  nlohmann::json stats = Stats();
  EXPECT_EQ(stats["rate_limit_violations"]["total"].get<int64_t>(), 0) << stats.dump();
  EXPECT_LE(stats["max_in_flight"]["imdb"].get<int64_t>(), config_.imdb_limits.concurrency);
  EXPECT_LE(stats["max_in_flight"]["tmdb"].get<int64_t>(), config_.tmdb_limits.concurrency);
  EXPECT_GT(stats["faults_total"].get<int64_t>(), 0);  // faults did happen
  EXPECT_EQ(stats["requests"]["total"].get<int64_t>(), imdb.request_count() + tmdb.request_count());
  std::printf(
      "[sandbox] %zu titles, %zu mapped, %zu details in %.2f s; requests imdb=%lld tmdb=%lld "
      "retries imdb=%lld tmdb=%lld; faults=%lld\n",
      ids.size(), found.size(), ok, seconds, static_cast<long long>(imdb.request_count()),
      static_cast<long long>(tmdb.request_count()), static_cast<long long>(imdb.stats().retries),
      static_cast<long long>(tmdb.stats().retries),
      static_cast<long long>(stats["faults_total"].get<int64_t>()));
}

TEST_F(SourcesSandboxTest, MappingStrategiesAgreeAndFindSpendsNoImdbQuota) {
  Start(R"({"rate_limits": {"imdb": {"rate": 20, "burst": 10}, "tmdb": {"rate": 200, "burst": 50}}})");
  config_.imdb_limits = {18, 9, 4};
  auto base = ApiClients::Open(config_);
  ASSERT_TRUE(base.ok());
  auto movies = (*base)->imdb().MostPopularMovies();
  ASSERT_TRUE(movies.ok()) << movies.status().ToString();
  std::vector<std::string> ids, types;
  for (size_t i = 0; i < movies->size() && i < 30; ++i) {
    ids.push_back(*(*movies)[i].id);
    types.push_back((*movies)[i].type.value_or(""));
  }
  ApiConfig find_cfg = config_;
  find_cfg.mapping = MappingStrategy::kTmdbFind;
  ApiConfig imdb_cfg = config_;
  imdb_cfg.mapping = MappingStrategy::kImdb;
  auto by_find = ApiClients::Open(find_cfg);
  auto by_imdb = ApiClients::Open(imdb_cfg);
  auto a = (*by_find)->mapper().MapAll(ids, types);
  auto b = (*by_imdb)->mapper().MapAll(ids, types);
  for (size_t i = 0; i < ids.size(); ++i) {
    ASSERT_TRUE(a[i].ok() && b[i].ok()) << ids[i];
    EXPECT_EQ(*a[i], *b[i]) << ids[i];
  }
  EXPECT_EQ((*by_find)->imdb().request_count(), 0);
  EXPECT_EQ((*by_imdb)->imdb().request_count(), static_cast<int64_t>(ids.size()));
  std::printf("[sandbox] mapping %zu ids: tmdb_find → imdb=%lld tmdb=%lld; imdb → imdb=%lld tmdb=%lld\n",
              ids.size(), static_cast<long long>((*by_find)->imdb().request_count()),
              static_cast<long long>((*by_find)->tmdb().request_count()),
              static_cast<long long>((*by_imdb)->imdb().request_count()),
              static_cast<long long>((*by_imdb)->tmdb().request_count()));
}

}  // namespace
}  // namespace cinelake
