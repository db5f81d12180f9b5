#include "jobs/enrich/watch_provider_rows.h"

#include "jobs/optional_cells.h"
#include "jobs/table_ops.h"
#include "lake/schemas.h"

namespace cinelake {

Table WatchProviderRows(const std::vector<CheckedTitle>& titles) {
  const TableDef& def = TableByName(tables::kContentWatchProvider);
  Table out = ReservedTable(def.name, titles.size());  // about a row a title; more with several offers
  for (const CheckedTitle& title : titles) {
    if (title.details == nullptr || !title.details->watch_providers) continue;
    const std::string tmdb_id = title.details->ref.path();
    const std::vector<TmdbWatchOffer>& offers = *title.details->watch_providers;
    if (offers.empty()) {
      out.column("content_id").AppendString(title.content_id);
      out.column("tmdb_id").AppendString(tmdb_id);
      for (const char* col :
           {"country", "provider_id", "offer_type", "provider_name", "logo_path", "display_priority"}) {
        out.column(col).AppendNull();
      }
      continue;
    }
    for (const TmdbWatchOffer& offer : offers) {
      out.column("content_id").AppendString(title.content_id);
      out.column("tmdb_id").AppendString(tmdb_id);
      out.column("country").AppendString(offer.country);
      out.column("provider_id").AppendInt64(offer.provider_id);
      out.column("offer_type").AppendString(offer.offer_type);
      AppendOptional(out.column("provider_name"), offer.provider_name);
      AppendOptional(out.column("logo_path"), offer.logo_path);
      AppendOptional(out.column("display_priority"), offer.display_priority);
    }
  }
  return SortedBy(out, def.key);
}

}  // namespace cinelake
