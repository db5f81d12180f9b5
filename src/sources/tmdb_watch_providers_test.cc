#include "sources/tmdb_watch_providers.h"

#include <gtest/gtest.h>

namespace cinelake {
namespace {

// A movie detail with the sub-resource in TMDB's shape (values invented).
constexpr std::string_view kMovieWithProviders = R"({
  "id": 501, "title": "Harbour Lights", "popularity": 12.5, "production_companies": [],
  "watch/providers": {"results": {
    "US": {"link": "https://www.themoviedb.org/movie/501/watch?locale=US",
           "flatrate": [{"logo_path": "/s1.jpg", "provider_id": 17, "provider_name": "Streamly", "display_priority": 3}],
           "rent": [{"logo_path": "/r2.jpg", "provider_id": 2, "provider_name": "Rentaplex", "display_priority": 7},
                    {"logo_path": null, "provider_id": 9, "provider_name": "Cinemart", "display_priority": 1}],
           "buy": [{"logo_path": "/r2.jpg", "provider_id": 2, "provider_name": "Rentaplex", "display_priority": 7}],
           "ads": [{"logo_path": "/a.jpg", "provider_id": 40, "provider_name": "AdReel"}],
           "free": [{"logo_path": "/f.jpg", "provider_name": "no id"}],
           "cinema": [{"provider_id": 55, "provider_name": "not an offer list"}]},
    "GB": {"link": "x", "free": [{"logo_path": "/f.jpg", "provider_id": 31, "provider_name": "FreeView", "display_priority": 2}]},
    "FR": {"flatrate": [{"provider_id": 17, "provider_name": "Streamly"}]}
  }}})";

TEST(SourcesTmdbWatchProviders, OffersOfTheAskedCountriesSortedWithFlatrateAsSubscription) {
  std::vector<std::string> w;
  auto d = DecodeTmdbDetailsWithProviders(kMovieWithProviders, TmdbRef::Kind::kMovie, {"US", "GB", "DE"},
                                          "tmdb /movie/501", &w);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  ASSERT_TRUE(d->movie.has_value());
  EXPECT_EQ(d->movie->title, "Harbour Lights");
  ASSERT_TRUE(d->watch_providers.has_value());
  std::vector<std::string> got;
  for (const auto& o : *d->watch_providers) {
    got.push_back(o.country + " " + o.offer_type + " " + std::to_string(o.provider_id) + " " +
                  o.provider_name.value_or("-") + " " + o.logo_path.value_or("-") + " " +
                  (o.display_priority ? std::to_string(*o.display_priority) : "-"));
  }
  // FR not asked; DE absent; "cinema" is not an offer list; the entry without
  // a provider_id is skipped with a warning naming where.
  EXPECT_EQ(got, (std::vector<std::string>{
                     "GB free 31 FreeView /f.jpg 2",
                     "US ads 40 AdReel /a.jpg -",
                     "US buy 2 Rentaplex /r2.jpg 7",
                     "US rent 2 Rentaplex /r2.jpg 7",
                     "US rent 9 Cinemart - 1",
                     "US subscription 17 Streamly /s1.jpg 3",
                 }));
  ASSERT_EQ(w.size(), 1u);
  EXPECT_NE(w[0].find("tmdb /movie/501 watch/providers results.US"), std::string::npos) << w[0];
  EXPECT_NE(w[0].find("provider_id"), std::string::npos) << w[0];
}

TEST(SourcesTmdbWatchProviders, AbsentIsNotAskedAndEmptyIsNoOffer) {
  std::vector<std::string> w;
  auto absent = DecodeTmdbDetailsWithProviders(R"({"id": 7, "name": "Tides"})", TmdbRef::Kind::kTv, {"US"},
                                               "tmdb /tv/7", &w);
  ASSERT_TRUE(absent.ok());
  ASSERT_TRUE(absent->tv.has_value());
  EXPECT_FALSE(absent->watch_providers.has_value());

  auto empty = DecodeTmdbDetailsWithProviders(R"({"id": 7, "watch/providers": {"results": {}}})",
                                              TmdbRef::Kind::kTv, {"US"}, "tmdb /tv/7", &w);
  ASSERT_TRUE(empty.ok());
  ASSERT_TRUE(empty->watch_providers.has_value());
  EXPECT_TRUE(empty->watch_providers->empty());
  EXPECT_TRUE(w.empty());

  auto malformed = DecodeTmdbDetailsWithProviders(R"({"id": 7, "watch/providers": [1]})", TmdbRef::Kind::kTv,
                                                  {"US"}, "tmdb /tv/7", &w);
  ASSERT_TRUE(malformed.ok());
  ASSERT_TRUE(malformed->watch_providers.has_value());
  EXPECT_TRUE(malformed->watch_providers->empty());
  ASSERT_EQ(w.size(), 1u);
  EXPECT_NE(w[0].find("tmdb /tv/7 watch/providers"), std::string::npos) << w[0];
}

TEST(SourcesTmdbWatchProviders, OfferTypeNames) {
  EXPECT_EQ(WatchOfferTypeOf("flatrate"), "subscription");
  EXPECT_EQ(WatchOfferTypeOf("ads"), "ads");
  EXPECT_EQ(WatchOfferTypeOf("cinema"), std::nullopt);
}

}  // namespace
}  // namespace cinelake
