#include "sandbox/watch_providers.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <tuple>

#include "sandbox/tmdb_json.h"

namespace cinelake::sandbox {
namespace {

const World& SharedWorld() {
  static const World* w = new World(42);
  return *w;
}

using OfferKey = std::tuple<std::string, std::string, int>;  // country, list, provider

std::set<OfferKey> KeysOn(const Title& t, Date d) {
  std::set<OfferKey> out;
  for (const WatchOffer& o : WatchOffersOn(t, d)) out.emplace(o.country, o.list, o.provider_id);
  return out;
}

// Over a month, released titles gain, lose and regain offers in every
// country, and some service moves a title from one offer type to another.
TEST(SandboxWatchProvidersTest, OffersChangeOverTheDays) {
  const World& w = SharedWorld();
  const Date first = Date::FromYmd(2026, 10, 1);
  int added = 0, removed = 0, readded = 0, type_changes = 0;
  std::set<std::string> countries;
  for (const Title& t : w.titles()) {
    if (t.release_day > first.days) continue;
    std::set<OfferKey> before = KeysOn(t, first);
    std::set<OfferKey> ever_removed;
    for (int i = 1; i < 30; ++i) {
      std::set<OfferKey> now = KeysOn(t, first + i);
      for (const OfferKey& k : now) {
        countries.insert(std::get<0>(k));
        if (!before.count(k)) {
          ++added;
          if (ever_removed.count(k)) ++readded;
          // The same service in the same country offered another way yesterday.
          for (const OfferKey& b : before) {
            if (std::get<0>(b) == std::get<0>(k) && std::get<2>(b) == std::get<2>(k) && !now.count(b)) {
              ++type_changes;
            }
          }
        }
      }
      for (const OfferKey& k : before) {
        if (!now.count(k)) {
          ++removed;
          ever_removed.insert(k);
        }
      }
      before = std::move(now);
    }
  }
  EXPECT_GT(added, 100);
  EXPECT_GT(removed, 100);
  EXPECT_GT(readded, 20);
  EXPECT_GT(type_changes, 5);
  EXPECT_EQ(countries, (std::set<std::string>{"DE", "FR", "GB", "US"}));
}

TEST(SandboxWatchProvidersTest, UnreleasedTitlesAreOfferedNowhereAndAnswersAreStable) {
  const World& w = SharedWorld();
  const Date d = Date::FromYmd(2026, 10, 15);
  for (const Title& t : w.titles()) {
    if (t.release_day > d.days) {
      EXPECT_TRUE(WatchOffersOn(t, d).empty()) << t.imdb_id;
    }
  }
  const Title& t = w.titles().front();
  EXPECT_EQ(WatchProvidersJson(t, d).dump(), WatchProvidersJson(t, d).dump());
}

TEST(SandboxWatchProvidersTest, TheDetailCarriesThemOnlyWhenAsked) {
  const World& w = SharedWorld();
  const Date d = Date::FromYmd(2026, 10, 15);
  const Title* movie = nullptr;
  for (const Title& t : w.titles()) {
    if (t.kind == Kind::kMovie && t.release_day < d.days && !WatchOffersOn(t, d).empty()) {
      movie = &t;
      break;
    }
  }
  ASSERT_NE(movie, nullptr);
  auto plain = TmdbMovieJson(w, movie->tmdb_id, d);
  auto asked = TmdbMovieJson(w, movie->tmdb_id, d, true);
  ASSERT_TRUE(plain.ok() && asked.ok());
  EXPECT_EQ(plain->find("watch/providers"), std::string::npos);
  auto j = WireJson::parse(*asked);
  const WireJson& results = j["watch/providers"]["results"];
  ASSERT_TRUE(results.is_object());
  const WatchOffer first = WatchOffersOn(*movie, d).front();
  const WireJson& country = results[first.country];
  EXPECT_EQ(country["link"], "https://www.themoviedb.org/movie/" + std::to_string(movie->tmdb_id) +
                                 "/watch?locale=" + first.country);
  EXPECT_EQ(country[first.list][0]["provider_id"], first.provider_id);
  EXPECT_EQ(country[first.list][0]["logo_path"], first.logo_path);
}

}  // namespace
}  // namespace cinelake::sandbox
