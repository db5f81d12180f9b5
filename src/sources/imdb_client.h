// ImdbClient: the imdb236 (RapidAPI) endpoints cinelake reads.
//
// Every call waits for a token from the IMDB rate limiter before each
// attempt, retries transient failures (429, 5xx, reset, timeout, malformed
// JSON) with exponential backoff and full jitter honouring Retry-After, and
// never retries 404 (kNotFound), 401/403 (kUnauthorized). Batch calls run up
// to ApiConfig::imdb_limits.concurrency requests at once and return one
// Fetched per input, in input order: one failure never sinks the batch.
// Thread-safe. Keys never appear in messages, logs or recordings.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sources/api_client_base.h"
#include "sources/api_config.h"
#include "sources/fetched.h"
#include "sources/records.h"
#include "sources/transport.h"

namespace cinelake {

// Cancelling, stats(), issues() and warnings(): ApiClientBase.
class ImdbClient : public ApiClientBase {
 public:
  // `transport` is shared (one connection pool for both APIs); see
  // ApiClients::Open for the usual way to build one.
  ImdbClient(const ApiConfig& config, std::shared_ptr<Transport> transport);

  // GET /most-popular-movies, /most-popular-tv: list order = popularity rank.
  // A list longer than ApiConfig::max_list_titles is kNotSupported (not
  // retried): no real list is that long, and each title costs requests.
  Fetched<std::vector<ImdbTitle>> MostPopularMovies();
  Fetched<std::vector<ImdbTitle>> MostPopularTv();

  // GET /{imdb_id}: the full title with people and episodes.
  Fetched<ImdbTitle> Title(const std::string& imdb_id);
  std::vector<Fetched<ImdbTitle>> Titles(const std::vector<std::string>& imdb_ids,
                                         const ProgressFn& progress = {});

  // GET /{imdb_id}/tmdb-id. `imdb_type` ("movie", "tvSeries", ...) gives the
  // kind when the answer is a bare number. nullopt = IMDB knows no TMDB id
  // (404, or an empty/null tmdbId).
  Fetched<std::optional<TmdbRef>> TmdbIdFor(const std::string& imdb_id, const std::string& imdb_type);
  // Batch form; ids and types have the same length.
  std::vector<Fetched<std::optional<TmdbRef>>> TmdbIdsFor(const std::vector<std::string>& imdb_ids,
                                                          const std::vector<std::string>& imdb_types,
                                                          const ProgressFn& progress = {});

 private:
  size_t max_list_titles_;
};

}  // namespace cinelake
