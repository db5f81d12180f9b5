#include "sources/imdb_client.h"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "common/log.h"
#include "sources/api_caller.h"
#include "sources/imdb_decode.h"
#include "sources/url_util.h"

namespace cinelake {
namespace {

ApiCallerOptions ImdbOptions(const ApiConfig& config) {
  ApiCallerOptions o = BaseCallerOptions("imdb", config.imdb_base_url, config.imdb_limits, config);
  std::string key = config.imdb_key;
  std::string host = config.imdb_host;
  o.authorize = [key, host](HttpRequest* r) {
    r->headers.emplace_back("X-RapidAPI-Key", key);
    r->headers.emplace_back("X-RapidAPI-Host", host);
    r->headers.emplace_back("Accept", "application/json");
  };
  o.missing_key_message = MissingKeyMessage(config, key, "no IMDB key configured (set CINELAKE_IMDB_API_KEY)",
                                            config.ImdbKeyRefusal());
  return o;
}

}  // namespace

ImdbClient::ImdbClient(const ApiConfig& config, std::shared_ptr<Transport> transport)
    : ApiClientBase(std::make_unique<ApiCaller>(ImdbOptions(config), std::move(transport))),
      max_list_titles_(static_cast<size_t>(std::max(1, config.max_list_titles))) {}

Fetched<std::vector<ImdbTitle>> ImdbClient::MostPopularMovies() {
  return caller_->GetAs<std::vector<ImdbTitle>>(
      "/most-popular-movies", [this](std::string_view body, auto* w) {
        return DecodeImdbTitleList(body, "imdb /most-popular-movies", w, max_list_titles_);
      });
}

Fetched<std::vector<ImdbTitle>> ImdbClient::MostPopularTv() {
  return caller_->GetAs<std::vector<ImdbTitle>>("/most-popular-tv", [this](std::string_view body, auto* w) {
    return DecodeImdbTitleList(body, "imdb /most-popular-tv", w, max_list_titles_);
  });
}

Fetched<ImdbTitle> ImdbClient::Title(const std::string& imdb_id) {
  RETURN_IF_ERROR(caller_->CheckImdbTitleId(imdb_id));
  std::string path = "/" + imdb_id;
  return caller_->GetAs<ImdbTitle>(
      path, [path](std::string_view body, auto* w) { return DecodeImdbTitle(body, "imdb " + path, w); });
}

std::vector<Fetched<ImdbTitle>> ImdbClient::Titles(const std::vector<std::string>& imdb_ids,
                                                   const ProgressFn& progress) {
  return caller_->Batch<std::string, ImdbTitle>(
      imdb_ids, [this](const std::string& id) { return Title(id); }, progress);
}

Fetched<std::optional<TmdbRef>> ImdbClient::TmdbIdFor(const std::string& imdb_id,
                                                      const std::string& imdb_type) {
  using Out = std::optional<TmdbRef>;
  RETURN_IF_ERROR(caller_->CheckImdbTitleId(imdb_id));
  std::string path = "/" + imdb_id + "/tmdb-id";
  // Unknown to IMDB's mapping: an answer, not a failure.
  return NotFoundAsNone(caller_->GetAs<Out>(path, [path, imdb_type](std::string_view body, auto* w) {
    return DecodeImdbTmdbId(body, imdb_type, "imdb " + path, w);
  }));
}

std::vector<Fetched<std::optional<TmdbRef>>> ImdbClient::TmdbIdsFor(
    const std::vector<std::string>& imdb_ids, const std::vector<std::string>& imdb_types,
    const ProgressFn& progress) {
  return caller_->BatchOfPositions<std::optional<TmdbRef>>(
      imdb_ids.size(),
      [&](size_t i) { return TmdbIdFor(imdb_ids[i], i < imdb_types.size() ? imdb_types[i] : std::string()); },
      progress);
}

}  // namespace cinelake
