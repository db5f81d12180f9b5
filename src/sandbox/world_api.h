// The renderer of a keyed service that answers from the World: imdb236
// (sandbox/imdb_api.cc) and TMDB v3 (sandbox/tmdb_api.cc) have this one shape,
// the World they read and the one key they accept.
//
// Each service's .cc defines the four members as explicit specializations for
// its Api and is the only place that instantiates the class (through its
// Make*Api factory), so no other file needs to see them.
//
// Borrows the World (which must outlive it); thread-safe (no mutable state).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "sandbox/api_renderer.h"

namespace cinelake::sandbox {

template <Api kService>
class WorldApi final : public ApiRenderer {
 public:
  WorldApi(const World& world, std::string key)
      : ApiRenderer(kService), world_(world), key_(std::move(key)) {}

  std::optional<Route> Match(std::string_view path) const override;
  std::optional<std::string> Authenticate(const httplib::Request& http) const override;
  Reply Error(ApiError error) const override;
  Reply Handle(Request& request) override;

 private:
  const World& world_;
  const std::string key_;  // imdb236's X-RapidAPI-Key, TMDB's bearer token
};

}  // namespace cinelake::sandbox
