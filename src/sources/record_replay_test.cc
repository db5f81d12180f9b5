#include "sources/record_replay.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/log.h"
#include "sources/api_clients.h"
#include "sources/http_client.h"
#include "sources/testing/canned.h"
#include "sources/testing/fake_api_server.h"

namespace cinelake {
namespace {

namespace fs = std::filesystem;

fs::path TempDir(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("cinelake-rr-" + std::to_string(::getpid()) + "-" + name);
  fs::remove_all(dir);
  return dir;
}

// The answers a recording run and a replaying run must agree on.
struct Answers {
  Fetched<std::vector<ImdbTitle>> list;
  std::vector<Fetched<ImdbTitle>> titles;
  std::vector<Fetched<TmdbDetails>> details;  // movie/27205, tv/1399, movie/1 (a 404)
  Fetched<TmdbSeason> season;
};

Answers Ask(ApiClients& apis, const std::vector<std::string>& ids) {
  // A braced list runs its calls in order.
  return Answers{
      apis.imdb().MostPopularMovies(), apis.imdb().Titles(ids),
      apis.tmdb().DetailsBatch(
          {{TmdbRef::Kind::kMovie, 27205}, {TmdbRef::Kind::kTv, 1399}, {TmdbRef::Kind::kMovie, 1}}),
      apis.tmdb().Season(1399, 1)};
}

TEST(SourcesRecordReplay, FileNameIsStableReadableAndKeyFree) {
  HttpRequest a;
  a.url = "http://127.0.0.1:1234/tmdb/3/movie/27205?language=en-US&api_key=0123456789abcdef0123456789abcdef";
  HttpRequest b = a;
  b.url = "http://127.0.0.1:9999/tmdb/3/movie/27205?language=en-US";
  EXPECT_EQ(RecordingFileName(a), RecordingFileName(b));  // host and key do not matter
  EXPECT_EQ(RecordingFileName(a).rfind("get_tmdb_3_movie_27205_language_en-us-", 0), 0u)
      << RecordingFileName(a);
  EXPECT_EQ(RecordingFileName(a).find("0123456789abcdef"), std::string::npos);
  HttpRequest c = b;
  c.url = "http://127.0.0.1:9999/tmdb/3/movie/27206?language=en-US";
  EXPECT_NE(RecordingFileName(b), RecordingFileName(c));
}

TEST(SourcesRecordReplay, RecordThenReplayGivesIdenticalRecords) {
  const std::string v3key = "fedcba9876543210fedcba9876543210";
  RegisterSecret(v3key);
  RegisterSecret("fake-imdb-key-0001");
  testing::FakeServerOptions o;
  o.tmdb_token = v3key;
  testing::FakeApiServer server(o);
  ASSERT_TRUE(server.Start().ok());
  std::vector<std::string> ids = {"tt1375666", "tt0944947"};
  server.SetJson(
      "/imdb236/api/imdb/most-popular-movies",
      "[" + testing::ImdbTitleJson(ids[0]) + "," + testing::ImdbTitleJson(ids[1], "tvSeries") + "]");
  for (const auto& id : ids) server.SetJson("/imdb236/api/imdb/" + id, testing::ImdbTitleJson(id));
  server.SetJson("/tmdb/3/movie/27205", testing::TmdbMovieJson(27205));
  server.SetJson("/tmdb/3/tv/1399", testing::TmdbTvJson(1399));
  server.SetJson("/tmdb/3/tv/1399/season/1", testing::TmdbSeasonJson(1));
  // A transient failure on the way is not what gets replayed.
  server.AddFault("/tmdb/3/movie/27205", testing::FaultSpec{testing::Fault::kStatus, 500, "", 1});

  fs::path dir = TempDir("a");
  ApiConfig rec = testing::TestConfig(server);
  rec.tmdb_token = v3key;
  rec.record_dir = dir.string();
  auto recording = ApiClients::Open(rec);
  ASSERT_TRUE(recording.ok()) << recording.status().ToString();
  Answers recorded = Ask(**recording, ids);
  ASSERT_TRUE(recorded.list.ok());
  ASSERT_TRUE(recorded.details[0].ok()) << recorded.details[0].status().ToString();
  ASSERT_TRUE(recorded.season.ok());
  recording->reset();  // closes the keep-alive connections, so Stop() is quick
  server.Stop();

  // Nothing in the recordings names a key.
  size_t files = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    ++files;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    EXPECT_EQ(text.str().find(v3key), std::string::npos) << entry.path();
    EXPECT_EQ(text.str().find("fake-imdb-key-0001"), std::string::npos) << entry.path();
    EXPECT_EQ(entry.path().string().find(v3key), std::string::npos);
  }
  EXPECT_EQ(files, 7u);

  ApiConfig rep;  // no keys, no server
  rep.imdb_base_url = "http://127.0.0.1:1/imdb236/api/imdb";
  rep.tmdb_base_url = "http://127.0.0.1:1/tmdb/3";
  rep.replay_dir = dir.string();
  rep.max_attempts = 2;
  rep.backoff_base_ms = 1;
  auto replaying = ApiClients::Open(rep);
  ASSERT_TRUE(replaying.ok());
  Answers replayed = Ask(**replaying, ids);
  ASSERT_TRUE(replayed.list.ok()) << replayed.list.status().ToString();
  EXPECT_EQ(*recorded.list, *replayed.list);
  for (size_t i = 0; i < ids.size(); ++i) {
    ASSERT_TRUE(replayed.titles[i].ok());
    EXPECT_EQ(*recorded.titles[i], *replayed.titles[i]);
  }
  ASSERT_TRUE(replayed.details[0].ok()) << replayed.details[0].status().ToString();
  EXPECT_EQ(*recorded.details[0], *replayed.details[0]);
  EXPECT_EQ(*recorded.details[1], *replayed.details[1]);
  EXPECT_TRUE(replayed.details[2].status().IsNotFound());  // the 404 was recorded too
  EXPECT_EQ(*recorded.season, *replayed.season);

  // An unrecorded request is a clear, non-retried error naming it.
  auto missing = (*replaying)->tmdb().Movie(42);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), Status::Code::kIOError);
  EXPECT_NE(missing.status().message().find("no recording for GET /tmdb/3/movie/42"), std::string::npos)
      << missing.status().message();
  EXPECT_EQ(missing.attempts(), 1);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace cinelake
