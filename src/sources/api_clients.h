// ApiClients: the usual way to get working IMDB and TMDB clients.
//
// Open() builds one shared transport for both APIs from the config (libcurl
// multi, or record-through when record_dir is set, or replay-only when
// replay_dir is set), the two clients, and the IMDB→TMDB mapper.
//
// Ownership: ApiClients owns the transport, both clients and the mapper. Thread-safety: the clients may be
// called from several threads (the parallel steps do). Errors: Open() returns the transport's error (e.g. an
// unusable recording folder).
#pragma once

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sources/api_config.h"
#include "sources/fetched.h"
#include "sources/imdb_client.h"
#include "sources/records.h"
#include "sources/tmdb_client.h"
#include "sources/transport.h"

namespace cinelake {

// Maps IMDB ids to TMDB refs with the configured strategy first and the
// other as fallback (used when the first fails or finds nothing). The
// result's FetchInfo sums attempts over both methods; nullopt = neither
// method knows a TMDB record for the title.
class IdMapper {
 public:
  IdMapper(ImdbClient* imdb, TmdbClient* tmdb, MappingStrategy strategy);

  Fetched<std::optional<TmdbRef>> Map(const std::string& imdb_id, const std::string& imdb_type);
  // ids and types have the same length; results in input order.
  std::vector<Fetched<std::optional<TmdbRef>>> MapAll(const std::vector<std::string>& imdb_ids,
                                                      const std::vector<std::string>& imdb_types,
                                                      const ProgressFn& progress = {});

 private:
  ImdbClient* imdb_;
  TmdbClient* tmdb_;
  MappingStrategy strategy_;
};

class ApiClients {
 public:
  static Result<std::unique_ptr<ApiClients>> Open(const ApiConfig& config);
  // With a caller-supplied transport (tests, fakes).
  ApiClients(const ApiConfig& config, std::shared_ptr<Transport> transport);

  ImdbClient& imdb() { return *imdb_; }
  TmdbClient& tmdb() { return *tmdb_; }
  IdMapper& mapper() { return *mapper_; }
  const ApiConfig& config() const { return config_; }
  void SetCancelFlag(const std::atomic<bool>* cancel);

 private:
  ApiConfig config_;
  std::shared_ptr<Transport> transport_;
  std::unique_ptr<ImdbClient> imdb_;
  std::unique_ptr<TmdbClient> tmdb_;
  std::unique_ptr<IdMapper> mapper_;
};

}  // namespace cinelake
