// Closing the sandbox's connections abruptly, to stand in for a service that
// resets or hangs up.
//
// httplib does not expose its sockets, so they are found by their ports among
// this process's fds and shut down with SO_LINGER 0: the peer sees a reset or
// an early EOF. The fds stay open (httplib owns them); its next read or write
// fails and it drops the connection. Thread-safe; failures are silent (a
// socket that is already gone needs no reset).
#pragma once

#include <httplib.h>

namespace cinelake::sandbox {

// Shuts down accepted sockets whose local port is `local_port` and, unless
// `remote_port` is -1, whose peer port is `remote_port`. Returns how many.
int ShutdownSockets(int local_port, int remote_port);

// Closes the request's connection without an answer.
inline void ResetConnection(const httplib::Request& request) {
  ShutdownSockets(request.local_port, request.remote_port);
}

}  // namespace cinelake::sandbox
