// The TMDB daily export host stand-in: /p/exports/{file name}.
//
// Files (export_file.h) are built on first request, one at a time, and the
// last few are kept in memory. No auth. A name that is no export file, or a
// file outside the fault config's "exports" window (not yet published, deleted), is 404
// with an S3-style XML body; a file that cannot be built is 500. The fault
// layers' errors use the plain {"message": ...} body.
//
// Borrows the World (which must outlive it). Thread-safe: concurrent requests
// for a file not yet built wait for one build.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <tuple>
#include <utility>

#include "sandbox/api_renderer.h"
#include "sandbox/imdb_api.h"

namespace cinelake::sandbox {

class ExportApi final : public ApiRenderer {
 public:
  // Files list `movie_catalog` / `series_catalog` ids.
  ExportApi(const World& world, int64_t movie_catalog, int64_t series_catalog)
      : ApiRenderer(Api::kExport),
        world_(world),
        movie_catalog_(movie_catalog),
        series_catalog_(series_catalog) {}

  std::optional<Route> Match(std::string_view path) const override;
  std::optional<std::string> Authenticate(const httplib::Request& http) const override;
  Reply Error(ApiError error) const override { return MessageError(error); }
  Reply Handle(Request& request) override;

 private:
  // The gzip file; nullptr and *error when it cannot be built.
  std::shared_ptr<const std::string> File(Kind kind, Date date, Status* error);

  const World& world_;
  const int64_t movie_catalog_, series_catalog_;
  std::mutex build_mu_;  // one build at a time
  std::mutex cache_mu_;
  std::deque<std::pair<std::tuple<int, int32_t>, std::shared_ptr<const std::string>>> cache_;
};

}  // namespace cinelake::sandbox
