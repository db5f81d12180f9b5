#include "sources/tmdb_detail_fields.h"

namespace cinelake {

std::span<const TmdbDetailField> TmdbDetailFields() {
  static constexpr TmdbDetailField kFields[] = {
      {"homepage", DetailKind::kText, true, true, "content_homepage"},
      {"original_language", DetailKind::kText, true, true, "original_language"},
      {"status", DetailKind::kText, true, true, "status"},  // tv: "Returning Series", "Ended", ...
      {"tagline", DetailKind::kText, true, true, "tagline"},
  };
  return kFields;
}

}  // namespace cinelake
