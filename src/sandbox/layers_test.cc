#include "sandbox/layers.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace cinelake::sandbox {
namespace {

using nlohmann::json;

// Answers `body` with `status`, accepts the key "good" in header K.
class FakeApi final : public ApiRenderer {
 public:
  FakeApi() : ApiRenderer(Api::kTmdb) {}
  std::optional<Route> Match(std::string_view) const override { return std::nullopt; }
  std::optional<std::string> Authenticate(const httplib::Request& http) const override {
    if (http.get_header_value("K") != "good") return std::nullopt;
    return std::string("good");
  }
  Reply Error(ApiError error) const override {
    int status = error == ApiError::kUnauthorized  ? 401
                 : error == ApiError::kNotFound    ? 404
                 : error == ApiError::kRateLimited ? 429
                 : error == ApiError::kInternal    ? 500
                                                   : 503;
    return Reply{status, "fake error"};
  }
  Reply Handle(Request&) override {
    ++calls;
    return Reply{status, body};
  }

  int calls = 0;
  int status = 200;
  std::string body = R"({"a":1,"b":2})";
};

struct Fixture {
  Fixture() { http.headers.emplace("K", "good"); }
  Request MakeRequest(const std::string& faults_json = "{}") {
    auto faults = std::make_shared<const FaultConfig>(*FaultConfig::Parse(faults_json));
    return Request{http, Route{EndpointKind::kTmdbMovie, Kind::kMovie, "603", 0}, Date::FromYmd(2026, 1, 2),
                   faults};
  }
  json StatsJson() const { return json::parse(stats.ToJson()); }

  httplib::Request http;
  FakeApi api;
  Stats stats;
};

TEST(SandboxLayersTest, AuthRefusesAWrongKeyBeforeTheRendererAndCountsIt) {
  Fixture f;
  AuthLayer auth(f.api, f.stats, f.api);
  Request ok = f.MakeRequest();
  EXPECT_EQ(auth.Handle(ok).status, 200);
  EXPECT_EQ(ok.key, "good");
  f.http.headers.clear();
  Request bad = f.MakeRequest();
  Reply reply = auth.Handle(bad);
  EXPECT_EQ(reply.status, 401);
  EXPECT_EQ(reply.body, "fake error");
  EXPECT_EQ(f.api.calls, 1);
  EXPECT_EQ(f.StatsJson()["unauthorized"]["tmdb"], 1);
}

TEST(SandboxLayersTest, QuotaRefusesWithRetryAfterOnceTheBurstIsSpent) {
  Fixture f;
  RequestQuota quota;
  quota.Configure(RateLimit{0.001, 1});
  QuotaLayer layer(f.api, quota, f.stats, f.api);
  Request first = f.MakeRequest(), second = f.MakeRequest();
  EXPECT_EQ(layer.Handle(first).status, 200);
  Reply refused = layer.Handle(second);
  EXPECT_EQ(refused.status, 429);
  EXPECT_GE(refused.retry_after_s, 900);
  EXPECT_EQ(f.api.calls, 1);
  EXPECT_EQ(f.StatsJson()["rate_limit_violations"]["tmdb"], 1);
  EXPECT_EQ(f.StatsJson()["sent_429"], 1);
}

TEST(SandboxLayersTest, FaultActionsAnswerInTheRenderersWordsWithoutReachingIt) {
  Fixture f;
  StopSignal stop;
  FaultLayer layer(42, f.api, f.stats, stop, f.api);
  Request r500 = f.MakeRequest(R"({"endpoints": {"tmdb_movie": {"p_500": 1}}})");
  EXPECT_EQ(layer.Handle(r500).status, 500);
  Request r429 = f.MakeRequest(R"({"endpoints": {"tmdb_movie": {"p_429": 1, "retry_after_s": 9}}})");
  Reply limited = layer.Handle(r429);
  EXPECT_EQ(limited.status, 429);
  EXPECT_EQ(limited.retry_after_s, 9);
  EXPECT_EQ(f.api.calls, 0);
  Request truncate = f.MakeRequest(R"({"endpoints": {"tmdb_movie": {"p_truncate": 1}}})");
  EXPECT_EQ(layer.Handle(truncate).status, 200);
  EXPECT_EQ(truncate.fault, FaultAction::kTruncate);  // left for the corruption layer
  EXPECT_EQ(f.api.calls, 1);
}

TEST(SandboxLayersTest, CorruptionDamagesSuccessfulBodiesOnly) {
  Fixture f;
  CorruptionLayer layer(CorruptionLayer::Body::kJsonText, f.stats, f.api);
  Request truncate = f.MakeRequest();
  truncate.fault = FaultAction::kTruncate;
  EXPECT_EQ(layer.Handle(truncate).body, R"({"a":1)");
  Request malformed = f.MakeRequest();
  malformed.fault = FaultAction::kMalformed;
  EXPECT_EQ(layer.Handle(malformed).body, R"({"a" = 1,"b":2})");
  f.api.status = 404;
  Request error = f.MakeRequest();
  error.fault = FaultAction::kTruncate;
  EXPECT_EQ(layer.Handle(error).body, f.api.body);
  json stats = f.StatsJson();
  EXPECT_EQ(stats["faults"]["truncate"], 1);
  EXPECT_EQ(stats["faults"]["malformed"], 1);
}

TEST(SandboxLayersTest, CountingCountsRequestsAndStatuses) {
  Fixture f;
  CountingLayer layer(f.stats, f.api);
  Request a = f.MakeRequest(), b = f.MakeRequest();
  layer.Handle(a);
  f.api.status = 404;
  layer.Handle(b);
  json stats = f.StatsJson();
  EXPECT_EQ(stats["requests"]["by_kind"]["tmdb_movie"], 2);
  EXPECT_EQ(stats["responses_by_status"]["200"], 1);
  EXPECT_EQ(stats["responses_by_status"]["404"], 1);
  EXPECT_EQ(stats["in_flight"]["tmdb"], 0);
  EXPECT_EQ(stats["max_in_flight"]["tmdb"], 1);
}

}  // namespace
}  // namespace cinelake::sandbox
