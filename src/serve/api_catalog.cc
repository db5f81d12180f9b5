#include "serve/api_catalog.h"

#include <algorithm>

#include "serve/api_reply.h"
#include "serve/view_catalog.h"

namespace cinelake::serve {

namespace {

using reply::Error;
using reply::Ok;
using reply::Param;

constexpr const char* kNoCatalog = "no fact_catalog_popularity partitions in the lake yet";

}  // namespace

ApiResponse GetCatalog(const PreparedGold& g, const ApiRequest& r) {
  const CatalogIndex& c = g.catalog();
  if (c.days().empty()) return Error(404, kNoCatalog);
  int day = static_cast<int>(c.days().size()) - 1;
  std::string text = Param(r.query, "date");
  if (!text.empty()) {
    auto d = Date::Parse(text);
    if (!d.ok()) return Error(400, "parameter 'date': " + d.status().message());
    day = c.FindDay(*d);
    if (day < 0) return Error(404, "parameter 'date': no catalog snapshot for " + d->ToString());
  }
  return Ok(CatalogDayJson(c, day));
}

ApiResponse GetCatalogSearch(const PreparedGold& g, const ApiRequest& r) {
  std::string text = Param(r.query, "q");
  if (text.empty() || text.size() > kMaxCatalogQueryChars) {
    return Error(400,
                 "parameter 'q': give 1 to " + std::to_string(kMaxCatalogQueryChars) + " bytes of title");
  }
  if (std::any_of(text.begin(), text.end(), [](char ch) { return static_cast<unsigned char>(ch) < 0x20; }))
    return Error(400, "parameter 'q': control characters are not part of any title");
  const CatalogIndex& c = g.catalog();
  if (c.days().empty()) return Error(404, kNoCatalog);
  bool more = false;
  std::vector<uint32_t> found = c.Search(text, kCatalogSearchMax, &more);
  return Ok(CatalogSearchJson(c, text, found, more));
}

ApiResponse GetCatalogTrend(const PreparedGold& g, const ApiRequest& r) {
  std::string text = Param(r.query, "id");
  std::optional<CatalogKey> key = CatalogKey::ParsePath(text);
  if (!key) return Error(400, "parameter 'id': give a TMDB path, movie/<n> or tv/<n>, got '" + text + "'");
  const CatalogIndex& c = g.catalog();
  if (c.days().empty()) return Error(404, kNoCatalog);
  int64_t t = c.FindTitle(*key);
  if (t < 0) return Error(404, "parameter 'id': " + text + " is not in the catalog's kept days");
  Result<json> trend = CatalogTrendJson(c, static_cast<uint32_t>(t));
  if (!trend.ok()) return Error(500, trend.status().ToString());
  return Ok(std::move(*trend));
}

}  // namespace cinelake::serve
