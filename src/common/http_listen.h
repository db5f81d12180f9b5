// Binding a cpp-httplib server so that bursts of connections are not dropped.
//
// httplib 0.11 listens with a backlog of 5: a client opening more connections
// at once (our clients keep 16 in flight; wrk opens dozens) loses SYNs and
// waits a one-second retransmit. Bind() binds as httplib would, then raises
// the backlog (Linux accepts a second listen() on a listening socket).
//
// Call Bind() before the server's listen loop starts, from one thread.
#pragma once

#include <httplib.h>

#include <string>

namespace cinelake {

// port 0 picks a free port. Returns the bound port, or -1 if binding failed.
int BindHttpServer(httplib::Server& server, const std::string& host, int port, int backlog = 1024);

}  // namespace cinelake
