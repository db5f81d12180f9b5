// The decoders over fixtures in the shapes of the real imdb236 and TMDB
// answers (src/sources/testdata/real_shapes, invented values): crew inside
// `cast`, list entries carrying the detail fields, no IMDB episodes, integer
// ratings, nulls, announced seasons, appended seasons and empty /find.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "sources/imdb_decode.h"
#include "sources/tmdb_decode.h"

namespace cinelake {
namespace {

std::string Fixture(const std::string& name) {
  std::filesystem::path p =
      std::filesystem::path(CINELAKE_SOURCE_DIR) / "src/sources/testdata/real_shapes" / name;
  std::ifstream in(p, std::ios::binary);
  EXPECT_TRUE(in.good()) << "missing fixture " << p;
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Decodes fixture `name` with `decode` (one of the three-argument decoders);
// a real-shapes answer decodes without a warning.
template <typename Decode>
auto Decoded(Decode decode, const std::string& name, const std::string& where) {
  std::vector<std::string> warnings;
  auto r = decode(Fixture(name), where, &warnings);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_TRUE(warnings.empty()) << warnings.front();
  return r;
}

TEST(SourcesRealShapes, PopularListEntriesCarryTheDetailFields) {
  std::vector<std::string> warnings;
  auto list = DecodeImdbTitleList(Fixture("imdb_list.json"), "imdb list", &warnings);
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_EQ(list->size(), 3u);
  const ImdbTitle& full = (*list)[0];
  EXPECT_EQ(full.primary_title, "The Salt Harbour");
  EXPECT_EQ(full.original_title, "Le Port de Sel");
  EXPECT_EQ(full.description, "A lighthouse keeper finds a map.");
  EXPECT_EQ(full.primary_image, "https://m.media-amazon.com/images/M/salt-harbour.jpg");
  EXPECT_EQ(full.release_date, "2025-03-14");
  EXPECT_EQ(full.runtime_minutes, 118);
  EXPECT_EQ(full.average_rating, 7.4);
  EXPECT_EQ(full.num_votes, 51234);
  EXPECT_EQ(full.budget, 12000000);
  EXPECT_EQ(full.gross_worldwide, 48000000);
  EXPECT_EQ(full.genres, (std::vector<std::string>{"Adventure", "Drama"}));
  EXPECT_EQ(full.interests, (std::vector<std::string>{"Sea Adventure", "Drama"}));
  EXPECT_TRUE(full.cast.empty());  // lists carry no people
  // An integer rating is a rating.
  EXPECT_EQ((*list)[1].average_rating, 8.0);
  EXPECT_EQ((*list)[1].budget, std::nullopt);
  // Every field null: decoded as missing, without a warning.
  const ImdbTitle& bare = (*list)[2];
  EXPECT_EQ(bare.primary_title, "Untitled Orchard Project");
  EXPECT_EQ(bare.primary_image, std::nullopt);
  EXPECT_EQ(bare.average_rating, std::nullopt);
  EXPECT_EQ(bare.release_date, std::nullopt);
  EXPECT_TRUE(bare.genres.empty());
  EXPECT_TRUE(warnings.empty()) << warnings.front();
}

TEST(SourcesRealShapes, CastCarriesTheCrewOneEntryPerJob) {
  std::vector<std::string> warnings;
  auto t = DecodeImdbTitle(Fixture("imdb_title.json"), "imdb /tt9100001", &warnings);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  ASSERT_EQ(t->cast.size(), 9u);
  std::vector<std::string> jobs;
  for (const auto& c : t->cast) jobs.push_back(c.job.value_or("?"));
  EXPECT_EQ(jobs, (std::vector<std::string>{"actress", "actor", "director", "writer", "writer", "producer",
                                            "composer", "actress", "cinematographer"}));
  EXPECT_EQ(t->cast[2].id, "nm9200001");
  EXPECT_EQ(t->cast[2].primary_image, "https://m.media-amazon.com/images/M/odile.jpg");
  EXPECT_EQ(t->cast[1].characters, (std::vector<std::string>{"The Keeper", "Narrator"}));
  EXPECT_TRUE(t->cast[6].characters.empty());  // null characters
  ASSERT_EQ(t->directors.size(), 1u);
  EXPECT_EQ(t->directors[0].full_name, "Odile Marchetti");
  EXPECT_EQ(t->writers.size(), 2u);
  EXPECT_TRUE(t->episodes.empty());
  EXPECT_TRUE(warnings.empty()) << warnings.front();
}

TEST(SourcesRealShapes, SeriesDetailHasNoEpisodesAndAnIntegerRating) {
  auto t = Decoded(DecodeImdbTitle, "imdb_series.json", "imdb /tt9100050");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->type, "tvSeries");
  EXPECT_EQ(t->average_rating, 8.0);
  EXPECT_TRUE(t->episodes.empty());
  EXPECT_TRUE(t->directors.empty());
  EXPECT_EQ(t->cast.size(), 1u);
}

TEST(SourcesRealShapes, TmdbMovieWithAnIntegerVoteAverage) {
  auto m = Decoded(DecodeTmdbMovie, "tmdb_movie.json", "tmdb /movie/910001");
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->imdb_id, "tt9100001");
  EXPECT_EQ(m->popularity, 88.125);
  EXPECT_EQ(m->budget, 12000000);
  EXPECT_EQ(m->revenue, 48000000);
  ASSERT_EQ(m->production_companies.size(), 1u);
  EXPECT_EQ(m->production_companies[0].logo_path, std::nullopt);
  // The pass-through fields, blank text kept as sent.
  EXPECT_EQ(m->details.Text("original_language"), "fr");
  EXPECT_EQ(m->details.Text("status"), "Released");
  EXPECT_EQ(m->details.Text("tagline"), "");
  EXPECT_EQ(m->details.Text("homepage"), "");
}

TEST(SourcesRealShapes, TmdbTvRuntimeCreatorsAndAnAnnouncedSeason) {
  auto tv = Decoded(DecodeTmdbTv, "tmdb_tv.json", "tmdb /tv/950001");
  ASSERT_TRUE(tv.ok());
  EXPECT_EQ(tv->episode_run_time, (std::vector<int32_t>{52, 48}));
  ASSERT_EQ(tv->created_by.size(), 2u);
  EXPECT_EQ(tv->created_by[0].profile_path, "/cMarenHolt.jpg");
  EXPECT_EQ(tv->created_by[1].profile_path, std::nullopt);
  ASSERT_EQ(tv->seasons.size(), 4u);
  EXPECT_EQ(tv->seasons[2].vote_average, 8.0);
  const TmdbSeasonSummary& announced = tv->seasons[3];
  EXPECT_EQ(announced.season_number, 3);
  EXPECT_EQ(announced.air_date, std::nullopt);
  EXPECT_EQ(announced.episode_count, 0);
  EXPECT_EQ(announced.poster_path, std::nullopt);
  EXPECT_EQ(tv->details.Text("homepage"), "https://example.org/night-ferry");
  EXPECT_EQ(tv->details.Text("status"), "Returning Series");

  auto bare = Decoded(DecodeTmdbTv, "tmdb_tv_no_creators.json", "tmdb /tv/950002");
  ASSERT_TRUE(bare.ok());
  EXPECT_TRUE(bare->created_by.empty());
  EXPECT_TRUE(bare->episode_run_time.empty());
  EXPECT_EQ(bare->popularity, 3.0);
  EXPECT_EQ(bare->details.Find("tagline"), nullptr);  // null
  EXPECT_EQ(bare->details.Text("status"), "Planned");
}

TEST(SourcesRealShapes, TmdbSeasonEpisodesCarryVotesAndNullRuntimes) {
  auto s = Decoded(DecodeTmdbSeason, "tmdb_season.json", "tmdb /tv/950001/season/2");
  ASSERT_TRUE(s.ok());
  ASSERT_EQ(s->episodes.size(), 3u);
  EXPECT_EQ(s->episodes[0].vote_count, 16);
  EXPECT_EQ(s->episodes[0].vote_average, 7.625);
  EXPECT_EQ(s->episodes[0].runtime, 54);
  EXPECT_EQ(s->episodes[1].vote_average, 8.0);
  EXPECT_EQ(s->episodes[1].episode_type, "mid_season");
  EXPECT_EQ(s->episodes[2].runtime, std::nullopt);       // not aired yet
  EXPECT_EQ(s->episodes[2].episode_type, std::nullopt);  // older captures lack it
}

TEST(SourcesRealShapes, SeasonsAppendedToTheTvDetail) {
  std::vector<std::string> warnings;
  auto d = DecodeTmdbTvWithSeasons(Fixture("tmdb_tv_with_seasons.json"), "tmdb /tv/950001", &warnings);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  ASSERT_TRUE(d->tv.has_value());
  EXPECT_EQ(d->tv->name, "Night Ferry");
  ASSERT_EQ(d->seasons.size(), 2u);
  EXPECT_EQ(d->seasons[0].season_number, 1);
  EXPECT_EQ(d->seasons[0].episodes.size(), 1u);
  EXPECT_EQ(d->seasons[1].season_number, 2);
  EXPECT_EQ(d->seasons[1].episodes.size(), 3u);
  EXPECT_EQ(d->seasons[1].episodes[0].vote_count, 16);
  EXPECT_TRUE(warnings.empty()) << warnings.front();

  // A plain detail answer has no appended seasons.
  auto plain = DecodeTmdbTvWithSeasons(Fixture("tmdb_tv.json"), "tmdb /tv/950001", &warnings);
  ASSERT_TRUE(plain.ok());
  EXPECT_TRUE(plain->seasons.empty());
}

TEST(SourcesRealShapes, FindAnswersWithAndWithoutMediaTypeAndEmpty) {
  std::vector<std::string> warnings;
  auto tv = DecodeTmdbFind(Fixture("tmdb_find.json"), false, "tmdb /find", &warnings);
  ASSERT_TRUE(tv.ok());
  EXPECT_EQ(*tv, (TmdbRef{TmdbRef::Kind::kTv, 950001}));
  auto movie = DecodeTmdbFind(Fixture("tmdb_find_no_media_type.json"), true, "tmdb /find", &warnings);
  ASSERT_TRUE(movie.ok());
  EXPECT_EQ(*movie, (TmdbRef{TmdbRef::Kind::kMovie, 910001}));
  // An unknown id is a 200 with empty lists: no mapping, no error.
  auto none = DecodeTmdbFind(Fixture("tmdb_find_empty.json"), false, "tmdb /find", &warnings);
  ASSERT_TRUE(none.ok()) << none.status().ToString();
  EXPECT_EQ(*none, std::nullopt);
  EXPECT_TRUE(warnings.empty()) << warnings.front();
}

}  // namespace
}  // namespace cinelake
