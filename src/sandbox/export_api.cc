#include "sandbox/export_api.h"

#include <spdlog/spdlog.h>

#include <chrono>

#include "sandbox/export_file.h"
#include "sandbox/wire_json.h"

namespace cinelake::sandbox {
namespace {

constexpr size_t kCachedFiles = 4;

}  // namespace

std::optional<Route> ExportApi::Match(std::string_view path) const {
  constexpr std::string_view kPrefix = "/p/exports/";
  if (!path.starts_with(kPrefix)) return std::nullopt;
  std::string_view name = path.substr(kPrefix.size());
  if (name.find('/') != std::string_view::npos) return std::nullopt;
  return Route{EndpointKind::kExport, Kind::kMovie, std::string(name), 0};
}

std::optional<std::string> ExportApi::Authenticate(const httplib::Request&) const {
  return std::string();
}

Reply ExportApi::Handle(Request& request) {
  auto name = ParseExportName(request.route.id);
  if (!name || (request.faults && !request.faults->ExportExists(name->date))) {
    return Reply{404, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NoSuchKey</Code></Error>",
                 "application/xml"};
  }
  Status error;
  auto file = File(name->kind, name->date, &error);
  if (!file) return Reply{500, WireJson{{"error", error.message()}}.dump()};
  return Reply{200, *file, "application/gzip"};
}

std::shared_ptr<const std::string> ExportApi::File(Kind kind, Date date, Status* error) {
  auto key = std::make_tuple(static_cast<int>(kind), date.days);
  auto lookup = [&]() -> std::shared_ptr<const std::string> {
    std::lock_guard<std::mutex> lock(cache_mu_);
    for (const auto& [k, v] : cache_) {
      if (k == key) return v;
    }
    return nullptr;
  };
  if (auto hit = lookup()) return hit;
  std::lock_guard<std::mutex> build(build_mu_);
  if (auto hit = lookup()) return hit;
  auto started = std::chrono::steady_clock::now();
  int64_t size = kind == Kind::kMovie ? movie_catalog_ : series_catalog_;
  Result<std::string> gz = ExportGzip(world_, kind, date, size);
  if (!gz.ok()) {
    *error = gz.status();
    return nullptr;
  }
  auto file = std::make_shared<const std::string>(std::move(*gz));
  spdlog::info(
      "sandbox: built {} ({} lines, {} bytes) in {} ms", ExportFileName(kind, date), size, file->size(),
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started)
          .count());
  std::lock_guard<std::mutex> lock(cache_mu_);
  cache_.emplace_back(key, file);
  if (cache_.size() > kCachedFiles) cache_.pop_front();
  return file;
}

}  // namespace cinelake::sandbox
