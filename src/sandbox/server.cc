#include "sandbox/server.h"

#include <dirent.h>
#include <httplib.h>
#include <netinet/in.h>
#include <spdlog/spdlog.h>
#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>
#include <tuple>

#include "common/http_listen.h"
#include "sandbox/export_file.h"
#include "sandbox/rate_limiter.h"
#include "sandbox/rng.h"
#include "sandbox/stats.h"

namespace cinelake::sandbox {
namespace {

using Json = nlohmann::ordered_json;
constexpr const char* kJsonType = "application/json;charset=utf-8";

struct Route {
  EndpointKind kind;
  Kind title_kind = Kind::kMovie;  // lists
  std::string id;                  // tt id, TMDB id, or export file name
  int season = 0;
};

bool ParseInt64(std::string_view s, int64_t* out) {
  if (s.empty() || s.size() > 12) return false;
  int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *out = v;
  return true;
}

bool IsTitleId(std::string_view s) {
  if (s.size() < 9 || s.size() > 12 || s.substr(0, 2) != "tt") return false;
  for (char c : s.substr(2)) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// Splits "a/b/c" into segments.
std::vector<std::string_view> Segments(std::string_view path) {
  std::vector<std::string_view> out;
  while (!path.empty()) {
    size_t slash = path.find('/');
    out.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return out;
}

std::optional<Route> Classify(std::string_view path) {
  constexpr std::string_view kImdb = "/imdb236/api/imdb/";
  constexpr std::string_view kTmdb = "/tmdb/3/";
  constexpr std::string_view kExports = "/p/exports/";
  if (path.starts_with(kImdb)) {
    auto seg = Segments(path.substr(kImdb.size()));
    if (seg.size() == 1 && seg[0] == "most-popular-movies")
      return Route{EndpointKind::kImdbList, Kind::kMovie, {}, 0};
    if (seg.size() == 1 && seg[0] == "most-popular-tv")
      return Route{EndpointKind::kImdbList, Kind::kSeries, {}, 0};
    if (seg.size() == 1 && IsTitleId(seg[0]))
      return Route{EndpointKind::kImdbTitle, Kind::kMovie, std::string(seg[0]), 0};
    if (seg.size() == 2 && IsTitleId(seg[0]) && seg[1] == "tmdb-id") {
      return Route{EndpointKind::kImdbTmdbId, Kind::kMovie, std::string(seg[0]), 0};
    }
    return std::nullopt;
  }
  if (path.starts_with(kTmdb)) {
    auto seg = Segments(path.substr(kTmdb.size()));
    int64_t id = 0, season = 0;
    if (seg.size() == 2 && seg[0] == "movie" && ParseInt64(seg[1], &id)) {
      return Route{EndpointKind::kTmdbMovie, Kind::kMovie, std::string(seg[1]), 0};
    }
    if (seg.size() == 2 && seg[0] == "tv" && ParseInt64(seg[1], &id)) {
      return Route{EndpointKind::kTmdbTv, Kind::kSeries, std::string(seg[1]), 0};
    }
    if (seg.size() == 4 && seg[0] == "tv" && ParseInt64(seg[1], &id) && seg[2] == "season" &&
        ParseInt64(seg[3], &season) && season < 1000) {
      return Route{EndpointKind::kTmdbSeason, Kind::kSeries, std::string(seg[1]), static_cast<int>(season)};
    }
    if (seg.size() == 2 && seg[0] == "find" && !seg[1].empty()) {
      return Route{EndpointKind::kTmdbFind, Kind::kMovie, std::string(seg[1]), 0};
    }
    return std::nullopt;
  }
  if (path.starts_with(kExports)) {
    std::string_view name = path.substr(kExports.size());
    if (name.find('/') != std::string_view::npos) return std::nullopt;
    return Route{EndpointKind::kExport, Kind::kMovie, std::string(name), 0};
  }
  return std::nullopt;
}

std::string ImdbError(std::string_view message) {
  return Json{{"message", message}}.dump();
}

std::string TmdbError(int code, std::string_view message) {
  return Json{{"success", false}, {"status_code", code}, {"status_message", message}}.dump();
}

// Shuts down accepted sockets of this process whose local port is
// `local_port` and, unless `remote_port` is -1, whose peer port is
// `remote_port`, with SO_LINGER 0 so the peer sees a reset or an early EOF.
// httplib does not expose its sockets, so they are found by their ports; the
// fds stay open and httplib's next read or write on them fails, after which
// it drops the connection. Returns how many were shut down.
int ShutdownSockets(int local_port, int remote_port) {
  DIR* dir = opendir("/proc/self/fd");
  if (dir == nullptr) return 0;
  int done = 0;
  while (dirent* e = readdir(dir)) {
    char* end = nullptr;
    long fd = std::strtol(e->d_name, &end, 10);
    if (end == e->d_name || *end != '\0') continue;
    sockaddr_storage local{}, peer{};
    socklen_t ll = sizeof local, pl = sizeof peer;
    if (getsockname(static_cast<int>(fd), reinterpret_cast<sockaddr*>(&local), &ll) != 0) continue;
    if (getpeername(static_cast<int>(fd), reinterpret_cast<sockaddr*>(&peer), &pl) != 0) continue;
    auto port_of = [](const sockaddr_storage& a) -> int {
      if (a.ss_family == AF_INET) return ntohs(reinterpret_cast<const sockaddr_in&>(a).sin_port);
      if (a.ss_family == AF_INET6) return ntohs(reinterpret_cast<const sockaddr_in6&>(a).sin6_port);
      return -1;
    };
    if (port_of(local) == local_port && (remote_port == -1 || port_of(peer) == remote_port)) {
      linger lg{1, 0};
      setsockopt(static_cast<int>(fd), SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
      shutdown(static_cast<int>(fd), SHUT_RDWR);
      ++done;
      if (remote_port != -1) break;
    }
  }
  closedir(dir);
  return done;
}

// Closes the request's connection without an answer.
void ResetConnection(const httplib::Request& req) {
  ShutdownSockets(req.local_port, req.remote_port);
}

void Corrupt(std::string* body, EndpointKind kind) {
  if (kind == EndpointKind::kExport) {
    // Damage the deflate stream and CRC: gunzip must fail.
    for (size_t i = body->size() / 2; i < body->size() && i < body->size() / 2 + 16; ++i) (*body)[i] ^= 0x5a;
    if (body->size() >= 8) (*body)[body->size() - 8] ^= 0x01;
    return;
  }
  size_t colon = body->find(':');
  if (colon != std::string::npos) {
    body->replace(colon, 1, " = ");
  } else {
    body->insert(0, "{\"");
  }
}

}  // namespace

struct SandboxServer::Impl {
  explicit Impl(SandboxOptions o) : options(std::move(o)), world(options.seed) {}

  SandboxOptions options;
  World world;
  httplib::Server svr;
  std::thread thread;
  int port = -1;
  bool started = false;

  mutable std::mutex faults_mu;
  std::shared_ptr<const FaultConfig> faults;
  RateLimiter limiters[2];
  std::atomic<uint64_t> sequence[kEndpointKinds] = {};
  Stats stats;

  std::mutex stop_mu;
  std::condition_variable stop_cv;
  bool stopping = false;

  // Export files: built one at a time, a few kept in memory.
  std::mutex export_build_mu;
  std::mutex export_cache_mu;
  std::deque<std::pair<std::tuple<int, int32_t>, std::shared_ptr<const std::string>>> export_cache;

  Date Today() const { return options.date ? *options.date : Date::Today(); }

  std::shared_ptr<const FaultConfig> Faults() const {
    std::lock_guard<std::mutex> lock(faults_mu);
    return faults;
  }

  void SetFaults(const FaultConfig& c) {
    {
      std::lock_guard<std::mutex> lock(faults_mu);
      faults = std::make_shared<const FaultConfig>(c);
    }
    limiters[0].Configure(c.rate_limits[0]);
    limiters[1].Configure(c.rate_limits[1]);
  }

  // Sleeps unless the server stops first; false when stopping.
  bool Sleep(double ms) {
    std::unique_lock<std::mutex> lock(stop_mu);
    return !stop_cv.wait_for(lock, std::chrono::duration<double, std::milli>(ms), [&] { return stopping; });
  }

  void Reply(httplib::Response& res, int status, std::string body, const char* type = kJsonType) {
    res.status = status;
    res.set_content(std::move(body), type);
    stats.CountStatus(status);
  }

  void Handle(const httplib::Request& req, httplib::Response& res);
  void Control(const httplib::Request& req, httplib::Response& res, std::string_view path);
  void Serve(const httplib::Request& req, httplib::Response& res, const Route& route, Date date);
  // The body of a successful answer; false when an error was already replied.
  bool Body(const httplib::Request& req, const Route& route, Date date, const FaultConfig& cfg,
            httplib::Response& res, std::string* body, const char** type);
  std::shared_ptr<const std::string> Export(Kind kind, Date date, Status* error);
  bool NotFoundToday(Kind kind, int64_t id, Date date, const FaultConfig& cfg) const {
    if (cfg.tmdb_not_found_fraction <= 0) return false;
    return Unit(Hash(options.seed, 0x404, static_cast<uint64_t>(kind), static_cast<uint64_t>(id),
                     static_cast<uint64_t>(static_cast<int64_t>(date.days)))) < cfg.tmdb_not_found_fraction;
  }
};

void SandboxServer::Impl::Handle(const httplib::Request& req, httplib::Response& res) {
  std::string_view path = req.path;
  Date date = Today();
  if (path.starts_with("/@")) {
    Result<Date> d = path.size() >= 12 ? Date::Parse(path.substr(2, 10)) : Date::Parse(path.substr(2));
    if (!d.ok() || (path.size() > 12 && path[12] != '/')) {
      Reply(res, 400, Json{{"error", "bad date prefix: expected /@YYYY-MM-DD/..."}}.dump());
      return;
    }
    date = *d;
    path.remove_prefix(12);
  }
  if (path.starts_with("/_sandbox/")) {
    Control(req, res, path);
    return;
  }
  std::optional<Route> route = Classify(path);
  if (!route) {
    Reply(res, 404, Json{{"error", "no such endpoint"}, {"path", std::string(path)}}.dump());
    return;
  }
  if (req.method != "GET" && req.method != "HEAD") {
    Reply(res, 405, Json{{"error", "method not allowed"}}.dump());
    return;
  }
  Serve(req, res, *route, date);
}

void SandboxServer::Impl::Control(const httplib::Request& req, httplib::Response& res,
                                  std::string_view path) {
  if (path == "/_sandbox/health" && req.method == "GET") {
    Json j{{"status", "ok"},
           {"seed", options.seed},
           {"date", Today().ToString()},
           {"movies", world.AnnouncedTitles(Kind::kMovie, Today()).size()},
           {"series", world.AnnouncedTitles(Kind::kSeries, Today()).size()},
           {"movie_catalog", options.movie_catalog},
           {"series_catalog", options.series_catalog}};
    res.set_content(j.dump(), kJsonType);
  } else if (path == "/_sandbox/stats" && req.method == "GET") {
    res.set_content(stats.ToJson(), kJsonType);
  } else if (path == "/_sandbox/stats/reset" && req.method == "POST") {
    stats.Reset();
    res.set_content(Json{{"reset", true}}.dump(), kJsonType);
  } else if (path == "/_sandbox/faults" && req.method == "GET") {
    res.set_content(Faults()->ToJson(), kJsonType);
  } else if (path == "/_sandbox/faults" && req.method == "PUT") {
    Result<FaultConfig> c = FaultConfig::Parse(req.body);
    if (!c.ok()) {
      res.status = 400;
      res.set_content(Json{{"error", c.status().message()}}.dump(), kJsonType);
      return;
    }
    SetFaults(*c);
    spdlog::info("sandbox: fault config replaced");
    res.set_content(c->ToJson(), kJsonType);
  } else {
    res.status = 404;
    res.set_content(Json{{"error", "no such control endpoint"}}.dump(), kJsonType);
  }
}

void SandboxServer::Impl::Serve(const httplib::Request& req, httplib::Response& res, const Route& route,
                                Date date) {
  EndpointKind kind = route.kind;
  Api api = ApiOf(kind);
  stats.CountRequest(kind);
  stats.Enter(api);
  struct Leave {
    Stats& s;
    Api a;
    ~Leave() { s.Leave(a); }
  } leave{stats, api};

  std::string key;
  if (api == Api::kImdb) {
    key = req.get_header_value("X-RapidAPI-Key");
    if (key != options.imdb_key || req.get_header_value("X-RapidAPI-Host") != kImdbHost) {
      stats.CountUnauthorized(api);
      Reply(res, 401, ImdbError("Invalid API key. Go to https://docs.rapidapi.com/docs/keys for more info."));
      return;
    }
  } else if (api == Api::kTmdb) {
    std::string auth = req.get_header_value("Authorization");
    if (auth.rfind("Bearer ", 0) == 0)
      key = auth.substr(7);
    else
      key = req.get_param_value("api_key");
    if (key != options.tmdb_token) {
      stats.CountUnauthorized(api);
      Reply(res, 401, TmdbError(7, "Invalid API key: You must be granted a valid key."));
      return;
    }
  }
  if (api != Api::kExport) {
    int retry = limiters[static_cast<int>(api)].Acquire(key);
    if (retry > 0) {
      stats.CountRateLimitViolation(api);
      stats.Count429();
      res.set_header("Retry-After", std::to_string(retry));
      Reply(res, 429,
            api == Api::kImdb ? ImdbError("Too many requests")
                              : TmdbError(25, "Your request count is over the allowed limit."));
      return;
    }
  }

  std::shared_ptr<const FaultConfig> cfg = Faults();
  const EndpointFaults& f = cfg->For(kind);
  uint64_t seq = sequence[static_cast<int>(kind)].fetch_add(1);
  uint64_t h = Hash(options.seed, 0xfa17, static_cast<uint64_t>(kind), seq);
  double delay = f.latency.Sample(Unit(Hash(h, 1)), NormalFrom(Hash(h, 2)));
  if (delay > 0) {
    stats.CountFault("latency");
    if (!Sleep(delay)) {
      ResetConnection(req);
      return;
    }
  }
  FaultAction action = DrawAction(f, Unit(h));
  switch (action) {
    case FaultAction::k429:
      stats.CountFault("429");
      stats.Count429();
      res.set_header("Retry-After", std::to_string(f.retry_after_s));
      Reply(res, 429,
            api == Api::kTmdb ? TmdbError(25, "Your request count is over the allowed limit.")
                              : ImdbError("Too many requests"));
      return;
    case FaultAction::k500:
      stats.CountFault("500");
      Reply(res, 500,
            api == Api::kTmdb ? TmdbError(11, "Internal error: Something went wrong, contact TMDB.")
                              : ImdbError("Internal Server Error"));
      return;
    case FaultAction::k503:
      stats.CountFault("503");
      Reply(res, 503,
            api == Api::kTmdb
                ? TmdbError(9, "Service offline: This service is temporarily offline, try again later.")
                : ImdbError("Service Unavailable"));
      return;
    case FaultAction::kReset:
      stats.CountFault("reset");
      ResetConnection(req);
      return;
    case FaultAction::kStall:
      stats.CountFault("stall");
      Sleep(f.stall_s * 1000.0);
      ResetConnection(req);
      return;
    default: break;
  }

  std::string body;
  const char* type = kJsonType;
  if (!Body(req, route, date, *cfg, res, &body, &type)) return;
  if (action == FaultAction::kTruncate) {
    stats.CountFault("truncate");
    body.resize(body.size() / 2);
  } else if (action == FaultAction::kMalformed) {
    stats.CountFault("malformed");
    Corrupt(&body, kind);
  }
  Reply(res, 200, std::move(body), type);
}

bool SandboxServer::Impl::Body(const httplib::Request& req, const Route& route, Date date,
                               const FaultConfig& cfg, httplib::Response& res, std::string* body,
                               const char** type) {
  auto imdb_404 = [&](const Status& s) {
    Reply(res, 404, ImdbError(s.message()));
    return false;
  };
  auto tmdb_404 = [&] {
    Reply(res, 404, TmdbError(34, "The resource you requested could not be found."));
    return false;
  };
  auto tmdb_fault_404 = [&](Kind k, int64_t id) {
    if (!NotFoundToday(k, id, date, cfg)) return false;
    if (world.FindTmdb(k, id) != nullptr) stats.CountFault("not_found");
    return true;
  };
  int64_t id = 0;
  switch (route.kind) {
    case EndpointKind::kImdbList: *body = world.ImdbListJson(route.title_kind, date); return true;
    case EndpointKind::kImdbTitle: {
      auto r = world.ImdbTitleJson(route.id, date);
      if (!r.ok()) return imdb_404(r.status());
      *body = std::move(*r);
      return true;
    }
    case EndpointKind::kImdbTmdbId: {
      auto r = world.ImdbTmdbIdJson(route.id, date);
      if (!r.ok()) return imdb_404(r.status());
      *body = std::move(*r);
      return true;
    }
    case EndpointKind::kTmdbMovie: {
      ParseInt64(route.id, &id);
      if (tmdb_fault_404(Kind::kMovie, id)) return tmdb_404();
      auto r = world.TmdbMovieJson(id, date);
      if (!r.ok()) return tmdb_404();
      *body = std::move(*r);
      return true;
    }
    case EndpointKind::kTmdbTv: {
      ParseInt64(route.id, &id);
      if (tmdb_fault_404(Kind::kSeries, id)) return tmdb_404();
      auto r = world.TmdbTvJson(id, date);
      if (!r.ok()) return tmdb_404();
      *body = std::move(*r);
      return true;
    }
    case EndpointKind::kTmdbSeason: {
      ParseInt64(route.id, &id);
      if (tmdb_fault_404(Kind::kSeries, id)) return tmdb_404();
      auto r = world.TmdbSeasonJson(id, route.season, date);
      if (!r.ok()) return tmdb_404();
      *body = std::move(*r);
      return true;
    }
    case EndpointKind::kTmdbFind: {
      if (req.get_param_value("external_source") != "imdb_id") {  // required, as on TMDB
        Reply(res, 400, TmdbError(5, "Invalid parameters: Your request parameters are incorrect."));
        return false;
      }
      const Title* t = world.FindImdb(route.id);
      bool hidden = t != nullptr && tmdb_fault_404(t->kind, t->tmdb_id);
      *body = world.TmdbFindJson(hidden ? std::string_view() : std::string_view(route.id), date);
      return true;
    }
    case EndpointKind::kExport: {
      auto name = ParseExportName(route.id);
      if (!name) {
        Reply(res, 404, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NoSuchKey</Code></Error>",
              "application/xml");
        return false;
      }
      Status error;
      auto file = Export(name->kind, name->date, &error);
      if (!file) {
        Reply(res, 500, Json{{"error", error.message()}}.dump());
        return false;
      }
      *body = *file;
      *type = "application/gzip";
      return true;
    }
  }
  return false;
}

std::shared_ptr<const std::string> SandboxServer::Impl::Export(Kind kind, Date date, Status* error) {
  auto key = std::make_tuple(static_cast<int>(kind), date.days);
  auto lookup = [&]() -> std::shared_ptr<const std::string> {
    std::lock_guard<std::mutex> lock(export_cache_mu);
    for (const auto& [k, v] : export_cache) {
      if (k == key) return v;
    }
    return nullptr;
  };
  if (auto hit = lookup()) return hit;
  std::lock_guard<std::mutex> build(export_build_mu);
  if (auto hit = lookup()) return hit;
  auto started = std::chrono::steady_clock::now();
  int64_t size = kind == Kind::kMovie ? options.movie_catalog : options.series_catalog;
  Result<std::string> gz = ExportGzip(world, kind, date, size);
  if (!gz.ok()) {
    *error = gz.status();
    return nullptr;
  }
  auto file = std::make_shared<const std::string>(std::move(*gz));
  spdlog::info(
      "sandbox: built {} ({} lines, {} bytes) in {} ms", ExportFileName(kind, date), size, file->size(),
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started)
          .count());
  std::lock_guard<std::mutex> lock(export_cache_mu);
  export_cache.emplace_back(key, file);
  if (export_cache.size() > 4) export_cache.pop_front();
  return file;
}

SandboxServer::SandboxServer(SandboxOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {
  impl_->SetFaults(impl_->options.faults);
}

SandboxServer::~SandboxServer() {
  Stop();
}

Status SandboxServer::Start() {
  Impl& m = *impl_;
  if (m.started) return Status::InvalidArgument("sandbox: already started");
  int threads = std::max(2, m.options.threads);
  m.svr.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  m.svr.set_tcp_nodelay(true);  // headers and body go out in separate writes: no Nagle wait
  m.svr.set_keep_alive_max_count(100000);
  m.svr.set_keep_alive_timeout(5);
  m.svr.set_read_timeout(30);
  m.svr.set_write_timeout(30);
  m.svr.set_payload_max_length(1 << 20);
  // GETs are answered before httplib's regex routing (cheaper); httplib reads
  // request bodies only after pre-routing, so PUT and POST take the routes.
  m.svr.set_pre_routing_handler([&m](const httplib::Request& req, httplib::Response& res) {
    if (req.method == "PUT" || req.method == "POST") return httplib::Server::HandlerResponse::Unhandled;
    m.Handle(req, res);
    return httplib::Server::HandlerResponse::Handled;
  });
  auto with_body = [&m](const httplib::Request& req, httplib::Response& res) { m.Handle(req, res); };
  m.svr.Put(".*", with_body);
  m.svr.Post(".*", with_body);
  m.svr.set_logger([](const httplib::Request& req, const httplib::Response& res) {
    // Paths only: query strings may carry api_key.
    spdlog::debug("sandbox: {} {} -> {}", req.method, req.path, res.status);
  });
  m.port = BindHttpServer(m.svr, m.options.host, m.options.port);
  if (m.port <= 0) {
    return Status::IOError("sandbox: cannot listen on " + m.options.host + ":" +
                           std::to_string(m.options.port) + " (port in use or address not local)");
  }
  m.thread = std::thread([&m] { m.svr.listen_after_bind(); });
  m.started = true;
  for (int i = 0; i < 5000 && !m.svr.is_running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  if (!m.svr.is_running()) {
    Stop();
    return Status::IOError("sandbox: the server did not start");
  }
  return Status::OK();
}

void SandboxServer::Stop() {
  Impl& m = *impl_;
  if (!m.started) return;
  {
    std::lock_guard<std::mutex> lock(m.stop_mu);
    m.stopping = true;
  }
  m.stop_cv.notify_all();
  m.svr.stop();
  // Idle keep-alive connections would otherwise hold their workers (and so
  // this join) for up to the keep-alive timeout.
  ShutdownSockets(m.port, -1);
  if (m.thread.joinable()) m.thread.join();
  m.started = false;
}

int SandboxServer::port() const {
  return impl_->port;
}
std::string SandboxServer::url() const {
  return "http://" + impl_->options.host + ":" + std::to_string(impl_->port);
}
const World& SandboxServer::world() const {
  return impl_->world;
}
Date SandboxServer::Today() const {
  return impl_->Today();
}
void SandboxServer::SetFaults(const FaultConfig& config) {
  impl_->SetFaults(config);
}
FaultConfig SandboxServer::faults() const {
  return *impl_->Faults();
}
std::string SandboxServer::StatsJson() const {
  return impl_->stats.ToJson();
}
void SandboxServer::ResetStats() {
  impl_->stats.Reset();
}

}  // namespace cinelake::sandbox
