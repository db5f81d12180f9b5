#include "sources/tmdb_client.h"

#include <cctype>

#include "common/log.h"
#include "sources/api_caller.h"
#include "sources/tmdb_decode.h"
#include "sources/tmdb_watch_providers.h"
#include "sources/url_util.h"

namespace cinelake {
namespace {

ApiCallerOptions TmdbOptions(const ApiConfig& config) {
  ApiCallerOptions o = BaseCallerOptions("tmdb", config.tmdb_base_url, config.tmdb_limits, config);
  std::string token = config.tmdb_token;
  if (config.TmdbTokenIsV3Key()) {
    o.authorize = [token](HttpRequest* r) {
      r->url += (r->url.find('?') == std::string::npos ? "?" : "&");
      r->url += "api_key=" + token;
      r->headers.emplace_back("Accept", "application/json");
    };
  } else {
    o.authorize = [token](HttpRequest* r) {
      r->headers.emplace_back("Authorization", "Bearer " + token);
      r->headers.emplace_back("Accept", "application/json");
    };
  }
  o.missing_key_message = MissingKeyMessage(
      config, token, "no TMDB token configured (set CINELAKE_TMDB_TOKEN)", config.TmdbTokenRefusal());
  return o;
}

}  // namespace

TmdbClient::TmdbClient(const ApiConfig& config, std::shared_ptr<Transport> transport)
    : ApiClientBase(std::make_unique<ApiCaller>(TmdbOptions(config), std::move(transport))),
      language_(config.tmdb_language),
      watch_countries_(config.tmdb_watch_countries) {}

std::string TmdbClient::LanguageQuery() const {
  return language_.empty() ? std::string() : "?language=" + UrlEncode(language_);
}

Fetched<TmdbMovie> TmdbClient::Movie(int64_t id) {
  std::string path = "/movie/" + std::to_string(id) + LanguageQuery();
  return caller_->GetAs<TmdbMovie>(
      path, [path](std::string_view body, auto* w) { return DecodeTmdbMovie(body, "tmdb " + path, w); });
}

Fetched<TmdbTv> TmdbClient::Tv(int64_t id) {
  std::string path = "/tv/" + std::to_string(id) + LanguageQuery();
  return caller_->GetAs<TmdbTv>(
      path, [path](std::string_view body, auto* w) { return DecodeTmdbTv(body, "tmdb " + path, w); });
}

Fetched<TmdbSeason> TmdbClient::Season(int64_t tv_id, int32_t n) {
  std::string path = "/tv/" + std::to_string(tv_id) + "/season/" + std::to_string(n) + LanguageQuery();
  return caller_->GetAs<TmdbSeason>(
      path, [path](std::string_view body, auto* w) { return DecodeTmdbSeason(body, "tmdb " + path, w); });
}

Fetched<TmdbDetails> TmdbClient::Details(const TmdbRef& ref) {
  if (watch_countries_.empty()) return DetailsAlone(ref);
  // The watch providers ride on the same request (no extra call).
  std::string query = LanguageQuery();
  query += query.empty() ? "?" : "&";
  query += "append_to_response=" + UrlEncode(kWatchProvidersResource);
  std::string path = "/" + std::string(ref.kind == TmdbRef::Kind::kMovie ? "movie" : "tv") + "/" +
                     std::to_string(ref.id) + query;
  return caller_->GetAs<TmdbDetails>(
      path, [path, ref, countries = watch_countries_](std::string_view body, auto* w) -> Result<TmdbDetails> {
        ASSIGN_OR_RETURN(TmdbDetails d,
                         DecodeTmdbDetailsWithProviders(body, ref.kind, countries, "tmdb " + path, w));
        d.ref = ref;
        return d;
      });
}

Fetched<TmdbDetails> TmdbClient::DetailsAlone(const TmdbRef& ref) {
  TmdbDetails details;
  details.ref = ref;
  if (ref.kind == TmdbRef::Kind::kMovie) {
    Fetched<TmdbMovie> m = Movie(ref.id);
    if (!m.ok()) return Fetched<TmdbDetails>(m.status(), m.info());
    details.movie = std::move(m).value();
    return Fetched<TmdbDetails>(std::move(details), m.info());
  }
  Fetched<TmdbTv> t = Tv(ref.id);
  if (!t.ok()) return Fetched<TmdbDetails>(t.status(), t.info());
  details.tv = std::move(t).value();
  return Fetched<TmdbDetails>(std::move(details), t.info());
}

Fetched<TmdbDetails> TmdbClient::TvWithSeasons(const TmdbSeasonsRequest& request) {
  if (request.season_numbers.size() > kMaxAppendedSeasons) {
    caller_->CountCall(Status::InvalidArgument(""));
    return Status::InvalidArgument("tmdb: " + std::to_string(request.season_numbers.size()) +
                                   " seasons asked in one detail call (at most " +
                                   std::to_string(kMaxAppendedSeasons) + ")");
  }
  std::string query = LanguageQuery();
  if (!request.season_numbers.empty()) {
    query += query.empty() ? "?" : "&";
    std::string seasons;
    for (size_t i = 0; i < request.season_numbers.size(); ++i) {
      if (i > 0) seasons += ",";
      seasons += "season/" + std::to_string(request.season_numbers[i]);
    }
    query += "append_to_response=" + UrlEncode(seasons);
  }
  std::string path = "/tv/" + std::to_string(request.tv_id) + query;
  TmdbRef ref{TmdbRef::Kind::kTv, request.tv_id};
  return caller_->GetAs<TmdbDetails>(
      path, [path, ref](std::string_view body, auto* w) -> Result<TmdbDetails> {
        ASSIGN_OR_RETURN(TmdbDetails d, DecodeTmdbTvWithSeasons(body, "tmdb " + path, w));
        d.ref = ref;
        return d;
      });
}

Fetched<std::optional<TmdbRef>> TmdbClient::Find(const std::string& imdb_id,
                                                 const std::optional<std::string>& imdb_type) {
  using Out = std::optional<TmdbRef>;
  RETURN_IF_ERROR(caller_->CheckImdbTitleId(imdb_id));
  bool prefer_tv = imdb_type && TmdbKindForImdbType(*imdb_type) == TmdbRef::Kind::kTv;
  std::string path = "/find/" + imdb_id + "?external_source=imdb_id";
  return NotFoundAsNone(caller_->GetAs<Out>(path, [path, prefer_tv](std::string_view body, auto* w) {
    return DecodeTmdbFind(body, prefer_tv, "tmdb " + path, w);
  }));
}

std::vector<Fetched<TmdbDetails>> TmdbClient::DetailsBatch(const std::vector<TmdbRef>& refs,
                                                           const ProgressFn& progress) {
  return caller_->Batch<TmdbRef, TmdbDetails>(
      refs, [this](const TmdbRef& ref) { return Details(ref); }, progress);
}

std::vector<Fetched<std::optional<double>>> TmdbClient::PopularityBatch(const std::vector<TmdbRef>& refs,
                                                                        const ProgressFn& progress) {
  return caller_->Batch<TmdbRef, std::optional<double>>(
      refs,
      [this](const TmdbRef& ref) -> Fetched<std::optional<double>> {
        Fetched<TmdbDetails> d = Details(ref);
        if (!d.ok()) return Fetched<std::optional<double>>(d.status(), d.info());
        return Fetched<std::optional<double>>(d->popularity(), d.info());
      },
      progress);
}

std::vector<Fetched<TmdbDetails>> TmdbClient::TvWithSeasonsBatch(
    const std::vector<TmdbSeasonsRequest>& requests, const ProgressFn& progress) {
  return caller_->Batch<TmdbSeasonsRequest, TmdbDetails>(
      requests, [this](const TmdbSeasonsRequest& r) { return TvWithSeasons(r); }, progress);
}

std::vector<Fetched<TmdbSeason>> TmdbClient::SeasonsBatch(const std::vector<TmdbSeasonKey>& keys,
                                                          const ProgressFn& progress) {
  return caller_->Batch<TmdbSeasonKey, TmdbSeason>(
      keys, [this](const TmdbSeasonKey& k) { return Season(k.tv_id, k.season_number); }, progress);
}

std::vector<Fetched<std::optional<TmdbRef>>> TmdbClient::FindBatch(const std::vector<std::string>& imdb_ids,
                                                                   const std::vector<std::string>& imdb_types,
                                                                   const ProgressFn& progress) {
  return caller_->BatchOfPositions<std::optional<TmdbRef>>(
      imdb_ids.size(),
      [&](size_t i) {
        std::optional<std::string> type;
        if (i < imdb_types.size()) type = imdb_types[i];
        return Find(imdb_ids[i], type);
      },
      progress);
}

}  // namespace cinelake
