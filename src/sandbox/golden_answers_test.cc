// The sandbox's answers pinned byte for byte: a fixed script of requests over
// every endpoint of both APIs, the exports and the control surface, with and
// without faults and rate limits, run serially against a fixed seed and date.
// Each answer is reduced to status, Content-Type, Retry-After, size and an
// FNV-1a hash of the body; src/sandbox/testdata/golden_answers.txt holds the
// lines the code answered when the script was written. A refactoring of the
// sandbox must leave every line unchanged.
//
// To re-record after an intended change of behaviour, run this test with
// CINELAKE_SANDBOX_GOLDEN_WRITE=1 and review the diff of the file.
#include <gtest/gtest.h>
#include <httplib.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "sandbox/server.h"

namespace cinelake::sandbox {
namespace {

enum class Auth { kNone, kImdb, kImdbWrongHost, kTmdbBearer, kTmdbQuery };

struct Step {
  std::string method;  // GET, PUT, POST, DELETE
  std::string path{};
  Auth auth = Auth::kNone;
  std::string body{};  // PUT/POST
};

uint64_t Fnv1a(const std::string& s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::filesystem::path GoldenFile() {
  return std::filesystem::path(CINELAKE_SOURCE_DIR) / "src/sandbox/testdata/golden_answers.txt";
}

std::vector<Step> Script(const World& world, Date day) {
  const Title* movie = world.PopularList(Kind::kMovie, day)[0];
  const Title* series = world.PopularList(Kind::kSeries, day)[0];
  const Title* other_movie = world.PopularList(Kind::kMovie, day)[7];
  const std::string imdb = "/imdb236/api/imdb/";
  const std::string mid = std::to_string(movie->tmdb_id), sid = std::to_string(series->tmdb_id);
  std::vector<Step> s = {
      {"GET", "/_sandbox/health"},
      {"GET", "/_sandbox/faults"},
      {"GET", imdb + "most-popular-movies", Auth::kImdb},
      {"GET", imdb + "most-popular-tv", Auth::kImdb},
      {"GET", imdb + movie->imdb_id, Auth::kImdb},
      {"GET", imdb + series->imdb_id, Auth::kImdb},
      {"GET", imdb + movie->imdb_id + "/tmdb-id", Auth::kImdb},
      {"GET", imdb + series->imdb_id + "/tmdb-id", Auth::kImdb},
      {"GET", imdb + "tt9999999", Auth::kImdb},
      {"GET", imdb + "most-popular-movies", Auth::kNone},
      {"GET", imdb + "most-popular-movies", Auth::kImdbWrongHost},
      {"GET", imdb + "no-such-list", Auth::kImdb},
      {"GET", "/tmdb/3/movie/" + mid, Auth::kTmdbBearer},
      {"GET", "/tmdb/3/tv/" + sid, Auth::kTmdbBearer},
      {"GET", "/tmdb/3/tv/" + sid + "/season/1", Auth::kTmdbBearer},
      {"GET", "/tmdb/3/tv/" + sid + "/season/99", Auth::kTmdbBearer},
      {"GET", "/tmdb/3/tv/" + sid + "?append_to_response=season%2F1%2Cseason%2F2%2Cseason%2F99",
       Auth::kTmdbBearer},
      {"GET", "/tmdb/3/movie/999999999", Auth::kTmdbBearer},
      {"GET", "/tmdb/3/find/" + movie->imdb_id + "?external_source=imdb_id", Auth::kTmdbBearer},
      {"GET", "/tmdb/3/find/" + series->imdb_id + "?external_source=imdb_id", Auth::kTmdbBearer},
      {"GET", "/tmdb/3/find/" + movie->imdb_id, Auth::kTmdbBearer},
      {"GET", "/tmdb/3/find/tt9999999?external_source=imdb_id", Auth::kTmdbBearer},
      {"GET", "/tmdb/3/movie/" + mid, Auth::kTmdbQuery},
      {"GET", "/tmdb/3/movie/" + mid, Auth::kNone},
      {"GET", "/p/exports/movie_ids_11_23_2026.json.gz"},
      {"GET", "/p/exports/tv_series_ids_11_23_2026.json.gz"},
      {"GET", "/p/exports/people_ids_11_23_2026.json.gz"},
      {"GET", "/@2026-01-05" + imdb + "most-popular-movies", Auth::kImdb},
      {"GET", "/@2026-01-05/tmdb/3/movie/" + mid, Auth::kTmdbBearer},
      {"GET", "/@2026-13-05/tmdb/3/movie/" + mid, Auth::kTmdbBearer},
      {"GET", "/nope"},
      {"DELETE", imdb + "most-popular-movies", Auth::kImdb},
      {"POST", "/tmdb/3/movie/" + mid, Auth::kTmdbBearer, "{}"},
      {"PUT", "/_sandbox/faults", Auth::kNone, R"({"endpoints": {"*": {"p_600": 1}}})"},
      // Every action on every kind, once each.
      {"PUT", "/_sandbox/faults", Auth::kNone,
       R"({"endpoints": {"imdb_list": {"p_truncate": 1}, "imdb_title": {"p_500": 1},
           "imdb_tmdb_id": {"p_503": 1}, "tmdb_movie": {"p_malformed": 1},
           "tmdb_tv": {"p_429": 1, "retry_after_s": 7}, "tmdb_season": {"p_500": 1},
           "tmdb_find": {"p_503": 1}, "export": {"p_malformed": 1}}})"},
      {"GET", imdb + "most-popular-tv", Auth::kImdb},
      {"GET", imdb + movie->imdb_id, Auth::kImdb},
      {"GET", imdb + movie->imdb_id + "/tmdb-id", Auth::kImdb},
      {"GET", "/tmdb/3/movie/" + mid, Auth::kTmdbBearer},
      {"GET", "/tmdb/3/tv/" + sid, Auth::kTmdbBearer},
      {"GET", "/tmdb/3/tv/" + sid + "/season/1", Auth::kTmdbBearer},
      {"GET", "/tmdb/3/find/" + movie->imdb_id + "?external_source=imdb_id", Auth::kTmdbBearer},
      {"GET", "/p/exports/tv_series_ids_11_23_2026.json.gz"},
      {"PUT", "/_sandbox/faults", Auth::kNone,
       R"({"endpoints": {"imdb_list": {"p_truncate": 1}, "tmdb_season": {"p_429": 1},
           "imdb_title": {"p_malformed": 1}, "tmdb_find": {"p_500": 1}, "tmdb_tv": {"p_503": 1},
           "imdb_tmdb_id": {"p_429": 1, "retry_after_s": 3}}})"},
      {"GET", imdb + "most-popular-movies", Auth::kImdb},
      {"GET", imdb + series->imdb_id, Auth::kImdb},
      {"GET", imdb + series->imdb_id + "/tmdb-id", Auth::kImdb},
      {"GET", "/tmdb/3/tv/" + sid, Auth::kTmdbBearer},
      {"GET", "/tmdb/3/tv/" + sid + "/season/1", Auth::kTmdbBearer},
      {"GET", "/tmdb/3/find/" + series->imdb_id + "?external_source=imdb_id", Auth::kTmdbBearer},
      {"PUT", "/_sandbox/faults", Auth::kNone, R"({"endpoints": {"*": {"p_reset": 1}}})"},
      {"GET", imdb + "most-popular-movies", Auth::kImdb},
      {"GET", "/tmdb/3/movie/" + mid, Auth::kTmdbBearer},
      // A mix drawn per request from the seed and the request's sequence number.
      {"PUT", "/_sandbox/faults", Auth::kNone,
       R"({"tmdb_not_found_fraction": 0.3, "endpoints": {"*": {"latency": {"fixed_ms": 1},
           "p_429": 0.1, "p_500": 0.1, "p_503": 0.1, "p_truncate": 0.1, "p_malformed": 0.1}}})"},
  };
  for (int i = 0; i < 10; ++i) {
    const Title* m = world.PopularList(Kind::kMovie, day)[10 + i];
    const Title* t = world.PopularList(Kind::kSeries, day)[10 + i];
    s.push_back({"GET", "/tmdb/3/movie/" + std::to_string(m->tmdb_id), Auth::kTmdbBearer});
    s.push_back({"GET", "/tmdb/3/tv/" + std::to_string(t->tmdb_id), Auth::kTmdbBearer});
    s.push_back({"GET", "/tmdb/3/find/" + t->imdb_id + "?external_source=imdb_id", Auth::kTmdbBearer});
    s.push_back({"GET", imdb + m->imdb_id, Auth::kImdb});
  }
  s.push_back({"GET", "/_sandbox/stats"});
  // Rate limits: one token, refilled far slower than the script runs.
  s.push_back(
      {"PUT", "/_sandbox/faults", Auth::kNone,
       R"({"rate_limits": {"imdb": {"rate": 0.001, "burst": 1}, "tmdb": {"rate": 0.001, "burst": 1}}})"});
  s.push_back({"GET", imdb + other_movie->imdb_id, Auth::kImdb});
  s.push_back({"GET", imdb + other_movie->imdb_id, Auth::kImdb});
  s.push_back({"GET", "/tmdb/3/movie/" + std::to_string(other_movie->tmdb_id), Auth::kTmdbBearer});
  s.push_back({"GET", "/tmdb/3/movie/" + std::to_string(other_movie->tmdb_id), Auth::kTmdbQuery});
  s.push_back({"GET", "/p/exports/movie_ids_11_23_2026.json.gz"});
  s.push_back({"GET", "/_sandbox/stats"});
  s.push_back({"POST", "/_sandbox/stats/reset"});
  s.push_back({"GET", "/_sandbox/stats"});
  s.push_back({"GET", "/_sandbox/faults"});
  return s;
}

std::string Answer(const std::string& url, const Step& step) {
  httplib::Client c(url);
  c.set_read_timeout(10, 0);
  httplib::Headers headers;
  std::string path = step.path;
  switch (step.auth) {
    case Auth::kNone: break;
    case Auth::kImdb:
    case Auth::kImdbWrongHost:
      headers.emplace("X-RapidAPI-Key", std::string(kDefaultImdbKey));
      headers.emplace("X-RapidAPI-Host",
                      step.auth == Auth::kImdb ? std::string(kImdbHost) : std::string("example.com"));
      break;
    case Auth::kTmdbBearer:
      headers.emplace("Authorization", "Bearer " + std::string(kDefaultTmdbToken));
      break;
    case Auth::kTmdbQuery:
      path += (path.find('?') == std::string::npos ? "?" : "&") + std::string("api_key=") +
              std::string(kDefaultTmdbToken);
      break;
  }
  httplib::Result r = step.method == "PUT"      ? c.Put(path, headers, step.body, "application/json")
                      : step.method == "POST"   ? c.Post(path, headers, step.body, "application/json")
                      : step.method == "DELETE" ? c.Delete(path, headers)
                                                : c.Get(path, headers);
  std::ostringstream line;
  line << step.method << ' ' << step.path << ' ' << static_cast<int>(step.auth) << " -> ";
  if (!r) {
    line << "no-response";
    return line.str();
  }
  char hash[24];
  std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(Fnv1a(r->body)));
  std::string retry = r->get_header_value("Retry-After");
  line << r->status << " type=" << r->get_header_value("Content-Type")
       << " retry=" << (retry.empty() ? "-" : retry) << " size=" << r->body.size() << " fnv=" << hash;
  return line.str();
}

TEST(SandboxGoldenAnswersTest, EveryAnswerIsByteForByteAsRecorded) {
  SandboxOptions o;
  o.port = 0;
  o.seed = 42;
  o.date = *Date::Parse("2026-11-23");
  o.movie_catalog = 3000;
  o.series_catalog = 1000;
  o.threads = 4;
  o.faults.rate_limits = {RateLimit{0, 0}, RateLimit{0, 0}};
  SandboxServer server(o);
  ASSERT_TRUE(server.Start().ok());

  std::vector<std::string> got;
  for (const Step& step : Script(server.world(), *o.date)) got.push_back(Answer(server.url(), step));
  server.Stop();

  if (std::getenv("CINELAKE_SANDBOX_GOLDEN_WRITE") != nullptr) {
    std::ofstream out(GoldenFile());
    for (const std::string& line : got) out << line << '\n';
    ASSERT_TRUE(out.good()) << "cannot write " << GoldenFile();
    GTEST_SKIP() << "recorded " << got.size() << " answers to " << GoldenFile();
  }
  std::ifstream in(GoldenFile());
  ASSERT_TRUE(in.good()) << "missing " << GoldenFile();
  std::vector<std::string> want;
  for (std::string line; std::getline(in, line);) want.push_back(line);
  ASSERT_GE(want.size(), 30u);
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) EXPECT_EQ(got[i], want[i]) << "step " << i;
}

}  // namespace
}  // namespace cinelake::sandbox
