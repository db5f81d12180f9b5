// stg/content_watch_provider rows: the day's offers of every listed title
// whose TMDB detail answered with watch providers (the popularity step asks
// for them on the detail call it makes for every listed title anyway, so no
// request is added).
//
// A title checked with offers gets one row per (country, offer_type,
// provider); a title checked with none (in any configured country) gets one
// row with NULL country, provider_id and offer_type, so the provider history
// (jobs/model/watch_provider_history.h) knows it was checked and ends its
// offers. A title whose detail failed or carried no watch providers gets no
// row: it was not checked that day. Pure function, rows sorted by the key.
//
// Ownership: the returned Table is the caller's. Thread-safety: pure, no shared state.
#pragma once

#include <string>
#include <vector>

#include "sources/records.h"
#include "table/table.h"

namespace cinelake {

struct CheckedTitle {
  std::string content_id;
  const TmdbDetails* details = nullptr;  // today's detail; may be null (no answer)
};

Table WatchProviderRows(const std::vector<CheckedTitle>& titles);

}  // namespace cinelake
