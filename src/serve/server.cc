#include "serve/server.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <fstream>
#include <sstream>

#include "serve/api.h"
#include "serve/metrics_page.h"
#include "serve/prometheus_text.h"
#include "serve/static_files.h"
#include "serve/view_runs.h"

namespace cinelake::serve {

namespace {

constexpr size_t kMaxStaticBytes = 32 << 20;
constexpr std::string_view kMetricsPath = "/metrics";
constexpr std::string_view kRunsPath = "/api/runs";
constexpr std::string_view kStaticRoute = "static";

// Every route label /metrics may show: the API's patterns, then ours.
std::vector<std::string> RouteLabels() {
  std::vector<std::string> labels;
  for (const Route& r : ApiRoutes().routes()) {
    std::string p(r.pattern);
    if (std::find(labels.begin(), labels.end(), p) == labels.end()) labels.push_back(std::move(p));
  }
  labels.emplace_back(kRunsPath);
  labels.emplace_back(kMetricsPath);
  labels.emplace_back(kStaticRoute);
  return labels;
}

// ?limit=N of /api/runs; 0 when malformed or out of range.
size_t RunsLimit(const Query& q) {
  auto it = q.find("limit");
  if (it == q.end() || it->second.empty()) return kDefaultRuns;
  size_t n = 0;
  auto [end, ec] = std::from_chars(it->second.data(), it->second.data() + it->second.size(), n);
  if (ec != std::errc() || end != it->second.data() + it->second.size() || n < 1 || n > kMaxRuns) return 0;
  return n;
}

void SecurityHeaders(HttpResponse& res) {
  res.headers.emplace_back("Content-Security-Policy", kContentSecurityPolicy);
  res.headers.emplace_back("X-Content-Type-Options", "nosniff");
  res.headers.emplace_back("Referrer-Policy", "no-referrer");
  res.headers.emplace_back("X-Frame-Options", "DENY");
  res.headers.emplace_back("Cross-Origin-Opener-Policy", "same-origin");
}

void JsonError(HttpResponse& res, int status, const std::string& message) {
  // Messages are ours (no request text beyond what ApiResponse already escapes).
  std::string body = "{\"error\":\"";
  for (char c : message) {
    if (c == '"' || c == '\\') body += '\\';
    if (static_cast<unsigned char>(c) >= 0x20 && c != '<' && c != '>' && c != '&') body += c;
  }
  body += "\"}";
  res.status = status;
  res.content_type = "application/json; charset=utf-8";
  res.body = std::move(body);
}

HttpResponse RefusalAnswer(int status) {
  HttpResponse res;
  JsonError(res, status, std::string("HTTP ") + std::to_string(status) + " " + ReasonPhrase(status));
  SecurityHeaders(res);
  return res;
}

}  // namespace

DashboardServer::DashboardServer(SnapshotHolder* holder, std::string web_dir, HealthProbe health,
                                 RunHistory* runs)
    : HttpFront([this](const HttpRequest& req, HttpResponse& res) { Handle(req, res); }, RefusalAnswer,
                HttpFront::Limits{}),
      holder_(holder),
      web_dir_(std::move(web_dir)),
      health_(std::move(health)),
      runs_(runs),
      metrics_(std::make_unique<HttpMetrics>(RouteLabels())) {}

DashboardServer::~DashboardServer() = default;

std::string_view DashboardServer::RouteLabel(const HttpRequest& req) const {
  if (req.path == kMetricsPath || req.path == kRunsPath) return req.path;
  if (req.path.rfind("/api/", 0) == 0) return ApiRoutes().PatternFor(req.path);  // "" = other
  return kStaticRoute;
}

void DashboardServer::Handle(const HttpRequest& req, HttpResponse& res) const {
  const auto start = std::chrono::steady_clock::now();
  Answer(req, res);
  const auto micros =
      std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start).count();
  metrics_->Record(metrics_->RouteIndex(RouteLabel(req)), res.status, micros);
}

void DashboardServer::Answer(const HttpRequest& req, HttpResponse& res) const {
  if (req.method != "GET" && req.method != "HEAD") {
    res.headers.emplace_back("Allow", "GET, HEAD");
    JsonError(res, 405, "method not allowed; use GET or HEAD");
  } else if (req.has_body) {
    JsonError(res, 413, "request bodies are not accepted");
  } else if (req.path == "/api/health") {
    ServeHealth(res);
  } else if (req.path == kMetricsPath) {
    std::shared_ptr<const RunsView> runs = runs_ != nullptr ? runs_->Current() : MakeRunsView({});
    res.headers.emplace_back("Cache-Control", "no-store");
    res.content_type = kPrometheusContentType;
    res.body = RenderMetrics(*holder_->Current(), *runs, *metrics_, NowMicros());
  } else if (req.path == kRunsPath) {
    size_t limit = RunsLimit(req.params);
    res.headers.emplace_back("Cache-Control", "no-store");
    if (limit == 0) {
      JsonError(res, 400, "parameter 'limit': expected an integer from 1 to " + std::to_string(kMaxRuns));
    } else {
      std::shared_ptr<const RunsView> runs = runs_ != nullptr ? runs_->Current() : MakeRunsView({});
      res.content_type = "application/json; charset=utf-8";
      res.body = BodyText(RunsJson(*runs, limit, NowMicros()));
    }
  } else if (req.path.rfind("/api/", 0) == 0) {
    // The API parses the raw target itself (route table, query string).
    ApiResponse r = HandleApi(*holder_->Current(), req.method, req.target);
    res.status = r.status;
    if (!r.allow.empty()) res.headers.emplace_back("Allow", r.allow);
    res.headers.emplace_back("Cache-Control", "no-store");
    res.content_type = "application/json; charset=utf-8";
    res.body = std::move(r.body);
  } else {
    ServeStatic(req, res);
  }
  SecurityHeaders(res);
}

void DashboardServer::ServeHealth(HttpResponse& res) const {
  HealthFacts facts;
  if (health_) {
    facts = health_();
  } else {
    facts.today = Date::Today();
  }
  facts.reload_error = holder_->LastError();
  HealthAnswer a = AssessHealth(holder_->Current()->snapshot(), facts);
  res.status = a.http_status;
  res.headers.emplace_back("Cache-Control", "no-store");
  res.content_type = "application/json; charset=utf-8";
  res.body = std::move(a.body);
}

void DashboardServer::ServeStatic(const HttpRequest& req, HttpResponse& res) const {
  Result<std::string> file = ResolveStaticPath(web_dir_, req.target);
  if (!file.ok()) {
    bool refused = file.status().code() == Status::Code::kInvalidArgument;
    return JsonError(res, refused ? 400 : 404, refused ? "path refused" : "not found");
  }
  std::ifstream in(*file, std::ios::binary);
  std::ostringstream buf;
  buf << in.rdbuf();
  std::string body = buf.str();
  if (!in.good() && !in.eof()) return JsonError(res, 500, "cannot read file");
  if (body.size() > kMaxStaticBytes) return JsonError(res, 500, "file too large");
  // Vite names assets by content hash, so they never change under a name.
  bool hashed = req.path.rfind("/assets/", 0) == 0;
  res.headers.emplace_back("Cache-Control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
  res.headers.emplace_back("Accept-Ranges", "bytes");
  RangeAnswer range = AnswerRange(req.Header("range"), body.size());
  if (range.kind == RangeAnswer::kUnsatisfiable) {
    res.headers.emplace_back("Content-Range", "bytes */" + std::to_string(body.size()));
    return JsonError(res, 416, "range not satisfiable");
  }
  res.content_type = ContentTypeFor(*file);
  if (range.kind == RangeAnswer::kPart) {
    res.status = 206;
    res.headers.emplace_back("Content-Range", "bytes " + std::to_string(range.first) + "-" +
                                                  std::to_string(range.last) + "/" +
                                                  std::to_string(body.size()));
    body = body.substr(range.first, range.last - range.first + 1);
  }
  res.body = std::move(body);
}

}  // namespace cinelake::serve
