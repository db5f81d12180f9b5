#include "sources/api_config.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "common/log.h"

namespace cinelake {
namespace {

GetEnvFn Env(std::map<std::string, std::string> vars) {
  return [vars](const char* name) -> std::optional<std::string> {
    auto it = vars.find(name);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}

std::string WriteTemp(const std::string& name, const std::string& text) {
  auto path =
      std::filesystem::temp_directory_path() / ("cinelake-sources-" + std::to_string(::getpid()) + name);
  std::ofstream(path) << text;
  return path.string();
}

TEST(SourcesApiConfig, DefaultsAreSafe) {
  auto c = LoadApiConfig(std::nullopt, Env({}));
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->imdb_base_url, "https://imdb236.p.rapidapi.com/api/imdb");
  EXPECT_EQ(c->tmdb_base_url, "https://api.themoviedb.org/3");
  EXPECT_DOUBLE_EQ(c->imdb_limits.rate_per_sec, 5);
  EXPECT_DOUBLE_EQ(c->tmdb_limits.rate_per_sec, 35);
  EXPECT_EQ(c->max_attempts, 5);
  EXPECT_EQ(c->mapping, MappingStrategy::kTmdbFind);
}

TEST(SourcesApiConfig, FileThenEnvironmentAndSecretsRegistered) {
  std::string path = WriteTemp("a.toml", R"(
[imdb]
key = "file-imdb-key-777"
rate_per_sec = 2
burst = 3
concurrency = 2
[tmdb]
base_url = "http://127.0.0.1:9/tmdb/3"
token = "file-tmdb-token-888"
[http]
max_attempts = 4
http2 = false
[mapping]
strategy = "imdb"
[other]
ignored = true
)");
  auto c = LoadApiConfig(path, Env({{"CINELAKE_TMDB_TOKEN", "env-tmdb-token-999"}}));
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->imdb_key, "file-imdb-key-777");
  EXPECT_EQ(c->tmdb_token, "env-tmdb-token-999");  // env wins
  EXPECT_DOUBLE_EQ(c->imdb_limits.rate_per_sec, 2);
  EXPECT_EQ(c->imdb_limits.concurrency, 2);
  EXPECT_EQ(c->tmdb_base_url, "http://127.0.0.1:9/tmdb/3");
  EXPECT_EQ(c->max_attempts, 4);
  EXPECT_FALSE(c->http2);
  EXPECT_EQ(c->mapping, MappingStrategy::kImdb);
  EXPECT_EQ(Redact("k=file-imdb-key-777 t=env-tmdb-token-999 f=file-tmdb-token-888"), "k=*** t=*** f=***");
  std::filesystem::remove(path);
}

TEST(SourcesApiConfig, BadValuesAreErrorsNamingTheFile) {
  std::string path = WriteTemp("b.toml", "[imdb]\nrate_per_sec = \"fast\"\n");
  auto c = LoadApiConfig(path, Env({}));
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(c.status().message().find(path), std::string::npos);
  EXPECT_NE(c.status().message().find("rate_per_sec"), std::string::npos);
  std::filesystem::remove(path);

  path = WriteTemp("c.toml", "[imdb\nkey=");
  EXPECT_FALSE(LoadApiConfig(path, Env({})).ok());
  std::filesystem::remove(path);
  EXPECT_FALSE(LoadApiConfig(std::string("/nonexistent/cinelake.toml"), Env({})).ok());
  EXPECT_FALSE(LoadApiConfig(std::nullopt, Env({{"CINELAKE_MAPPING", "both"}})).ok());
}

TEST(SourcesApiConfig, WatchCountriesDefaultToUsAndAreChecked) {
  auto d = LoadApiConfig(std::nullopt, Env({}));
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->tmdb_watch_countries, (std::vector<std::string>{"US"}));

  std::string path = WriteTemp("w.toml", "[tmdb]\nwatch_countries = [\"GB\", \"DE\"]\n");
  auto c = LoadApiConfig(path, Env({}));
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->tmdb_watch_countries, (std::vector<std::string>{"GB", "DE"}));
  std::filesystem::remove(path);

  path = WriteTemp("n.toml", "[tmdb]\nwatch_countries = []\n");
  c = LoadApiConfig(path, Env({}));
  ASSERT_TRUE(c.ok());
  EXPECT_TRUE(c->tmdb_watch_countries.empty());
  std::filesystem::remove(path);

  path = WriteTemp("x.toml", "[tmdb]\nwatch_countries = [\"usa\"]\n");
  c = LoadApiConfig(path, Env({}));
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("[tmdb] watch_countries"), std::string::npos) << c.status().ToString();
  EXPECT_NE(c.status().message().find(path), std::string::npos);
  std::filesystem::remove(path);
}

TEST(SourcesApiConfig, TokenKindAndSandbox) {
  ApiConfig c;
  c.tmdb_token = "0123456789abcdef0123456789ABCDEF";
  EXPECT_TRUE(c.TmdbTokenIsV3Key());
  c.tmdb_token = "eyJhbGciOiJIUzI1NiJ9.eyJhdWQiOiIxIn0.sig";
  EXPECT_FALSE(c.TmdbTokenIsV3Key());
  ApiConfig s;
  s.UseSandbox("http://127.0.0.1:8080/", std::string_view("2026-11-23"));
  EXPECT_EQ(s.imdb_base_url, "http://127.0.0.1:8080/@2026-11-23/imdb236/api/imdb");
  EXPECT_EQ(s.tmdb_base_url, "http://127.0.0.1:8080/@2026-11-23/tmdb/3");
  EXPECT_EQ(s.imdb_key, "sandbox-imdb-key");
  EXPECT_EQ(s.tmdb_token, "sandbox-tmdb-token");
}

TEST(SourcesApiConfig, OnlyADatedSourceAnswersForAPastDay) {
  ApiConfig real;
  EXPECT_FALSE(real.AnswersAreDated("2026-11-23"));
  ApiConfig sandbox;
  sandbox.UseSandbox("http://127.0.0.1:8080", std::string_view("2026-11-23"));
  EXPECT_TRUE(sandbox.AnswersAreDated("2026-11-23"));
  EXPECT_FALSE(sandbox.AnswersAreDated("2026-11-22"));
  ApiConfig undated_sandbox;
  undated_sandbox.UseSandbox("http://127.0.0.1:8080");
  EXPECT_FALSE(undated_sandbox.AnswersAreDated("2026-11-23"));

  ApiConfig file;  // base URLs from a config file, one pinned, then both
  file.imdb_base_url = "http://127.0.0.1:8080/@{date}/imdb236/api/imdb";
  file.tmdb_base_url = "http://127.0.0.1:8080/tmdb/3";
  file.ExpandDate("2026-11-23");
  EXPECT_EQ(file.imdb_base_url, "http://127.0.0.1:8080/@2026-11-23/imdb236/api/imdb");
  EXPECT_FALSE(file.AnswersAreDated("2026-11-23"));
  file.tmdb_base_url = "http://127.0.0.1:8080/@2026-11-23";
  EXPECT_TRUE(file.AnswersAreDated("2026-11-23"));
  file.tmdb_base_url = "http://127.0.0.1:8080/@2026-11-234/tmdb/3";  // not that day's segment
  EXPECT_FALSE(file.AnswersAreDated("2026-11-23"));

  ApiConfig replayed;
  replayed.replay_dir = "/recordings";
  EXPECT_TRUE(replayed.AnswersAreDated("2026-11-23"));
}

TEST(SourcesApiConfig, TheSandboxShorthandReplacesTheRealKeys) {
  auto c = LoadApiConfig(std::nullopt, Env({{"CINELAKE_IMDB_API_KEY", "real-imdb-key-1"},
                                            {"CINELAKE_TMDB_TOKEN", "real-tmdb-1"}}));
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  c->UseSandbox("http://127.0.0.1:8080", std::nullopt);
  EXPECT_EQ(c->imdb_key, "sandbox-imdb-key");
  EXPECT_EQ(c->tmdb_token, "sandbox-tmdb-token");
  EXPECT_EQ(c->ImdbKeyRefusal(), "");
  EXPECT_EQ(c->TmdbTokenRefusal(), "");
  c->UseSandbox("http://127.0.0.1:8080", std::nullopt, "own-imdb-key", "own-tmdb-token");
  EXPECT_EQ(c->imdb_key, "own-imdb-key");
  EXPECT_EQ(c->tmdb_token, "own-tmdb-token");
}

TEST(SourcesApiConfig, AKeyIsBoundToTheBaseUrlItWasConfiguredFor) {
  const std::map<std::string, std::string> env_keys = {{"CINELAKE_IMDB_API_KEY", "real-imdb-key-2"},
                                                       {"CINELAKE_TMDB_TOKEN", "real-tmdb-2"}};
  // Environment keys belong to the real hosts.
  auto real = LoadApiConfig(std::nullopt, Env(env_keys));
  ASSERT_TRUE(real.ok());
  EXPECT_EQ(real->imdb_key_origin, "https://imdb236.p.rapidapi.com");
  EXPECT_EQ(real->ImdbKeyRefusal(), "");
  EXPECT_EQ(real->TmdbTokenRefusal(), "");
  // ... so an environment base URL override gets none of them.
  auto env_override = env_keys;
  env_override["CINELAKE_TMDB_BASE_URL"] = "http://127.0.0.1:7/tmdb/3";
  auto moved = LoadApiConfig(std::nullopt, Env(env_override));
  ASSERT_TRUE(moved.ok());
  EXPECT_EQ(moved->ImdbKeyRefusal(), "");
  EXPECT_NE(
      moved->TmdbTokenRefusal().find("configured for https://api.themoviedb.org, not for http://127.0.0.1:7"),
      std::string::npos)
      << moved->TmdbTokenRefusal();
  EXPECT_EQ(moved->TmdbTokenRefusal().find("real-tmdb-2"), std::string::npos);
  // A file's base URL without a key of its own gets none either.
  std::string bare = WriteTemp("d.toml", "[imdb]\nbase_url = \"http://127.0.0.1:7/imdb\"\n");
  auto file_url = LoadApiConfig(bare, Env(env_keys));
  ASSERT_TRUE(file_url.ok());
  EXPECT_NE(file_url->ImdbKeyRefusal(), "");
  std::filesystem::remove(bare);
  // A key next to the file's base URL belongs to it, even on another port of the host.
  std::string keyed =
      WriteTemp("e.toml", "[imdb]\nbase_url = \"http://127.0.0.1:7/imdb\"\nkey = \"file-key-3\"\n");
  auto file_key = LoadApiConfig(keyed, Env({}));
  ASSERT_TRUE(file_key.ok());
  EXPECT_EQ(file_key->ImdbKeyRefusal(), "");
  ApiConfig other_port = *file_key;
  other_port.imdb_base_url = "http://127.0.0.1:8/imdb";
  EXPECT_NE(other_port.ImdbKeyRefusal(), "");
  std::filesystem::remove(keyed);
}

TEST(SourcesApiConfig, BudgetAndListCapAreReadAndChecked) {
  std::string path = WriteTemp("f.toml", "[imdb]\nmax_list_titles = 50\n[http]\nstep_budget_ms = 1234\n");
  auto c = LoadApiConfig(path, Env({}));
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->max_list_titles, 50);
  EXPECT_EQ(c->step_budget_ms, 1234);
  std::filesystem::remove(path);
  ApiConfig bad;
  bad.step_budget_ms = 0;
  EXPECT_FALSE(bad.Validate().ok());
  EXPECT_EQ(ApiConfig().max_list_titles, 1000);
  EXPECT_EQ(ApiConfig().step_budget_ms, 30 * 60 * 1000);
}

}  // namespace
}  // namespace cinelake
