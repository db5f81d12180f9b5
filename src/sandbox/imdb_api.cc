#include "sandbox/imdb_api.h"

#include <memory>

#include "sandbox/imdb_json.h"
#include "sandbox/route_parts.h"
#include "sandbox/wire_json.h"
#include "sandbox/world_api.h"

namespace cinelake::sandbox {

using ImdbApi = WorldApi<Api::kImdb>;

namespace {

Reply ImdbReply(int status, std::string_view message) {
  return Reply{status, WireJson{{"message", message}}.dump()};
}

}  // namespace

template <>
std::optional<Route> ImdbApi::Match(std::string_view path) const {
  auto seg = SegmentsAfter("/imdb236/api/imdb/", path);
  if (seg.size() == 1 && seg[0] == "most-popular-movies")
    return Route{EndpointKind::kImdbList, Kind::kMovie, {}, 0};
  if (seg.size() == 1 && seg[0] == "most-popular-tv")
    return Route{EndpointKind::kImdbList, Kind::kSeries, {}, 0};
  if (seg.size() == 1 && IsTitleId(seg[0]))
    return Route{EndpointKind::kImdbTitle, Kind::kMovie, std::string(seg[0]), 0};
  if (seg.size() == 2 && IsTitleId(seg[0]) && seg[1] == "tmdb-id") {
    return Route{EndpointKind::kImdbTmdbId, Kind::kMovie, std::string(seg[0]), 0};
  }
  return std::nullopt;
}

template <>
std::optional<std::string> ImdbApi::Authenticate(const httplib::Request& http) const {
  std::string key = http.get_header_value("X-RapidAPI-Key");
  if (key != key_ || http.get_header_value("X-RapidAPI-Host") != kImdbHost) return std::nullopt;
  return key;
}

Reply MessageError(ApiError error) {
  switch (error) {
    case ApiError::kUnauthorized:
      return ImdbReply(401, "Invalid API key. Go to https://docs.rapidapi.com/docs/keys for more info.");
    case ApiError::kNotFound: return ImdbReply(404, "Not Found");
    case ApiError::kRateLimited: return ImdbReply(429, "Too many requests");
    case ApiError::kInternal: return ImdbReply(500, "Internal Server Error");
    case ApiError::kUnavailable: break;
  }
  return ImdbReply(503, "Service Unavailable");
}

template <>
Reply ImdbApi::Error(ApiError error) const {
  return MessageError(error);
}

template <>
Reply ImdbApi::Handle(Request& request) {
  const Route& route = request.route;
  if (route.kind == EndpointKind::kImdbList)
    return Reply{200, ImdbListJson(world_, route.title_kind, request.date)};
  Result<std::string> body = route.kind == EndpointKind::kImdbTitle
                                 ? ImdbTitleJson(world_, route.id, request.date)
                                 : ImdbTmdbIdJson(world_, route.id, request.date);
  if (!body.ok()) return ImdbReply(404, body.status().message());
  return Reply{200, std::move(*body)};
}

std::unique_ptr<ApiRenderer> MakeImdbApi(const World& world, std::string key) {
  return std::make_unique<ImdbApi>(world, std::move(key));
}

}  // namespace cinelake::sandbox
