// DashboardServer: the HTTP face of the dashboard (cpp-httplib).
//
// GET/HEAD only (anything else: 405). /api/* answers from the holder's
// current snapshot through HandleApi(); every other path is a static file of
// the web folder, confined by ResolveStaticPath(). Every response carries a
// strict Content-Security-Policy (no inline script), nosniff, no-referrer and
// frame-ancestors 'none'. Requests are bounded: 8 KiB target, no body,
// read/write timeouts.
//
// Ownership: the server borrows `holder` (which must outlive it) and owns its
// httplib server. Thread-safety: Run() blocks its caller and answers on a
// pool of connection threads; Stop() may be called from any other thread.
// Errors: Bind() answers IOError naming the address; request errors are
// JSON {"error": ...} answers.
#pragma once

#include <memory>
#include <string>

#include "common/status.h"
#include "serve/snapshot_holder.h"

namespace httplib {
class Server;
}

namespace cinelake::serve {

inline constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'";

class DashboardServer {
 public:
  DashboardServer(SnapshotHolder* holder, std::string web_dir);
  ~DashboardServer();

  // Binds host:port (port 0 = any free port); returns the bound port.
  Result<int> Bind(const std::string& host, int port);
  // Serves until Stop(); call after Bind().
  void Run();
  void Stop();

 private:
  SnapshotHolder* holder_;
  std::string web_dir_;
  std::unique_ptr<httplib::Server> server_;
};

}  // namespace cinelake::serve
