// HttpFront: the dashboard's HTTP/1.1 transport, built so that slow or idle
// clients cost a file descriptor and a bounded buffer, never a thread.
//
// One event-loop thread (Run()) accepts connections and does all socket I/O
// non-blocking (epoll). A connection's request head must arrive whole within
// Limits::head_deadline of the moment the connection became ready for it, and
// fit in Limits::head_bytes; only a complete head goes to the worker threads,
// which run the handler and return the serialized answer to the loop to
// write (within Limits::write_deadline). Keep-alive connections that stay
// silent are closed after idle_timeout, or idle_under_pressure once more
// than half of max_connections are open; at max_connections the oldest
// connection still waiting for its head is evicted to make room.
//
// Request bodies are never read: a request announcing one (Content-Length
// other than 0, or any Transfer-Encoding) reaches the handler with has_body
// set and its connection is closed after the answer. A HEAD answer is the
// GET answer without its body. Transport refusals (malformed head 400, head
// too large 431, target too long 414, version 505, head deadline 408) are
// answered by `refuse(status)`.
//
// Thread-safety: the handlers run concurrently on the workers. Stop() may be
// called from any thread; everything else from one thread.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "common/status.h"
#include "serve/http_message.h"

namespace cinelake::serve {

class HttpFront {
 public:
  using Handler = std::function<void(const HttpRequest&, HttpResponse&)>;
  using Refusal = std::function<HttpResponse(int status)>;

  struct Limits {
    size_t head_bytes = 16 << 10;
    std::chrono::milliseconds head_deadline{10'000};
    std::chrono::milliseconds idle_timeout{5'000};
    std::chrono::milliseconds idle_under_pressure{1'000};
    std::chrono::milliseconds write_deadline{30'000};
    size_t max_connections = 4096;  // lowered to fit RLIMIT_NOFILE
    int requests_per_connection = 100;
    int workers = 8;
  };

  HttpFront(Handler handler, Refusal refuse, Limits limits);
  ~HttpFront();
  HttpFront(const HttpFront&) = delete;
  HttpFront& operator=(const HttpFront&) = delete;

  // Binds host:port (port 0 = any free port); returns the bound port. Also
  // raises the process's RLIMIT_NOFILE soft limit to its hard limit.
  Result<int> Bind(const std::string& host, int port);
  // Serves until Stop(); call after Bind().
  void Run();
  void Stop();

 private:
  class Loop;
  std::unique_ptr<Loop> loop_;
};

}  // namespace cinelake::serve
