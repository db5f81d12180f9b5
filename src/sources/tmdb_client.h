// TmdbClient: the TMDB v3 endpoints cinelake reads.
//
// Same guarantees as ImdbClient (rate limiting before every attempt, retries
// with backoff honouring Retry-After, 404 = kNotFound after one request,
// 401/403 = kUnauthorized never retried, per-item batch results in input
// order). The token is sent as "Authorization: Bearer" or, for a 32-hex v3
// key, as ?api_key= (stripped from every message and recording). Detail calls
// carry language=<ApiConfig::tmdb_language>. Thread-safe.
#pragma once

#include <cstdint>
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

struct TmdbSeasonKey {
  int64_t tv_id = 0;
  int32_t season_number = 0;
};

// Seasons of one series asked inside its detail answer.
struct TmdbSeasonsRequest {
  int64_t tv_id = 0;
  std::vector<int32_t> season_numbers;  // at most kMaxAppendedSeasons
};

// TMDB answers at most 20 appended sub-resources in one detail call.
inline constexpr size_t kMaxAppendedSeasons = 20;

// Cancelling, stats(), issues() and warnings(): ApiClientBase.
class TmdbClient : public ApiClientBase {
 public:
  TmdbClient(const ApiConfig& config, std::shared_ptr<Transport> transport);

  Fetched<TmdbMovie> Movie(int64_t id);                  // GET /movie/{id}
  Fetched<TmdbTv> Tv(int64_t id);                        // GET /tv/{id}
  Fetched<TmdbSeason> Season(int64_t tv_id, int32_t n);  // GET /tv/{id}/season/{n}
  // /movie/{id} or /tv/{id} by kind; with ApiConfig::tmdb_watch_countries,
  // ?append_to_response=watch/providers on the same request fills
  // TmdbDetails::watch_providers (tmdb_watch_providers.h).
  Fetched<TmdbDetails> Details(const TmdbRef& ref);
  // GET /tv/{id}?append_to_response=season/a,season/b,...: the series' detail
  // with those seasons inside (TmdbDetails::seasons): one request instead of
  // one per season. More than kMaxAppendedSeasons is InvalidArgument.
  Fetched<TmdbDetails> TvWithSeasons(const TmdbSeasonsRequest& request);

  // GET /find/{imdb_id}?external_source=imdb_id. When both movie_results and
  // tv_results answer, `imdb_type` (if given) picks; otherwise movie wins.
  // nullopt = TMDB knows no such IMDB id.
  Fetched<std::optional<TmdbRef>> Find(const std::string& imdb_id,
                                       const std::optional<std::string>& imdb_type = std::nullopt);

  // Batch forms: one result per input, in input order.
  std::vector<Fetched<TmdbDetails>> DetailsBatch(const std::vector<TmdbRef>& refs,
                                                 const ProgressFn& progress = {});
  // Popularity only (the same detail requests; the value may be null).
  std::vector<Fetched<std::optional<double>>> PopularityBatch(const std::vector<TmdbRef>& refs,
                                                              const ProgressFn& progress = {});
  std::vector<Fetched<TmdbDetails>> TvWithSeasonsBatch(const std::vector<TmdbSeasonsRequest>& requests,
                                                       const ProgressFn& progress = {});
  std::vector<Fetched<TmdbSeason>> SeasonsBatch(const std::vector<TmdbSeasonKey>& keys,
                                                const ProgressFn& progress = {});
  std::vector<Fetched<std::optional<TmdbRef>>> FindBatch(const std::vector<std::string>& imdb_ids,
                                                         const std::vector<std::string>& imdb_types,
                                                         const ProgressFn& progress = {});

 private:
  std::string LanguageQuery() const;
  Fetched<TmdbDetails> DetailsAlone(const TmdbRef& ref);  // no sub-resource asked

  std::string language_;
  std::vector<std::string> watch_countries_;
};

}  // namespace cinelake
