#include "sources/api_config.h"

#include <toml++/toml.h>

#include <cctype>
#include <cstdlib>

#include "common/log.h"
#include "sources/url_util.h"

namespace cinelake {

const char* MappingStrategyName(MappingStrategy s) {
  return s == MappingStrategy::kImdb ? "imdb" : "tmdb_find";
}

Result<MappingStrategy> ParseMappingStrategy(std::string_view text) {
  if (text == "imdb") return MappingStrategy::kImdb;
  if (text == "tmdb_find" || text == "tmdb") return MappingStrategy::kTmdbFind;
  return Status::InvalidArgument("mapping strategy must be 'imdb' or 'tmdb_find', got '" + std::string(text) +
                                 "'");
}

void ApiConfig::UseSandbox(std::string_view base_url, std::optional<std::string_view> date,
                           std::string_view sandbox_imdb_key, std::string_view sandbox_tmdb_token) {
  std::string base(base_url);
  while (!base.empty() && base.back() == '/') base.pop_back();
  if (date && !date->empty()) base += "/@" + std::string(*date);
  imdb_base_url = base + "/imdb236/api/imdb";
  tmdb_base_url = base + "/tmdb/3";
  export_base_url = base + "/p/exports";
  imdb_key = std::string(sandbox_imdb_key.empty() ? kSandboxImdbKey : sandbox_imdb_key);
  tmdb_token = std::string(sandbox_tmdb_token.empty() ? kSandboxTmdbToken : sandbox_tmdb_token);
  imdb_key_origin = UrlOrigin(imdb_base_url);
  tmdb_token_origin = UrlOrigin(tmdb_base_url);
  RegisterSecret(imdb_key);
  RegisterSecret(tmdb_token);
}

namespace {

void ReplaceAll(std::string* text, std::string_view from, std::string_view to) {
  for (size_t at = text->find(from); at != std::string::npos; at = text->find(from, at + to.size())) {
    text->replace(at, from.size(), to);
  }
}

bool PinnedTo(std::string_view base_url, std::string_view date) {
  const std::string segment = "/@" + std::string(date);
  for (size_t at = base_url.find(segment); at != std::string_view::npos;
       at = base_url.find(segment, at + 1)) {
    size_t end = at + segment.size();
    if (end == base_url.size() || base_url[end] == '/' || base_url[end] == '?') return true;
  }
  return false;
}

}  // namespace

void ApiConfig::ExpandDate(std::string_view date) {
  ReplaceAll(&imdb_base_url, "{date}", date);
  ReplaceAll(&tmdb_base_url, "{date}", date);
}

bool ApiConfig::AnswersAreDated(std::string_view date) const {
  if (!replay_dir.empty()) return true;
  return PinnedTo(imdb_base_url, date) && PinnedTo(tmdb_base_url, date);
}

namespace {

std::string KeyRefusal(const char* what, const std::string& key, const std::string& origin,
                       const std::string& base_url) {
  if (key.empty() || origin.empty()) return std::string();
  std::string target = UrlOrigin(base_url);
  if (target == origin) return std::string();
  return std::string("the ") + what + " is configured for " + origin + ", not for " + target +
         "; not sending it there (put the key next to that base_url in the config file)";
}

}  // namespace

std::string ApiConfig::ImdbKeyRefusal() const {
  return KeyRefusal("IMDB key", imdb_key, imdb_key_origin, imdb_base_url);
}

std::string ApiConfig::TmdbTokenRefusal() const {
  return KeyRefusal("TMDB token", tmdb_token, tmdb_token_origin, tmdb_base_url);
}

bool ApiConfig::TmdbTokenIsV3Key() const {
  if (tmdb_token.size() != 32) return false;
  for (char c : tmdb_token) {
    if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

Status ApiConfig::Validate() const {
  auto check_limits = [](const char* api, const ApiLimits& l) -> Status {
    if (!(l.rate_per_sec > 0) || !(l.burst >= 1) || l.concurrency < 1 || l.concurrency > 256) {
      return Status::InvalidArgument(std::string(api) +
                                     " limits: need rate_per_sec > 0, burst >= 1, 1 <= concurrency <= 256");
    }
    return Status::OK();
  };
  RETURN_IF_ERROR(check_limits("imdb", imdb_limits));
  RETURN_IF_ERROR(check_limits("tmdb", tmdb_limits));
  if (imdb_base_url.empty() || tmdb_base_url.empty())
    return Status::InvalidArgument("API base URLs must be set");
  if (max_attempts < 1 || max_attempts > 20)
    return Status::InvalidArgument("http.max_attempts must be 1..20");
  if (connect_timeout_ms <= 0 || timeout_ms <= 0) return Status::InvalidArgument("http timeouts must be > 0");
  if (max_response_bytes <= 0) return Status::InvalidArgument("http.max_response_bytes must be > 0");
  if (step_budget_ms <= 0) return Status::InvalidArgument("http.step_budget_ms must be > 0");
  if (max_list_titles < 1) return Status::InvalidArgument("imdb.max_list_titles must be >= 1");
  if (imdb_daily_request_budget < 0)
    return Status::InvalidArgument("imdb.daily_request_budget must be >= 0 (0 = derived from the quota)");
  if (backoff_base_ms < 0 || backoff_max_ms < 0 || max_retry_after_ms < 0) {
    return Status::InvalidArgument("http backoff values must be >= 0");
  }
  if (export_base_url.empty()) return Status::InvalidArgument("exports.base_url must be set");
  if (export_attempts < 1 || export_attempts > 20)
    return Status::InvalidArgument("exports.attempts must be 1..20");
  if (export_stall_ms <= 0 || export_timeout_ms <= 0) {
    return Status::InvalidArgument("exports.stall_ms and exports.timeout_ms must be > 0");
  }
  if (!record_dir.empty() && !replay_dir.empty()) {
    return Status::InvalidArgument("record_dir and replay_dir cannot both be set");
  }
  return Status::OK();
}

namespace {

// Reads optional typed values from a TOML table, failing on a wrong type so
// a typo'd config does not silently fall back to defaults.
class TomlSection {
 public:
  TomlSection(const toml::table* table, std::string name, std::string file)
      : table_(table), name_(std::move(name)), file_(std::move(file)) {}

  Status String(const char* key, std::string* out) {
    const toml::node* n = Node(key);
    if (n == nullptr) return Status::OK();
    if (auto v = n->value<std::string>()) {
      *out = *v;
      return Status::OK();
    }
    return Wrong(key, "a string");
  }
  Status Double(const char* key, double* out) {
    const toml::node* n = Node(key);
    if (n == nullptr) return Status::OK();
    if (auto v = n->value<double>()) {  // toml++ converts integers too
      *out = *v;
      return Status::OK();
    }
    return Wrong(key, "a number");
  }
  Status Int(const char* key, int64_t* out) {
    const toml::node* n = Node(key);
    if (n == nullptr) return Status::OK();
    if (n->is_integer()) {
      *out = n->as_integer()->get();
      return Status::OK();
    }
    return Wrong(key, "an integer");
  }
  Status Int(const char* key, int* out) {
    int64_t v = *out;
    RETURN_IF_ERROR(Int(key, &v));
    if (v < INT32_MIN || v > INT32_MAX) return Wrong(key, "a 32-bit integer");
    *out = static_cast<int>(v);
    return Status::OK();
  }
  Status Bool(const char* key, bool* out) {
    const toml::node* n = Node(key);
    if (n == nullptr) return Status::OK();
    if (auto v = n->value<bool>()) {
      *out = *v;
      return Status::OK();
    }
    return Wrong(key, "true or false");
  }
  // An array of two-letter upper-case country codes (ISO 3166-1 alpha-2).
  Status Countries(const char* key, std::vector<std::string>* out) {
    const toml::node* n = Node(key);
    if (n == nullptr) return Status::OK();
    const toml::array* array = n->as_array();
    if (array == nullptr) return Wrong(key, "an array of country codes like [\"US\"]");
    std::vector<std::string> codes;
    for (const toml::node& item : *array) {
      std::optional<std::string> code = item.value<std::string>();
      if (!code || code->size() != 2 || !std::isupper(static_cast<unsigned char>((*code)[0])) ||
          !std::isupper(static_cast<unsigned char>((*code)[1]))) {
        return Wrong(key, "an array of two-letter upper-case country codes like [\"US\", \"GB\"]");
      }
      codes.push_back(*code);
    }
    *out = std::move(codes);
    return Status::OK();
  }
  Status Limits(ApiLimits* l) {
    RETURN_IF_ERROR(Double("rate_per_sec", &l->rate_per_sec));
    RETURN_IF_ERROR(Double("burst", &l->burst));
    return Int("concurrency", &l->concurrency);
  }

 private:
  const toml::node* Node(const char* key) const { return table_ == nullptr ? nullptr : table_->get(key); }
  Status Wrong(const char* key, const char* expected) const {
    return Status::InvalidArgument(file_ + ": [" + name_ + "] " + key + " must be " + expected);
  }
  const toml::table* table_;
  std::string name_;
  std::string file_;
};

Status ApplyToml(const std::string& path, ApiConfig* c) {
  toml::table root;
  try {
    root = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    std::string where;
    if (e.source().begin) where = ":" + std::to_string(e.source().begin.line);
    return Status::InvalidArgument("config " + path + where + ": " + std::string(e.description()));
  } catch (const std::exception& e) {
    return Status::InvalidArgument("config " + path + ": " + e.what());
  }
  TomlSection imdb(root["imdb"].as_table(), "imdb", path);
  RETURN_IF_ERROR(imdb.String("base_url", &c->imdb_base_url));
  RETURN_IF_ERROR(imdb.String("host", &c->imdb_host));
  RETURN_IF_ERROR(imdb.String("key", &c->imdb_key));
  RETURN_IF_ERROR(imdb.Limits(&c->imdb_limits));
  RETURN_IF_ERROR(imdb.Int("max_list_titles", &c->max_list_titles));
  RETURN_IF_ERROR(imdb.Int("daily_request_budget", &c->imdb_daily_request_budget));

  TomlSection tmdb(root["tmdb"].as_table(), "tmdb", path);
  RETURN_IF_ERROR(tmdb.String("base_url", &c->tmdb_base_url));
  RETURN_IF_ERROR(tmdb.String("token", &c->tmdb_token));
  RETURN_IF_ERROR(tmdb.String("language", &c->tmdb_language));
  RETURN_IF_ERROR(tmdb.Countries("watch_countries", &c->tmdb_watch_countries));
  RETURN_IF_ERROR(tmdb.Limits(&c->tmdb_limits));

  TomlSection http(root["http"].as_table(), "http", path);
  RETURN_IF_ERROR(http.Int("connect_timeout_ms", &c->connect_timeout_ms));
  RETURN_IF_ERROR(http.Int("timeout_ms", &c->timeout_ms));
  RETURN_IF_ERROR(http.Int("max_response_bytes", &c->max_response_bytes));
  RETURN_IF_ERROR(http.Int("max_attempts", &c->max_attempts));
  RETURN_IF_ERROR(http.Int("backoff_base_ms", &c->backoff_base_ms));
  RETURN_IF_ERROR(http.Int("backoff_max_ms", &c->backoff_max_ms));
  RETURN_IF_ERROR(http.Int("max_retry_after_ms", &c->max_retry_after_ms));
  RETURN_IF_ERROR(http.Bool("http2", &c->http2));
  RETURN_IF_ERROR(http.Int("step_budget_ms", &c->step_budget_ms));

  TomlSection mapping(root["mapping"].as_table(), "mapping", path);
  std::string strategy;
  RETURN_IF_ERROR(mapping.String("strategy", &strategy));
  if (!strategy.empty()) {
    ASSIGN_OR_RETURN(c->mapping, ParseMappingStrategy(strategy));
  }

  TomlSection exports(root["exports"].as_table(), "exports", path);
  RETURN_IF_ERROR(exports.String("base_url", &c->export_base_url));
  RETURN_IF_ERROR(exports.Int("attempts", &c->export_attempts));
  RETURN_IF_ERROR(exports.Int("stall_ms", &c->export_stall_ms));
  RETURN_IF_ERROR(exports.Int("timeout_ms", &c->export_timeout_ms));

  TomlSection record(root["record"].as_table(), "record", path);
  RETURN_IF_ERROR(record.String("record_dir", &c->record_dir));
  RETURN_IF_ERROR(record.String("replay_dir", &c->replay_dir));
  return Status::OK();
}

}  // namespace

Result<ApiConfig> LoadApiConfig(const std::optional<std::string>& path) {
  return LoadApiConfig(path, [](const char* name) -> std::optional<std::string> {
    const char* v = std::getenv(name);
    if (v == nullptr) return std::nullopt;
    return std::string(v);
  });
}

Result<ApiConfig> LoadApiConfig(const std::optional<std::string>& path, const GetEnvFn& getenv) {
  ApiConfig c;
  if (path && !path->empty()) {
    Status st = ApplyToml(*path, &c);
    // Register whatever keys were read before reporting anything.
    RegisterSecret(c.imdb_key);
    RegisterSecret(c.tmdb_token);
    RETURN_IF_ERROR(st);
    // A key in the file belongs to the file's base URL.
    if (!c.imdb_key.empty()) c.imdb_key_origin = UrlOrigin(c.imdb_base_url);
    if (!c.tmdb_token.empty()) c.tmdb_token_origin = UrlOrigin(c.tmdb_base_url);
  }
  auto env = [&](const char* name, std::string* out) {
    std::optional<std::string> v = getenv(name);
    if (!v || v->empty()) return false;
    *out = *v;
    return true;
  };
  // A key in the environment belongs to the real API.
  const ApiConfig defaults;
  if (env("CINELAKE_IMDB_API_KEY", &c.imdb_key)) c.imdb_key_origin = UrlOrigin(defaults.imdb_base_url);
  if (env("CINELAKE_TMDB_TOKEN", &c.tmdb_token)) c.tmdb_token_origin = UrlOrigin(defaults.tmdb_base_url);
  RegisterSecret(c.imdb_key);
  RegisterSecret(c.tmdb_token);
  env("CINELAKE_IMDB_BASE_URL", &c.imdb_base_url);
  env("CINELAKE_TMDB_BASE_URL", &c.tmdb_base_url);
  env("CINELAKE_EXPORT_BASE_URL", &c.export_base_url);
  env("CINELAKE_RECORD_DIR", &c.record_dir);
  env("CINELAKE_REPLAY_DIR", &c.replay_dir);
  std::string mapping;
  env("CINELAKE_MAPPING", &mapping);
  if (!mapping.empty()) {
    ASSIGN_OR_RETURN(c.mapping, ParseMappingStrategy(mapping));
  }
  RETURN_IF_ERROR(c.Validate());
  return c;
}

}  // namespace cinelake
