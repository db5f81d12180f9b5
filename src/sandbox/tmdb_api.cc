#include "sandbox/tmdb_api.h"

#include <memory>

#include "sandbox/route_parts.h"
#include "sandbox/tmdb_json.h"
#include "sandbox/wire_json.h"
#include "sandbox/world_api.h"

namespace cinelake::sandbox {

using TmdbApi = WorldApi<Api::kTmdb>;

namespace {

Reply TmdbReply(int status, int code, std::string_view message) {
  return Reply{status,
               WireJson{{"success", false}, {"status_code", code}, {"status_message", message}}.dump()};
}

// "season/1,season/2,credits": the season numbers asked; other
// sub-resources are not served by the sandbox (left out, as unknown ones are).
std::vector<int> AppendedSeasons(std::string_view list) {
  std::vector<int> out;
  while (!list.empty()) {
    size_t comma = list.find(',');
    std::string_view item = list.substr(0, comma);
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
    std::optional<int64_t> n = item.starts_with("season/") ? ParseId(item.substr(7)) : std::nullopt;
    if (n && *n < 1000) out.push_back(static_cast<int>(*n));
  }
  return out;
}

// Whether the list asks for "watch/providers".
bool AppendedWatchProviders(std::string_view list) {
  while (!list.empty()) {
    size_t comma = list.find(',');
    if (list.substr(0, comma) == "watch/providers") return true;
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
  }
  return false;
}

}  // namespace

template <>
std::optional<Route> TmdbApi::Match(std::string_view path) const {
  auto seg = SegmentsAfter("/tmdb/3/", path);
  if (seg.size() == 2 && seg[0] == "movie" && ParseId(seg[1])) {
    return Route{EndpointKind::kTmdbMovie, Kind::kMovie, std::string(seg[1]), 0};
  }
  if (seg.size() == 2 && seg[0] == "tv" && ParseId(seg[1])) {
    return Route{EndpointKind::kTmdbTv, Kind::kSeries, std::string(seg[1]), 0};
  }
  std::optional<int64_t> season = seg.size() == 4 ? ParseId(seg[3]) : std::nullopt;
  if (seg.size() == 4 && seg[0] == "tv" && ParseId(seg[1]) && seg[2] == "season" && season &&
      *season < 1000) {
    return Route{EndpointKind::kTmdbSeason, Kind::kSeries, std::string(seg[1]), static_cast<int>(*season)};
  }
  if (seg.size() == 2 && seg[0] == "find" && !seg[1].empty()) {
    return Route{EndpointKind::kTmdbFind, Kind::kMovie, std::string(seg[1]), 0};
  }
  return std::nullopt;
}

template <>
std::optional<std::string> TmdbApi::Authenticate(const httplib::Request& http) const {
  std::string auth = http.get_header_value("Authorization");
  std::string token = auth.rfind("Bearer ", 0) == 0 ? auth.substr(7) : http.get_param_value("api_key");
  if (token != key_) return std::nullopt;
  return token;
}

template <>
Reply TmdbApi::Error(ApiError error) const {
  switch (error) {
    case ApiError::kUnauthorized:
      return TmdbReply(401, 7, "Invalid API key: You must be granted a valid key.");
    case ApiError::kNotFound: return TmdbReply(404, 34, "The resource you requested could not be found.");
    case ApiError::kRateLimited: return TmdbReply(429, 25, "Your request count is over the allowed limit.");
    case ApiError::kInternal:
      return TmdbReply(500, 11, "Internal error: Something went wrong, contact TMDB.");
    case ApiError::kUnavailable: break;
  }
  return TmdbReply(503, 9, "Service offline: This service is temporarily offline, try again later.");
}

template <>
Reply TmdbApi::Handle(Request& request) {
  const Route& route = request.route;
  if (route.kind == EndpointKind::kTmdbFind) {
    if (request.http.get_param_value("external_source") != "imdb_id") {  // required, as on TMDB
      return TmdbReply(400, 5, "Invalid parameters: Your request parameters are incorrect.");
    }
    return Reply{200, TmdbFindJson(world_, route.id, request.date)};
  }
  const int64_t id = ParseId(route.id).value_or(0);
  const std::string appended = request.http.get_param_value("append_to_response");
  const bool providers = AppendedWatchProviders(appended);
  Result<std::string> body = route.kind == EndpointKind::kTmdbMovie
                                 ? TmdbMovieJson(world_, id, request.date, providers)
                             : route.kind == EndpointKind::kTmdbTv
                                 ? TmdbTvJson(world_, id, request.date, AppendedSeasons(appended), providers)
                                 : TmdbSeasonJson(world_, id, route.season, request.date);
  if (!body.ok()) return Error(ApiError::kNotFound);
  return Reply{200, std::move(*body)};
}

std::unique_ptr<ApiRenderer> MakeTmdbApi(const World& world, std::string token) {
  return std::make_unique<TmdbApi>(world, std::move(token));
}

}  // namespace cinelake::sandbox
