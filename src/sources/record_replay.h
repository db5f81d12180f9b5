// Record and replay of API responses, for offline reruns and tests.
//
// RecordingTransport passes each request to an inner transport and saves the
// response (status, a few headers, body) under `dir`; ReplayTransport serves
// saved responses and never touches the network. A recording is keyed by the
// method and the URL's path and query with key parameters (api_key=...)
// removed, so the same request recorded against one host/port replays against
// another. Keys never reach a recording: the stored URL is stripped, request
// headers are not stored, and every stored string goes through Redact().
//
// File format (one file per request, "<slug>-<hash>.rec"): a first line of
// JSON {"method","url","status","headers"}, then the raw body bytes.
//
// Thread-safety: both transports take concurrent requests (distinct files; writes are atomic renames).
// Errors: ReplayTransport answers IOError naming the missing recording; a damaged one is Corruption naming
// its file.
#pragma once

#include <memory>
#include <string>

#include "sources/transport.h"

namespace cinelake {

// "GET" + "/tmdb/3/movie/27205?language=en-US" → "get_tmdb_3_movie_27205_language_en-US-1a2b3c4d5e6f7a8b.rec"
std::string RecordingFileName(const HttpRequest& request);

class RecordingTransport : public Transport {
 public:
  RecordingTransport(std::shared_ptr<Transport> inner, std::string dir);
  // Transport errors are passed through and not recorded; a failure to write
  // the recording is returned as kIOError (the run should not silently lose it).
  Result<HttpResponse> Perform(const HttpRequest& request) override;

 private:
  std::shared_ptr<Transport> inner_;
  std::string dir_;
};

class ReplayTransport : public Transport {
 public:
  explicit ReplayTransport(std::string dir);
  // A request with no recording is kIOError naming the request and the file
  // expected (never retried by the clients).
  Result<HttpResponse> Perform(const HttpRequest& request) override;

 private:
  std::string dir_;
};

}  // namespace cinelake
