#include "sandbox/server.h"

#include <gtest/gtest.h>
#include <httplib.h>
#include <zlib.h>

#include <atomic>
#include <chrono>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "sandbox/export_file.h"

namespace cinelake::sandbox {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

constexpr const char* kDay = "2026-11-23";

SandboxOptions TestOptions() {
  SandboxOptions o;
  o.port = 0;
  o.seed = 42;
  o.date = *Date::Parse(kDay);
  o.movie_catalog = 3000;
  o.series_catalog = 1000;
  o.threads = 16;
  o.faults.rate_limits = {RateLimit{0, 0}, RateLimit{0, 0}};  // unlimited unless a test says so
  return o;
}

void Authorize(httplib::Client& c, bool imdb) {
  if (imdb) {
    c.set_default_headers(
        {{"X-RapidAPI-Key", std::string(kDefaultImdbKey)}, {"X-RapidAPI-Host", std::string(kImdbHost)}});
  } else {
    c.set_default_headers({{"Authorization", "Bearer " + std::string(kDefaultTmdbToken)}});
  }
  c.set_read_timeout(10, 0);
}

class SandboxServerTest : public ::testing::Test {
 protected:
  void StartServer(SandboxOptions o = TestOptions()) {
    server_ = std::make_unique<SandboxServer>(std::move(o));
    ASSERT_TRUE(server_->Start().ok());
    ASSERT_GT(server_->port(), 0);
  }
  void SetUp() override { StartServer(); }
  void TearDown() override {
    if (server_) server_->Stop();
  }

  httplib::Client Client(bool imdb) {
    httplib::Client c(server_->url());
    Authorize(c, imdb);
    return c;
  }
  // GET with the right key for the path's API.
  httplib::Result Get(const std::string& path) {
    bool imdb = path.find("/imdb236/") != std::string::npos;
    httplib::Client c = Client(imdb);
    return c.Get(path);
  }
  // TMDB knows no such movie: its details answer 404 (status_code 34) and
  // /find for the IMDB id finds no movie.
  void ExpectNoTmdbMovie(const std::string& tmdb_id, const std::string& imdb_id) {
    auto m = Get("/tmdb/3/movie/" + tmdb_id);
    ASSERT_TRUE(m);
    EXPECT_EQ(m->status, 404);
    EXPECT_EQ(json::parse(m->body)["status_code"], 34);
    auto f = Get("/tmdb/3/find/" + imdb_id + "?external_source=imdb_id");
    ASSERT_TRUE(f && f->status == 200);
    EXPECT_TRUE(json::parse(f->body)["movie_results"].empty());
  }
  json Stats() {
    httplib::Client c(server_->url());
    auto r = c.Get("/_sandbox/stats");
    EXPECT_TRUE(r && r->status == 200);
    return json::parse(r->body);
  }
  void PutFaults(const std::string& config) {
    httplib::Client c(server_->url());
    auto r = c.Put("/_sandbox/faults", config, "application/json");
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200) << r->body;
  }

  std::unique_ptr<SandboxServer> server_;
};

std::string Gunzip(const std::string& gz) {
  z_stream z{};
  EXPECT_EQ(inflateInit2(&z, 15 + 32), Z_OK);
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(gz.data()));
  z.avail_in = static_cast<uInt>(gz.size());
  std::string out;
  char buf[1 << 16];
  int rc = Z_OK;
  while (rc == Z_OK) {
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof buf;
    rc = inflate(&z, Z_NO_FLUSH);
    out.append(buf, sizeof buf - z.avail_out);
  }
  inflateEnd(&z);
  if (rc != Z_STREAM_END) return "<gunzip failed>";
  return out;
}

TEST_F(SandboxServerTest, EveryEndpointAnswersInTheShapeOfApisMd) {
  auto movies = Get("/imdb236/api/imdb/most-popular-movies");
  ASSERT_TRUE(movies);
  ASSERT_EQ(movies->status, 200);
  EXPECT_NE(movies->get_header_value("Content-Type").find("application/json"), std::string::npos);
  json list = json::parse(movies->body);
  ASSERT_EQ(list.size(), 100u);
  for (const auto& t : list) {
    ASSERT_EQ(t["type"], "movie");
    ASSERT_TRUE(t["id"].get<std::string>().starts_with("tt"));
    ASSERT_TRUE(t.contains("primaryTitle") && t.contains("releaseDate") && t.contains("averageRating"));
  }
  auto tv = Get("/imdb236/api/imdb/most-popular-tv");
  ASSERT_TRUE(tv && tv->status == 200);
  json tv_list = json::parse(tv->body);
  ASSERT_EQ(tv_list.size(), 100u);

  std::string movie_id = list[0]["id"];
  auto title = Get("/imdb236/api/imdb/" + movie_id);
  ASSERT_TRUE(title && title->status == 200);
  json tj = json::parse(title->body);
  EXPECT_EQ(tj["id"], movie_id);
  EXPECT_TRUE(tj["cast"].is_array() && tj["directors"].is_array() && tj["writers"].is_array());

  auto tmdb_id = Get("/imdb236/api/imdb/" + movie_id + "/tmdb-id");
  ASSERT_TRUE(tmdb_id && tmdb_id->status == 200);
  const Title* t = server_->world().FindImdb(movie_id);
  ASSERT_NE(t, nullptr);
  auto movie = Get("/tmdb/3/movie/" + std::to_string(t->tmdb_id) + "?language=en-US");
  ASSERT_TRUE(movie && movie->status == 200);
  json mj = json::parse(movie->body);
  EXPECT_EQ(mj["imdb_id"], movie_id);
  EXPECT_TRUE(mj["popularity"].is_number());
  EXPECT_TRUE(mj["production_companies"].is_array());

  // A series: detail, a season, and the find mapping.
  std::string series_id = tv_list[0]["id"];
  const Title* s = server_->world().FindImdb(series_id);
  ASSERT_NE(s, nullptr);
  auto show = Get("/tmdb/3/tv/" + std::to_string(s->tmdb_id));
  ASSERT_TRUE(show && show->status == 200);
  json sj = json::parse(show->body);
  for (const char* f : {"created_by", "networks", "seasons", "status", "production_companies"}) {
    EXPECT_TRUE(sj.contains(f)) << f;
  }
  ASSERT_FALSE(sj["seasons"].empty());
  int n = sj["seasons"].back()["season_number"];
  auto season = Get("/tmdb/3/tv/" + std::to_string(s->tmdb_id) + "/season/" + std::to_string(n));
  ASSERT_TRUE(season && season->status == 200);
  EXPECT_TRUE(json::parse(season->body)["episodes"].is_array());

  auto find = Get("/tmdb/3/find/" + series_id + "?external_source=imdb_id");
  ASSERT_TRUE(find && find->status == 200);
  json fj = json::parse(find->body);
  ASSERT_EQ(fj["tv_results"].size(), 1u);
  EXPECT_EQ(fj["tv_results"][0]["id"], s->tmdb_id);
  EXPECT_TRUE(fj["movie_results"].empty());
  auto find_bad = Get("/tmdb/3/find/" + series_id);
  ASSERT_TRUE(find_bad);
  EXPECT_EQ(find_bad->status, 400);

  httplib::Client anon(server_->url());
  auto health = anon.Get("/_sandbox/health");
  ASSERT_TRUE(health && health->status == 200);
  EXPECT_EQ(json::parse(health->body)["date"], kDay);
  auto nowhere = anon.Get("/nowhere");
  ASSERT_TRUE(nowhere);
  EXPECT_EQ(nowhere->status, 404);
}

TEST_F(SandboxServerTest, UnknownIdsAnswer404LikeTheRealServices) {
  ExpectNoTmdbMovie("999999999", "tt99999999");
  auto i = Get("/imdb236/api/imdb/tt99999999");
  ASSERT_TRUE(i);
  EXPECT_EQ(i->status, 404);
}

TEST_F(SandboxServerTest, MissingOrWrongKeysAnswer401) {
  httplib::Client none(server_->url());
  auto r = none.Get("/imdb236/api/imdb/most-popular-movies");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 401);
  EXPECT_TRUE(json::parse(r->body).contains("message"));

  httplib::Client wrong_host(server_->url());
  wrong_host.set_default_headers(
      {{"X-RapidAPI-Key", std::string(kDefaultImdbKey)}, {"X-RapidAPI-Host", "example.com"}});
  r = wrong_host.Get("/imdb236/api/imdb/most-popular-movies");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 401);

  r = none.Get("/tmdb/3/movie/1000");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 401);
  EXPECT_EQ(json::parse(r->body)["status_code"], 7);
  httplib::Client bad_bearer(server_->url());
  bad_bearer.set_default_headers({{"Authorization", "Bearer nope"}});
  r = bad_bearer.Get("/tmdb/3/movie/1000");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 401);

  r = none.Get("/tmdb/3/movie/1000?api_key=" + std::string(kDefaultTmdbToken));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  r = none.Get("/p/exports/" + ExportFileName(Kind::kSeries, *Date::Parse(kDay)));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);  // exports need no key

  json stats = Stats();
  EXPECT_EQ(stats["unauthorized"]["imdb"], 2);
  EXPECT_EQ(stats["unauthorized"]["tmdb"], 2);
}

TEST_F(SandboxServerTest, SameSeedDateAndPathGiveIdenticalBytesAcrossInstances) {
  SandboxServer other(TestOptions());
  ASSERT_TRUE(other.Start().ok());
  const Title* t = server_->world().PopularList(Kind::kSeries, *Date::Parse(kDay))[7];
  std::vector<std::string> paths = {
      "/imdb236/api/imdb/most-popular-movies",
      "/imdb236/api/imdb/most-popular-tv",
      "/@2026-10-02/imdb236/api/imdb/most-popular-tv",
      "/imdb236/api/imdb/" + t->imdb_id,
      "/tmdb/3/tv/" + std::to_string(t->tmdb_id),
      "/tmdb/3/tv/" + std::to_string(t->tmdb_id) + "/season/1",
      "/p/exports/" + ExportFileName(Kind::kMovie, *Date::Parse(kDay)),
  };
  for (const std::string& path : paths) {
    bool imdb = path.find("/imdb236/") != std::string::npos;
    httplib::Client a(server_->url()), b(other.url());
    Authorize(a, imdb);
    Authorize(b, imdb);
    auto r1 = a.Get(path), r2 = a.Get(path), r3 = b.Get(path);
    ASSERT_TRUE(r1 && r2 && r3) << path;
    ASSERT_EQ(r1->status, 200) << path;
    EXPECT_EQ(r1->body, r2->body) << path;
    EXPECT_EQ(r1->body, r3->body) << path;
  }
  other.Stop();
}

TEST_F(SandboxServerTest, DatePrefixAnswersAsOnThatDay) {
  auto today = Get("/imdb236/api/imdb/most-popular-movies");
  auto same = Get(std::string("/@") + kDay + "/imdb236/api/imdb/most-popular-movies");
  auto next = Get("/@2026-11-24/imdb236/api/imdb/most-popular-movies");
  ASSERT_TRUE(today && same && next);
  EXPECT_EQ(today->body, same->body);
  EXPECT_NE(today->body, next->body);
  std::set<std::string> a, b;
  for (const auto& t : json::parse(today->body)) a.insert(t["id"].get<std::string>());
  for (const auto& t : json::parse(next->body)) b.insert(t["id"].get<std::string>());
  EXPECT_NE(a, b) << "list membership should churn between days";

  const Title* t = server_->world().PopularList(Kind::kMovie, *Date::Parse(kDay))[0];
  auto p1 = Get("/tmdb/3/movie/" + std::to_string(t->tmdb_id));
  auto p2 = Get("/@2026-11-24/tmdb/3/movie/" + std::to_string(t->tmdb_id));
  ASSERT_TRUE(p1 && p2 && p1->status == 200 && p2->status == 200);
  EXPECT_NE(json::parse(p1->body)["popularity"], json::parse(p2->body)["popularity"]);
  EXPECT_EQ(json::parse(p1->body)["popularity"].get<double>(),
            server_->world().Popularity(*t, *Date::Parse(kDay)));

  auto bad = Get("/@2026-13-01/tmdb/3/movie/1000");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
}

TEST_F(SandboxServerTest, Injected429HasRetryAfterAndIsCounted) {
  PutFaults(R"({"endpoints": {"tmdb_movie": {"p_429": 1, "retry_after_s": 7}}})");
  auto r = Get("/tmdb/3/movie/1000");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 429);
  EXPECT_EQ(r->get_header_value("Retry-After"), "7");
  auto other = Get("/tmdb/3/tv/1000");  // other kinds unaffected
  ASSERT_TRUE(other);
  EXPECT_EQ(other->status, 200);
  json s = Stats();
  EXPECT_EQ(s["faults"]["429"], 1);
  EXPECT_EQ(s["sent_429"], 1);
  EXPECT_EQ(s["rate_limit_violations"]["total"], 0);
}

TEST_F(SandboxServerTest, Injected500And503AreCounted) {
  PutFaults(R"({"endpoints": {"imdb_title": {"p_500": 1}, "imdb_list": {"p_503": 1}}})");
  auto a = Get("/imdb236/api/imdb/tt0110000");
  auto b = Get("/imdb236/api/imdb/most-popular-tv");
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->status, 500);
  EXPECT_EQ(b->status, 503);
  json s = Stats();
  EXPECT_EQ(s["faults"]["500"], 1);
  EXPECT_EQ(s["faults"]["503"], 1);
}

TEST_F(SandboxServerTest, ResetClosesTheConnectionWithoutAResponse) {
  PutFaults(R"({"endpoints": {"*": {"p_reset": 1}}})");
  auto r = Get("/tmdb/3/movie/1000");
  EXPECT_FALSE(r) << "status " << (r ? r->status : 0);
  auto e = Get("/p/exports/" + ExportFileName(Kind::kSeries, *Date::Parse(kDay)));
  EXPECT_FALSE(e);
  EXPECT_EQ(Stats()["faults"]["reset"], 2);
}

TEST_F(SandboxServerTest, StallHoldsTheRequestUntilTheClientGivesUp) {
  PutFaults(R"({"endpoints": {"tmdb_season": {"p_stall": 1, "stall_s": 3}}})");
  httplib::Client c = Client(false);
  c.set_read_timeout(0, 300000);
  auto start = Clock::now();
  auto r = c.Get("/tmdb/3/tv/1000/season/1");
  auto elapsed = Clock::now() - start;
  EXPECT_FALSE(r);
  EXPECT_GE(elapsed, std::chrono::milliseconds(250));
  EXPECT_LT(elapsed, std::chrono::milliseconds(2500));
  EXPECT_EQ(Stats()["faults"]["stall"], 1);
}

TEST_F(SandboxServerTest, TruncatedAndMalformedBodiesFailToParse) {
  PutFaults(R"({"endpoints": {"imdb_list": {"p_truncate": 1}, "tmdb_movie": {"p_malformed": 1},
                              "export": {"p_malformed": 1}}})");
  auto t = Get("/imdb236/api/imdb/most-popular-movies");
  auto m = Get("/tmdb/3/movie/1000");
  auto e = Get("/p/exports/" + ExportFileName(Kind::kSeries, *Date::Parse(kDay)));
  ASSERT_TRUE(t && m && e);
  EXPECT_EQ(t->status, 200);
  EXPECT_EQ(m->status, 200);
  EXPECT_FALSE(json::accept(t->body));
  EXPECT_FALSE(json::accept(m->body));
  EXPECT_EQ(Gunzip(e->body), "<gunzip failed>");
  json s = Stats();
  EXPECT_EQ(s["faults"]["truncate"], 1);
  EXPECT_EQ(s["faults"]["malformed"], 2);
}

TEST_F(SandboxServerTest, LatencyDelaysAnswers) {
  PutFaults(R"({"endpoints": {"tmdb_tv": {"latency": {"fixed_ms": 150}}}})");
  auto start = Clock::now();
  auto r = Get("/tmdb/3/tv/1000");
  ASSERT_TRUE(r && r->status == 200);
  EXPECT_GE(Clock::now() - start, std::chrono::milliseconds(150));
  EXPECT_EQ(Stats()["faults"]["latency"], 1);
}

TEST_F(SandboxServerTest, NotFoundFractionHidesTmdbIds) {
  PutFaults(R"({"tmdb_not_found_fraction": 1.0})");
  ExpectNoTmdbMovie("1000", "tt0110000");
  EXPECT_EQ(Stats()["faults"]["not_found"], 2);

  // A partial fraction hides some ids and not others, the same way every time.
  // No rate limit: 80 quick requests would otherwise meet 429s, not 404s.
  PutFaults(R"({"tmdb_not_found_fraction": 0.3, "rate_limits": {"tmdb": {"rate": 0}}})");
  int hidden = 0, hidden_again = 0;
  auto movies = server_->world().AnnouncedTitles(Kind::kMovie, *Date::Parse(kDay));
  httplib::Client c = Client(false);
  for (int i = 0; i < 40; ++i) {
    std::string path = "/tmdb/3/movie/" + std::to_string(movies[i]->tmdb_id);
    auto r = c.Get(path);
    ASSERT_TRUE(r);
    ASSERT_TRUE(r->status == 200 || r->status == 404) << r->status;
    hidden += r->status == 404;
    auto again = c.Get(path);
    ASSERT_TRUE(again);
    ASSERT_TRUE(again->status == 200 || again->status == 404) << again->status;
    hidden_again += again->status == 404;
  }
  EXPECT_GT(hidden, 2);
  EXPECT_LT(hidden, 30);
  EXPECT_EQ(hidden, hidden_again);
}

TEST_F(SandboxServerTest, RateLimitViolationsAreCountedPerApi) {
  PutFaults(R"({"rate_limits": {"imdb": {"rate": 0.5, "burst": 2}}})");
  httplib::Client c = Client(true);
  int ok = 0, limited = 0;
  for (int i = 0; i < 5; ++i) {
    auto r = c.Get("/imdb236/api/imdb/tt0110000/tmdb-id");
    ASSERT_TRUE(r);
    if (r->status == 200) ++ok;
    if (r->status == 429) {
      ++limited;
      EXPECT_GE(std::stoi(r->get_header_value("Retry-After")), 1);
    }
  }
  EXPECT_EQ(ok, 2);
  EXPECT_EQ(limited, 3);
  json s = Stats();
  EXPECT_EQ(s["rate_limit_violations"]["imdb"], 3);
  EXPECT_EQ(s["rate_limit_violations"]["tmdb"], 0);
  EXPECT_EQ(s["sent_429"], 3);
  // TMDB is unlimited in this config.
  httplib::Client t = Client(false);
  for (int i = 0; i < 5; ++i) {
    auto r = t.Get("/tmdb/3/movie/1000");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
  }
}

TEST_F(SandboxServerTest, FaultConfigIsReplacedAtRuntimeAndValidated) {
  httplib::Client c(server_->url());
  auto bad = c.Put("/_sandbox/faults", R"({"endpoints": {"tmdb_movei": {}}})", "application/json");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_NE(json::parse(bad->body)["error"].get<std::string>().find("tmdb_movei"), std::string::npos);
  PutFaults(R"({"endpoints": {"*": {"p_500": 0.25}, "export": {"p_500": 0}}})");
  auto got = c.Get("/_sandbox/faults");
  ASSERT_TRUE(got && got->status == 200);
  json j = json::parse(got->body);
  EXPECT_EQ(j["endpoints"]["*"]["p_500"], 0.25);
  EXPECT_EQ(j["endpoints"]["export"]["p_500"], 0.0);
  EXPECT_EQ(server_->faults().For(EndpointKind::kTmdbTv).p_500, 0.25);
}

TEST_F(SandboxServerTest, StatsCountRequestsConcurrencyAndReset) {
  PutFaults(R"({"endpoints": {"tmdb_movie": {"latency": {"fixed_ms": 200}}}})");
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&] {
      httplib::Client c(server_->url());
      Authorize(c, false);
      auto r = c.Get("/tmdb/3/movie/1000");
      if (r && r->status == 200) ++ok;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok, 4);
  json s = Stats();
  EXPECT_EQ(s["requests"]["by_kind"]["tmdb_movie"], 4);
  EXPECT_EQ(s["requests"]["by_api"]["tmdb"], 4);
  EXPECT_GE(s["max_in_flight"]["tmdb"], 2);
  httplib::Client c(server_->url());
  auto reset = c.Post("/_sandbox/stats/reset", "", "application/json");
  ASSERT_TRUE(reset && reset->status == 200);
  s = Stats();
  EXPECT_EQ(s["requests"]["total"], 0);
  EXPECT_TRUE(s["faults"].empty());
}

TEST_F(SandboxServerTest, ExportFilesGunzipToTheConfiguredNumberOfLines) {
  Date day = *Date::Parse(kDay);
  for (Kind kind : {Kind::kMovie, Kind::kSeries}) {
    auto r = Get("/p/exports/" + ExportFileName(kind, day));
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200);
    std::string text = Gunzip(r->body);
    size_t lines = std::count(text.begin(), text.end(), '\n');
    EXPECT_EQ(lines, kind == Kind::kMovie ? 3000u : 1000u);
    // Ascending unique ids; world titles carry the popularity /movie or /tv serves.
    int64_t last = 0;
    size_t pos = 0, world_lines = 0;
    while (pos < text.size()) {
      size_t end = text.find('\n', pos);
      json j = json::parse(text.substr(pos, end - pos));
      int64_t id = j["id"];
      ASSERT_GT(id, last);
      last = id;
      ASSERT_TRUE(j.contains(kind == Kind::kMovie ? "original_title" : "original_name"));
      if (const Title* t = server_->world().FindTmdb(kind, id)) {
        ++world_lines;
        EXPECT_EQ(j["popularity"].get<double>(), server_->world().Popularity(*t, day));
      }
      pos = end + 1;
    }
    size_t catalog = kind == Kind::kMovie ? 3000u : 1000u;
    EXPECT_EQ(world_lines, std::min(catalog, server_->world().AnnouncedTitles(kind, day).size()));
  }
  auto bad = Get("/p/exports/movie_ids_13_40_2026.json.gz");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 404);
}

TEST_F(SandboxServerTest, ServesHundredsOfRequestsPerSecond) {
  // A loose floor (the 2-core CI box is shared); the report quotes real figures.
  const Title* t = server_->world().PopularList(Kind::kMovie, *Date::Parse(kDay))[3];
  std::string path = "/tmdb/3/movie/" + std::to_string(t->tmdb_id);
  std::atomic<int> done{0};
  auto start = Clock::now();
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&] {
      httplib::Client c(server_->url());
      Authorize(c, false);
      c.set_keep_alive(true);  // as libcurl does; catches Nagle stalls (~40 ms a request)
      for (int k = 0; k < 250; ++k) {
        auto r = c.Get(path);
        if (r && r->status == 200) ++done;
      }
    });
  }
  for (auto& th : threads) th.join();
  double secs = std::chrono::duration<double>(Clock::now() - start).count();
  EXPECT_EQ(done, 1000);
  EXPECT_GT(done / secs, 300.0) << done / secs << " req/s";
  std::printf("[sandbox] %.0f req/s (4 keep-alive clients, tmdb movie detail)\n", done / secs);
}

}  // namespace
}  // namespace cinelake::sandbox

namespace cinelake::sandbox {
namespace {

TEST_F(SandboxServerTest, StopIsPromptWithIdleKeepAliveConnectionsAndStalls) {
  PutFaults(R"({"endpoints": {"tmdb_season": {"p_stall": 1, "stall_s": 60}}})");
  httplib::Client idle = Client(false);
  idle.set_keep_alive(true);
  auto r = idle.Get("/tmdb/3/movie/1000");
  ASSERT_TRUE(r && r->status == 200);
  std::thread stalled([&] {
    httplib::Client c(server_->url());
    Authorize(c, false);
    c.set_read_timeout(30, 0);
    EXPECT_FALSE(c.Get("/tmdb/3/tv/1000/season/1"));
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  auto start = Clock::now();
  server_->Stop();
  EXPECT_LT(Clock::now() - start, std::chrono::milliseconds(2000));
  stalled.join();
}

}  // namespace
}  // namespace cinelake::sandbox
