#include "sources/api_clients.h"

#include "sources/http_client.h"
#include "sources/record_replay.h"

namespace cinelake {

IdMapper::IdMapper(ImdbClient* imdb, TmdbClient* tmdb, MappingStrategy strategy)
    : imdb_(imdb), tmdb_(tmdb), strategy_(strategy) {}

namespace {

using MapResult = Fetched<std::optional<TmdbRef>>;

// Combines a primary and a fallback answer: the fallback's value when it
// found something, else the primary's value if it succeeded, else whichever
// error came last. Attempts add up. A cancelled fallback is no answer at
// all: the primary's "not found" must not stand in for it.
MapResult Combine(const MapResult& primary, const MapResult& fallback) {
  FetchInfo info{primary.attempts() + fallback.attempts(),
                 fallback.http_status() != 0 ? fallback.http_status() : primary.http_status(),
                 primary.info().issues};
  info.issues.insert(info.issues.end(), fallback.info().issues.begin(), fallback.info().issues.end());
  if (fallback.status().code() == Status::Code::kAborted) return MapResult(fallback.status(), info);
  if (fallback.ok() && fallback.value().has_value()) return MapResult(fallback.value(), info);
  if (primary.ok()) return MapResult(primary.value(), info);
  if (fallback.ok()) return MapResult(fallback.value(), info);
  return MapResult(fallback.status(), info);
}

bool NeedsFallback(const MapResult& r) {
  if (!r.ok())
    return r.status().code() != Status::Code::kAborted && r.status().code() != Status::Code::kInvalidArgument;
  return !r.value().has_value();
}

}  // namespace

Fetched<std::optional<TmdbRef>> IdMapper::Map(const std::string& imdb_id, const std::string& imdb_type) {
  auto via_imdb = [&] { return imdb_->TmdbIdFor(imdb_id, imdb_type); };
  auto via_tmdb = [&] { return tmdb_->Find(imdb_id, imdb_type); };
  MapResult first = strategy_ == MappingStrategy::kImdb ? via_imdb() : via_tmdb();
  if (!NeedsFallback(first)) return first;
  MapResult second = strategy_ == MappingStrategy::kImdb ? via_tmdb() : via_imdb();
  return Combine(first, second);
}

std::vector<Fetched<std::optional<TmdbRef>>> IdMapper::MapAll(const std::vector<std::string>& imdb_ids,
                                                              const std::vector<std::string>& imdb_types,
                                                              const ProgressFn& progress) {
  std::vector<std::string> types = imdb_types;
  types.resize(imdb_ids.size());
  // Primary pass over everything at the primary API's concurrency, then a
  // fallback pass over the misses at the other API's concurrency.
  auto run = [&](MappingStrategy s, const std::vector<std::string>& ids, const std::vector<std::string>& ts,
                 const ProgressFn& p) {
    if (s == MappingStrategy::kTmdbFind) return tmdb_->FindBatch(ids, ts, p);
    return imdb_->TmdbIdsFor(ids, ts, p);
  };
  MappingStrategy other =
      strategy_ == MappingStrategy::kImdb ? MappingStrategy::kTmdbFind : MappingStrategy::kImdb;
  // Progress follows the primary pass; the fallback pass is usually short.
  std::vector<MapResult> results = run(strategy_, imdb_ids, types, progress);
  std::vector<size_t> misses;
  std::vector<std::string> miss_ids;
  std::vector<std::string> miss_types;
  for (size_t i = 0; i < results.size(); ++i) {
    if (!NeedsFallback(results[i])) continue;
    misses.push_back(i);
    miss_ids.push_back(imdb_ids[i]);
    miss_types.push_back(types[i]);
  }
  if (misses.empty()) return results;
  std::vector<MapResult> second = run(other, miss_ids, miss_types, {});
  for (size_t k = 0; k < misses.size(); ++k) results[misses[k]] = Combine(results[misses[k]], second[k]);
  return results;
}

ApiClients::ApiClients(const ApiConfig& config, std::shared_ptr<Transport> transport)
    : config_(config), transport_(std::move(transport)) {
  imdb_ = std::make_unique<ImdbClient>(config_, transport_);
  tmdb_ = std::make_unique<TmdbClient>(config_, transport_);
  mapper_ = std::make_unique<IdMapper>(imdb_.get(), tmdb_.get(), config_.mapping);
}

Result<std::unique_ptr<ApiClients>> ApiClients::Open(const ApiConfig& config) {
  RETURN_IF_ERROR(config.Validate());
  std::shared_ptr<Transport> transport;
  if (!config.replay_dir.empty()) {
    transport = std::make_shared<ReplayTransport>(config.replay_dir);
  } else {
    CurlOptions options;
    options.connect_timeout_ms = config.connect_timeout_ms;
    options.timeout_ms = config.timeout_ms;
    options.max_response_bytes = config.max_response_bytes;
    options.http2 = config.http2;
    options.max_in_flight["imdb"] = config.imdb_limits.concurrency;
    options.max_in_flight["tmdb"] = config.tmdb_limits.concurrency;
    options.max_host_connections = std::max(config.imdb_limits.concurrency, config.tmdb_limits.concurrency);
    options.max_total_connections = config.imdb_limits.concurrency + config.tmdb_limits.concurrency;
    ASSIGN_OR_RETURN(std::shared_ptr<CurlTransport> curl, CurlTransport::Create(options));
    transport = std::move(curl);
    if (!config.record_dir.empty()) {
      transport = std::make_shared<RecordingTransport>(std::move(transport), config.record_dir);
    }
  }
  return std::make_unique<ApiClients>(config, std::move(transport));
}

void ApiClients::SetCancelFlag(const std::atomic<bool>* cancel) {
  imdb_->SetCancelFlag(cancel);
  tmdb_->SetCancelFlag(cancel);
}

}  // namespace cinelake
