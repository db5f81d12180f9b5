// WatchIndex: where-to-watch history (gold/dim_watch_provider,
// gold/bridge_content_watch_provider) indexed by title for the dashboard.
//
// Built once per gold load, inside GoldSnapshot::Build; immutable after, so
// any number of request threads read it without locks. Never fails: a
// bridge row whose title is unknown to the snapshot, or whose key columns
// are null, is skipped; a provider missing from the dimension keeps its id
// as name and no logo.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/date.h"
#include "serve/gold.h"

namespace cinelake::serve {

struct WatchProvider {
  int64_t id = 0;
  std::string name, logo;  // logo: a TMDB image path, "" if none
};

// One bridge row: a stretch of checks on which the offer was there.
struct WatchSpan {
  int title = -1;     // index into GoldSnapshot::titles
  int provider = -1;  // index into WatchIndex::providers
  std::string country, offer_type;
  Date from;
  std::optional<Date> to;  // last day seen; nullopt while still offered
  bool seen_on_first_check = false;
  std::optional<int> priority;  // display_priority, lower first

  bool OfferedOn(Date day) const { return from <= day && (!to || *to >= day); }
};

struct WatchIndex {
  std::vector<WatchProvider> providers;
  // By (title, country, offer_type, priority, provider name).
  std::vector<WatchSpan> spans;
  std::unordered_map<int, std::pair<size_t, size_t>> by_title;  // [begin, end) into spans
  std::vector<std::string> countries;                           // every country seen, sorted

  // Spans of one title (empty when none).
  std::pair<const WatchSpan*, const WatchSpan*> Of(int title) const;
};

// find_title: content_id -> title index, or -1.
WatchIndex BuildWatchIndex(const GoldTables& gold, const std::function<int(std::string_view)>& find_title);

}  // namespace cinelake::serve
