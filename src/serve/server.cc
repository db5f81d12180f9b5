#include "serve/server.h"

#include <httplib.h>

#include <fstream>
#include <sstream>

#include "common/http_listen.h"
#include "serve/api.h"
#include "serve/static_files.h"

namespace cinelake::serve {

namespace {

constexpr size_t kMaxStaticBytes = 32 << 20;
// cpp-httplib gives each connection a pool thread for its whole keep-alive
// life, so a pool smaller than the open connections makes the rest wait
// (measured: 16 wrk connections on the default 8 threads put p95 at ~30 ms
// while p50 stayed ~0.2 ms). Idle threads cost only their stacks.
constexpr size_t kConnectionThreads = 64;

void JsonError(httplib::Response& res, int status, const std::string& message) {
  // Messages are ours (no request text beyond what ApiResponse already escapes).
  std::string body = "{\"error\":\"";
  for (char c : message) {
    if (c == '"' || c == '\\') body += '\\';
    if (static_cast<unsigned char>(c) >= 0x20 && c != '<' && c != '>' && c != '&') body += c;
  }
  body += "\"}";
  res.status = status;
  res.set_content(body, "application/json; charset=utf-8");
}

}  // namespace

DashboardServer::DashboardServer(SnapshotHolder* holder, std::string web_dir)
    : holder_(holder), web_dir_(std::move(web_dir)), server_(std::make_unique<httplib::Server>()) {
  httplib::Server& svr = *server_;
  svr.set_payload_max_length(1024);
  svr.set_read_timeout(5, 0);
  svr.set_write_timeout(5, 0);
  svr.set_idle_interval(0, 100000);
  svr.set_keep_alive_max_count(100);
  // An idle keep-alive connection holds its thread until this timeout, and
  // stop() joins every thread: with httplib's 5 s default a SIGTERM took ~4 s
  // whenever a browser or client had a connection open. 1 s bounds that; a
  // client reconnects at the cost of one handshake.
  svr.set_keep_alive_timeout(1);
  svr.new_task_queue = [] { return new httplib::ThreadPool(kConnectionThreads); };
  svr.set_tcp_nodelay(true);  // answers are small; Nagle + delayed ACK would add ~40 ms

  svr.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    if (req.method != "GET" && req.method != "HEAD") {
      res.set_header("Allow", "GET, HEAD");
      JsonError(res, 405, "method not allowed; use GET or HEAD");
      return httplib::Server::HandlerResponse::Handled;
    }
    if (!req.body.empty()) {
      JsonError(res, 413, "request bodies are not accepted");
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  svr.set_post_routing_handler([](const httplib::Request&, httplib::Response& res) {
    res.set_header("Content-Security-Policy", kContentSecurityPolicy);
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Referrer-Policy", "no-referrer");
    res.set_header("X-Frame-Options", "DENY");
    res.set_header("Cross-Origin-Opener-Policy", "same-origin");
  });
  svr.set_error_handler(
      httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
        if (res.body.empty()) JsonError(res, res.status, "HTTP " + std::to_string(res.status));
        return httplib::Server::HandlerResponse::Handled;
      }));

  svr.Get(R"(/api/.*)", [this](const httplib::Request& req, httplib::Response& res) {
    ApiResponse r = HandleApi(*holder_->Current(), req.method, req.target);  // the route table's answer
    res.status = r.status;
    if (!r.allow.empty()) res.set_header("Allow", r.allow);
    res.set_header("Cache-Control", "no-store");
    res.set_content(std::move(r.body), "application/json; charset=utf-8");
  });

  svr.Get(R"(.*)", [this](const httplib::Request& req, httplib::Response& res) {
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
    res.set_header("Cache-Control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
    res.set_content(std::move(body), ContentTypeFor(*file));
  });
}

DashboardServer::~DashboardServer() = default;

Result<int> DashboardServer::Bind(const std::string& host, int port) {
  int bound = BindHttpServer(*server_, host, port);
  if (bound <= 0) {
    return Status::IOError("cannot listen on " + host + ":" +
                           (port == 0 ? "any port" : std::to_string(port)) +
                           " (in use, or not an address of this machine)");
  }
  return bound;
}

void DashboardServer::Run() {
  server_->listen_after_bind();
}

void DashboardServer::Stop() {
  server_->stop();
}

}  // namespace cinelake::serve
