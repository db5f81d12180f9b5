#include "jobs/model/watch_provider_history.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "jobs/optional_cells.h"
#include "jobs/table_ops.h"
#include "lake/schemas.h"

namespace cinelake::model {
namespace {

using OfferKey = std::tuple<std::string, int64_t, std::string>;  // country, provider_id, offer_type

struct Sighting {
  int32_t day = 0;
  std::optional<int32_t> display_priority;
};

struct TitleChecks {
  std::set<int32_t> days;                            // every check
  std::map<OfferKey, std::vector<Sighting>> offers;  // days present, ascending
};

struct ProviderSeen {
  // Ordering of the row its name and logo come from: latest day, then the
  // smallest (content_id, country, offer_type).
  std::tuple<int32_t, std::string, std::string, std::string> source;
  std::optional<std::string> name, logo;
  int32_t first_seen = 0, last_seen = 0;
  bool set = false;
};

std::optional<std::string> OptString(const Column& c, size_t r) {
  if (c.IsNull(r)) return std::nullopt;
  return std::string(c.String(r));
}

}  // namespace

Result<WatchProviderGold> BuildWatchProviderHistory(const Table& snapshots) {
  for (const char* col : {"content_id", "country", "provider_id", "offer_type", "provider_name", "logo_path",
                          "display_priority", "loadDate"}) {
    if (snapshots.schema().FieldIndex(col) < 0) {
      return Status::InvalidArgument(std::string("content_watch_provider snapshots lack column ") + col);
    }
  }
  const Column& content = snapshots.column("content_id");
  const Column& country = snapshots.column("country");
  const Column& provider = snapshots.column("provider_id");
  const Column& offer_type = snapshots.column("offer_type");
  const Column& name = snapshots.column("provider_name");
  const Column& logo = snapshots.column("logo_path");
  const Column& priority = snapshots.column("display_priority");
  const Column& day = snapshots.column("loadDate");

  std::map<std::string, TitleChecks> titles;
  std::map<int64_t, ProviderSeen> providers;
  for (size_t r = 0; r < snapshots.num_rows(); ++r) {
    std::string id(content.String(r));
    TitleChecks& t = titles[id];
    const int32_t d = day.Int32(r);
    t.days.insert(d);
    if (provider.IsNull(r) || country.IsNull(r) || offer_type.IsNull(r)) continue;  // checked, no offer
    OfferKey key{std::string(country.String(r)), provider.Int64(r), std::string(offer_type.String(r))};
    std::optional<int32_t> prio;
    if (!priority.IsNull(r)) prio = priority.Int32(r);
    t.offers[key].push_back({d, prio});

    ProviderSeen& p = providers[provider.Int64(r)];
    // Latest day first; on the same day the smallest (content, country, type) wins.
    auto source = std::make_tuple(-d, id, std::get<0>(key), std::get<2>(key));
    if (!p.set || source < p.source) {
      p.source = source;
      p.name = OptString(name, r);
      p.logo = OptString(logo, r);
    }
    p.first_seen = p.set ? std::min(p.first_seen, d) : d;
    p.last_seen = p.set ? std::max(p.last_seen, d) : d;
    p.set = true;
  }

  WatchProviderGold out{Table(TableByName(tables::kDimWatchProvider).schema),
                        Table(TableByName(tables::kBridgeContentWatchProvider).schema)};
  Table& dim = out.dim_watch_provider;
  for (const auto& [id, p] : providers) {
    dim.column("provider_id").AppendInt64(id);
    AppendOptional(dim.column("provider_name"), p.name);
    AppendOptional(dim.column("logo_path"), p.logo);
    dim.column("first_seen").AppendInt32(p.first_seen);
    dim.column("last_seen").AppendInt32(p.last_seen);
  }

  Table& bridge = out.bridge_content_watch_provider;
  for (auto& [id, t] : titles) {
    std::vector<int32_t> checks(t.days.begin(), t.days.end());
    std::map<int32_t, size_t> check_index;
    for (size_t i = 0; i < checks.size(); ++i) check_index[checks[i]] = i;
    for (auto& [key, sightings] : t.offers) {
      std::sort(sightings.begin(), sightings.end(),
                [](const auto& a, const auto& b) { return a.day < b.day; });
      for (size_t begin = 0; begin < sightings.size();) {
        size_t end = begin + 1;  // the run: consecutive checks
        while (end < sightings.size() &&
               check_index[sightings[end].day] == check_index[sightings[end - 1].day] + 1) {
          ++end;
        }
        const Sighting& first = sightings[begin];
        const Sighting& last = sightings[end - 1];
        bridge.column("content_id").AppendString(id);
        bridge.column("country").AppendString(std::get<0>(key));
        bridge.column("provider_id").AppendInt64(std::get<1>(key));
        bridge.column("offer_type").AppendString(std::get<2>(key));
        bridge.column("valid_from").AppendInt32(first.day);
        if (last.day == checks.back()) {
          bridge.column("valid_to").AppendNull();
        } else {
          bridge.column("valid_to").AppendInt32(last.day);
        }
        AppendOptional(bridge.column("display_priority"), last.display_priority);
        bridge.column("seen_on_first_check").AppendBool(first.day == checks.front());
        bridge.column("last_checked").AppendInt32(checks.back());
        begin = end;
      }
    }
  }
  out.bridge_content_watch_provider = SortedBy(bridge, TableByName(tables::kBridgeContentWatchProvider).key);
  return out;
}

}  // namespace cinelake::model
