#include "serve/watch_index.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace cinelake::serve {
namespace {

std::optional<std::string> Text(const Table& t, std::string_view col, size_t r) {
  const Column* c = t.FindColumn(col);
  if (c == nullptr || c->IsNull(r)) return std::nullopt;
  return std::string(c->String(r));
}

std::optional<int64_t> Integer(const Table& t, std::string_view col, size_t r) {
  const Column* c = t.FindColumn(col);
  if (c == nullptr || c->IsNull(r)) return std::nullopt;
  if (c->type() == DataType::kInt64) return c->Int64(r);
  if (c->type() == DataType::kInt32 || c->type() == DataType::kDate) return c->Int32(r);
  return std::nullopt;
}

}  // namespace

std::pair<const WatchSpan*, const WatchSpan*> WatchIndex::Of(int title) const {
  auto it = by_title.find(title);
  if (it == by_title.end()) return {nullptr, nullptr};
  return {spans.data() + it->second.first, spans.data() + it->second.second};
}

WatchIndex BuildWatchIndex(const GoldTables& gold, const std::function<int(std::string_view)>& find_title) {
  WatchIndex index;
  std::map<int64_t, int> provider_index;
  auto provider_of = [&](int64_t id) {
    auto [it, added] = provider_index.emplace(id, static_cast<int>(index.providers.size()));
    if (added) index.providers.push_back(WatchProvider{id, std::to_string(id), ""});
    return it->second;
  };
  const Table& dim = gold.dim_watch_provider;
  for (size_t r = 0; r < dim.num_rows(); ++r) {
    std::optional<int64_t> id = Integer(dim, "provider_id", r);
    if (!id) continue;
    WatchProvider& p = index.providers[provider_of(*id)];
    p.name = Text(dim, "provider_name", r).value_or(std::to_string(*id));
    p.logo = Text(dim, "logo_path", r).value_or("");
  }
  std::set<std::string> countries;
  const Table& bridge = gold.bridge_content_watch_provider;
  for (size_t r = 0; r < bridge.num_rows(); ++r) {
    std::optional<std::string> content = Text(bridge, "content_id", r);
    std::optional<std::string> country = Text(bridge, "country", r);
    std::optional<std::string> offer_type = Text(bridge, "offer_type", r);
    std::optional<int64_t> provider = Integer(bridge, "provider_id", r);
    std::optional<int64_t> from = Integer(bridge, "valid_from", r);
    if (!content || !country || !offer_type || !provider || !from) continue;
    int title = find_title(*content);
    if (title < 0) continue;
    WatchSpan span;
    span.title = title;
    span.provider = provider_of(*provider);
    span.country = *country;
    span.offer_type = *offer_type;
    span.from = Date{static_cast<int32_t>(*from)};
    if (auto to = Integer(bridge, "valid_to", r)) span.to = Date{static_cast<int32_t>(*to)};
    const Column* first = bridge.FindColumn("seen_on_first_check");
    span.seen_on_first_check = first != nullptr && !first->IsNull(r) && first->Bool(r);
    if (auto p = Integer(bridge, "display_priority", r)) span.priority = static_cast<int>(*p);
    countries.insert(*country);
    index.spans.push_back(std::move(span));
  }
  auto key = [&](const WatchSpan& s) {
    return std::make_tuple(s.title, std::cref(s.country), std::cref(s.offer_type),
                           s.priority.value_or(1 << 30), std::cref(index.providers[s.provider].name),
                           s.from.days);
  };
  std::sort(index.spans.begin(), index.spans.end(),
            [&](const WatchSpan& a, const WatchSpan& b) { return key(a) < key(b); });
  for (size_t i = 0; i < index.spans.size();) {
    size_t j = i;
    while (j < index.spans.size() && index.spans[j].title == index.spans[i].title) ++j;
    index.by_title[index.spans[i].title] = {i, j};
    i = j;
  }
  index.countries.assign(countries.begin(), countries.end());
  return index;
}

}  // namespace cinelake::serve
