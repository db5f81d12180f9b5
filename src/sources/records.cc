#include "sources/records.h"

#include <charconv>

namespace cinelake {

std::string TmdbRef::path() const {
  return std::string(kind == Kind::kMovie ? "movie/" : "tv/") + std::to_string(id);
}

Result<TmdbRef> TmdbRef::Parse(std::string_view path) {
  std::string_view p = path;
  while (!p.empty() && p.front() == '/') p.remove_prefix(1);
  TmdbRef ref;
  if (p.rfind("movie/", 0) == 0) {
    ref.kind = Kind::kMovie;
    p.remove_prefix(6);
  } else if (p.rfind("tv/", 0) == 0) {
    ref.kind = Kind::kTv;
    p.remove_prefix(3);
  } else {
    return Status::InvalidArgument("not a TMDB path (movie/<id> or tv/<id>): '" + std::string(path) + "'");
  }
  int64_t id = 0;
  auto [end, ec] = std::from_chars(p.data(), p.data() + p.size(), id);
  if (ec != std::errc() || end != p.data() + p.size() || p.empty() || id <= 0) {
    return Status::InvalidArgument("not a TMDB path (movie/<id> or tv/<id>): '" + std::string(path) + "'");
  }
  ref.id = id;
  return ref;
}

std::optional<TmdbRef::Kind> TmdbKindForImdbType(std::string_view type) {
  if (type == "tvSeries" || type == "tvMiniSeries") return TmdbRef::Kind::kTv;
  if (type == "movie" || type == "tvMovie" || type == "short" || type == "video" || type == "tvSpecial") {
    return TmdbRef::Kind::kMovie;
  }
  return std::nullopt;
}

bool IsImdbTitleId(std::string_view id) {
  // Real ids have 7 or 8 digits today; 10 leaves room for growth.
  if (id.size() < 2 + 7 || id.size() > 2 + 10 || id.substr(0, 2) != "tt") return false;
  for (size_t i = 2; i < id.size(); ++i) {
    if (id[i] < '0' || id[i] > '9') return false;
  }
  return true;
}

}  // namespace cinelake
