// DashboardServer: the HTTP face of the dashboard, over HttpFront.
//
// GET/HEAD only (anything else: 405). /api/health answers AssessHealth()
// over the current snapshot and the facts `health` gathers at each request;
// /api/runs answers from the run manifests (RunHistory); /metrics is the
// Prometheus text format (metrics_page.h); every other /api/* answers from
// the holder's current snapshot through HandleApi(); every other path is a
// static file of the web folder, confined by ResolveStaticPath(). Every
// answer is counted by route and status, with its handling time, in the
// server's HttpMetrics. Every response carries a
// strict Content-Security-Policy (no inline script), nosniff, no-referrer and
// frame-ancestors 'none'. Requests are bounded by HttpFront (16 KiB head
// read within 10 s, 8 KiB target); a request with a body is refused (413).
// Static files honour a single byte range (206/416); a multi-range request
// gets the whole file (see AnswerRange). Thread-safety: Stop() from any
// thread, the rest from one.
//
// Ownership: the server borrows `holder` (which must outlive it) and is its
// own HTTP front: an HttpFront whose handler is the dashboard (destroy it
// only once Run() has returned). Errors: Bind() answers IOError naming the
// address; request errors are JSON {"error": ...} answers.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "common/status.h"
#include "serve/health.h"
#include "serve/http_front.h"
#include "serve/http_metrics.h"
#include "serve/run_history.h"
#include "serve/snapshot_holder.h"

namespace cinelake::serve {

inline constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'";

// Gathers what the health answer needs from outside the gold tables; called
// from request threads, so it must be thread-safe.
using HealthProbe = std::function<HealthFacts()>;

// Bind(), Run() and Stop() are HttpFront's.
class DashboardServer : public HttpFront {
 public:
  // Without a probe, health knows only the gold (today is the UTC date).
  // `runs` may be null (no /api/runs data: an empty list); borrowed.
  DashboardServer(SnapshotHolder* holder, std::string web_dir, HealthProbe health = {},
                  RunHistory* runs = nullptr);
  ~DashboardServer();

 private:
  void Handle(const HttpRequest& req, HttpResponse& res) const;
  void Answer(const HttpRequest& req, HttpResponse& res) const;
  std::string_view RouteLabel(const HttpRequest& req) const;
  void ServeStatic(const HttpRequest& req, HttpResponse& res) const;

  void ServeHealth(HttpResponse& res) const;

  SnapshotHolder* holder_;
  std::string web_dir_;
  HealthProbe health_;
  RunHistory* runs_;
  std::unique_ptr<HttpMetrics> metrics_;
};

}  // namespace cinelake::serve
