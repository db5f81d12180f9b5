#include "serve/view_watch.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <tuple>

namespace cinelake::serve {
namespace {

constexpr std::array<std::string_view, 5> kOfferOrder = {"subscription", "free", "ads", "rent", "buy"};

// Provider logos are drawn 40 px square: TMDB's w92 rendition covers a 2x
// screen without fetching the original.
json LogoUrl(const std::string& path) {
  if (path.empty()) return nullptr;
  if (path.rfind("http://", 0) == 0 || path.rfind("https://", 0) == 0) return path;
  return "https://image.tmdb.org/t/p/w92" + std::string(path[0] == '/' ? "" : "/") + path;
}

bool IsStreaming(const std::string& offer_type) {
  return offer_type == "subscription" || offer_type == "free" || offer_type == "ads";
}

json CountriesJson(const GoldSnapshot& s) {
  json out = json::array();
  for (const std::string& c : s.watch.countries) out.push_back(c);
  return out;
}

struct Change {
  const WatchSpan* span;
  Date date;
};

json ChangesJson(const GoldSnapshot& s, std::vector<Change> changes, const Day* today) {
  auto rank = [&](int title) {
    const FactRow* r = today == nullptr ? nullptr : today->Find(title);
    return r != nullptr && r->rank ? *r->rank : 1 << 30;
  };
  auto key = [&](const Change& c) {
    return std::make_tuple(-c.date.days, rank(c.span->title), std::cref(s.titles[c.span->title].id),
                           std::cref(s.watch.providers[c.span->provider].name),
                           std::cref(c.span->offer_type));
  };
  std::sort(changes.begin(), changes.end(),
            [&](const Change& a, const Change& b) { return key(a) < key(b); });
  json out = json::array();
  for (const Change& c : changes) {
    if (out.size() == kStreamingListMax) break;
    const Title& t = s.titles[c.span->title];
    const WatchProvider& p = s.watch.providers[c.span->provider];
    out.push_back({{"id", t.id},
                   {"title", TextOrNull(t.title.empty() ? t.id : t.title)},
                   {"type", t.type},
                   {"poster", TextOrNull(t.poster)},
                   {"provider_id", p.id},
                   {"provider", p.name},
                   {"logo", LogoUrl(p.logo)},
                   {"offer_type", c.span->offer_type},
                   {"date", c.date.ToString()}});
  }
  return out;
}

}  // namespace

bool IsCountryCode(const std::string& country) {
  return country.size() == 2 && std::isupper(static_cast<unsigned char>(country[0])) &&
         std::isupper(static_cast<unsigned char>(country[1]));
}

json TitleWatchJson(const GoldSnapshot& s, int title, Date day) {
  json offers = json::object();
  auto [begin, end] = s.watch.Of(title);
  for (std::string_view type : kOfferOrder) {
    for (const WatchSpan* span = begin; span != end; ++span) {
      if (span->offer_type != type || !span->OfferedOn(day)) continue;
      const WatchProvider& p = s.watch.providers[span->provider];
      offers[span->country][std::string(type)].push_back({{"id", p.id},
                                                          {"name", p.name},
                                                          {"logo", LogoUrl(p.logo)},
                                                          {"priority", OrNull(span->priority)},
                                                          {"since", span->from.ToString()}});
    }
  }
  return {{"as_of", day.ToString()}, {"countries", CountriesJson(s)}, {"offers", std::move(offers)}};
}

json StreamingChangesJson(const GoldSnapshot& s, Date day, const std::string& country) {
  const Date from = day - (kStreamingWindowDays - 1);
  std::vector<Change> added, leaving;
  for (const WatchSpan& span : s.watch.spans) {
    if (span.country != country || !IsStreaming(span.offer_type)) continue;
    if (!span.seen_on_first_check && span.from >= from && span.from <= day)
      added.push_back({&span, span.from});
    if (span.to && *span.to >= day - kStreamingWindowDays && *span.to < day)
      leaving.push_back({&span, *span.to});
  }
  int di = s.FindDay(day);
  const Day* today = di < 0 ? nullptr : &s.days[di];
  return {{"date", day.ToString()},
          {"country", country},
          {"countries", CountriesJson(s)},
          {"from", from.ToString()},
          {"to", day.ToString()},
          {"added", ChangesJson(s, std::move(added), today)},
          {"leaving", ChangesJson(s, std::move(leaving), today)}};
}

}  // namespace cinelake::serve
