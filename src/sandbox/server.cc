#include "sandbox/server.h"

#include <httplib.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

#include "common/http_listen.h"
#include "sandbox/export_api.h"
#include "sandbox/imdb_api.h"
#include "sandbox/layers.h"
#include "sandbox/monthly_quota.h"
#include "sandbox/request_quota.h"
#include "sandbox/socket_reset.h"
#include "sandbox/stats.h"
#include "sandbox/tmdb_api.h"
#include "sandbox/wire_json.h"

namespace cinelake::sandbox {
namespace {

using Json = WireJson;

// One service: its renderer and the layers around it, innermost first.
struct Service {
  std::unique_ptr<ApiRenderer> renderer;
  std::vector<std::unique_ptr<Handler>> layers;

  Handler& entry() { return layers.empty() ? *renderer : *layers.back(); }
  template <typename LayerType, typename... Args>
  void Wrap(Args&&... args) {
    Handler& inner = entry();
    layers.push_back(std::make_unique<LayerType>(std::forward<Args>(args)..., inner));
  }
};

// RapidAPI's answer past a plan's monthly quota.
constexpr std::string_view kMonthlyQuotaBody =
    R"({"message":"You have exceeded the MONTHLY quota for Requests on your current plan, BASIC. )"
    R"(Upgrade your plan at https://rapidapi.com/"})";

}  // namespace

struct SandboxServer::Impl {
  explicit Impl(SandboxOptions o) : options(std::move(o)), world(options.seed) { Compose(); }

  SandboxOptions options;
  World world;
  MonthlyQuota imdb_plan;
  httplib::Server svr;
  std::thread thread;
  int port = -1;
  bool started = false;

  mutable std::mutex faults_mu;
  std::shared_ptr<const FaultConfig> faults;
  RequestQuota quotas[2];  // imdb, tmdb
  Stats stats;
  StopSignal stop;
  std::vector<Service> services;

  // The one place the pipeline of each service is put together, from the
  // renderer outwards (see layers.h for the order of events).
  void Compose() {
    Service imdb{MakeImdbApi(world, options.imdb_key), {}};
    const ApiRenderer& imdb_api = *imdb.renderer;
    imdb.Wrap<CorruptionLayer>(CorruptionLayer::Body::kJsonText, stats);
    imdb.Wrap<FaultLayer>(options.seed, imdb_api, stats, stop);
    imdb.Wrap<QuotaLayer>(imdb_api, quotas[0], stats);
    imdb.Wrap<AuthLayer>(imdb_api, stats);
    imdb.Wrap<CountingLayer>(stats);

    Service tmdb{MakeTmdbApi(world, options.tmdb_token), {}};
    const ApiRenderer& tmdb_api = *tmdb.renderer;
    tmdb.Wrap<HiddenIdsLayer>(world, tmdb_api, stats);
    tmdb.Wrap<CorruptionLayer>(CorruptionLayer::Body::kJsonText, stats);
    tmdb.Wrap<FaultLayer>(options.seed, tmdb_api, stats, stop);
    tmdb.Wrap<QuotaLayer>(tmdb_api, quotas[1], stats);
    tmdb.Wrap<AuthLayer>(tmdb_api, stats);
    tmdb.Wrap<CountingLayer>(stats);

    Service exports{std::make_unique<ExportApi>(world, options.movie_catalog, options.series_catalog), {}};
    const ApiRenderer& export_api = *exports.renderer;
    exports.Wrap<CorruptionLayer>(CorruptionLayer::Body::kGzip, stats);
    exports.Wrap<FaultLayer>(options.seed, export_api, stats, stop);
    exports.Wrap<CountingLayer>(stats);

    services.push_back(std::move(imdb));
    services.push_back(std::move(tmdb));
    services.push_back(std::move(exports));
  }

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
    quotas[0].Configure(c.rate_limits[0]);
    quotas[1].Configure(c.rate_limits[1]);
    imdb_plan.Configure(c.imdb_monthly_quota);
  }

  // An answer of the server itself (bad date prefix, no such endpoint).
  void Answer(httplib::Response& res, int status, std::string body) {
    res.status = status;
    res.set_content(std::move(body), kJsonType);
    stats.CountStatus(status);
  }

  void Handle(const httplib::Request& req, httplib::Response& res);
  void Control(const httplib::Request& req, httplib::Response& res, std::string_view path);
};

void SandboxServer::Impl::Handle(const httplib::Request& req, httplib::Response& res) {
  std::string_view path = req.path;
  Date date = Today();
  if (path.starts_with("/@")) {
    Result<Date> d = path.size() >= 12 ? Date::Parse(path.substr(2, 10)) : Date::Parse(path.substr(2));
    if (!d.ok() || (path.size() > 12 && path[12] != '/')) {
      Answer(res, 400, Json{{"error", "bad date prefix: expected /@YYYY-MM-DD/..."}}.dump());
      return;
    }
    date = *d;
    path.remove_prefix(12);
  }
  if (path.starts_with("/_sandbox/")) {
    Control(req, res, path);
    return;
  }
  for (Service& service : services) {
    std::optional<Route> route = service.renderer->Match(path);
    if (!route) continue;
    if (req.method != "GET" && req.method != "HEAD") {
      Answer(res, 405, Json{{"error", "method not allowed"}}.dump());
      return;
    }
    Request request{req, std::move(*route), date, Faults()};
    const bool billed = service.renderer->api() == Api::kImdb;
    MonthlyQuota::Standing plan;
    if (billed) plan = imdb_plan.Take(date);
    Reply reply;
    if (!plan.allowed) {
      stats.CountRequest(request.route.kind);
      stats.CountFault("monthly_quota");
      stats.CountStatus(429);
      reply = Reply{429, std::string(kMonthlyQuotaBody)};
    } else {
      reply = service.entry().Handle(request);
      // The gateway refuses a bad key before the plan counts the request.
      if (billed && (reply.status == 401 || reply.status == 403)) {
        imdb_plan.Refund(date);
        ++plan.remaining;
      }
    }
    if (reply.dropped) return;
    if (reply.retry_after_s > 0) res.set_header("Retry-After", std::to_string(reply.retry_after_s));
    if (billed) {
      res.set_header("x-ratelimit-requests-limit", std::to_string(plan.limit));
      res.set_header("x-ratelimit-requests-remaining", std::to_string(plan.remaining));
      res.set_header("x-ratelimit-requests-reset", std::to_string(plan.reset_seconds));
    }
    res.status = reply.status;
    res.set_content(std::move(reply.body), reply.content_type);
    return;
  }
  Answer(res, 404, Json{{"error", "no such endpoint"}, {"path", std::string(path)}}.dump());
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
  m.stop.Stop();
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
