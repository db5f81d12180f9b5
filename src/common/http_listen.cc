#include "common/http_listen.h"

#include <sys/socket.h>

#include <atomic>

namespace cinelake {

int BindHttpServer(httplib::Server& server, const std::string& host, int port, int backlog) {
  std::atomic<int> listen_fd{-1};
  server.set_socket_options([&listen_fd](socket_t sock) {
    httplib::default_socket_options(sock);
    listen_fd.store(static_cast<int>(sock));
  });
  int bound = port == 0 ? server.bind_to_any_port(host) : (server.bind_to_port(host, port) ? port : -1);
  // Later sockets (none for a server, but keep httplib's defaults) must not
  // write into the dead local above.
  server.set_socket_options(httplib::default_socket_options);
  if (bound > 0 && listen_fd.load() >= 0) ::listen(listen_fd.load(), backlog);
  return bound;
}

}  // namespace cinelake
