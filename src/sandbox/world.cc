// Building the sandbox world: people, companies, networks and titles.
//
// Every title draws from its own Rng seeded by (seed, kind, cohort, slot), so
// adding a title never shifts another one, and ids follow fixed formulas so
// they stay unique and look like the real ones (tt + 7-8 digits, nm + 7).
#include "sandbox/world.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "sandbox/rng.h"
#include "sandbox/vocabulary.h"

namespace cinelake::sandbox {
namespace {

constexpr int kPeople = 6000;
constexpr int kCompanies = 120;
constexpr int kEvergreenMovies = 260;
constexpr int kEvergreenSeries = 130;
constexpr int kBlockDays = 28;
constexpr int kMoviesPerBlock = 10;
constexpr int kSeriesPerBlock = 5;

Date CohortStart() {
  return Date::FromYmd(2012, 1, 1);
}
Date CohortEnd() {
  return Date::FromYmd(2045, 12, 31);
}

std::string RandomToken(Rng& r, int n) {
  std::string s;
  s.reserve(n);
  for (int i = 0; i < n; ++i) s += vocab::kBase62[r.Next() % vocab::kBase62.size()];
  return s;
}

std::string RandomVideoId(Rng& r) {
  static constexpr std::string_view kChars =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string s;
  for (int i = 0; i < 11; ++i) s += kChars[r.Next() % kChars.size()];
  return s;
}

template <typename T>
const T& Pick(Rng& r, std::span<const T> items) {
  return items[r.Next() % items.size()];
}

std::string Pad(const char* prefix, int width, long long n) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s%0*lld", prefix, width, n);
  return buf;
}

// Picks `count` distinct values in [0, n) skewed towards 0, in pick order.
std::vector<int> PickDistinct(Rng& r, int n, int count, double power) {
  std::vector<int> out;
  for (int guard = 0; static_cast<int>(out.size()) < count && guard < count * 20; ++guard) {
    int v = r.Skewed(n, power);
    if (std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
  }
  return out;
}

std::string MakeTitleText(Rng& r) {
  auto adj = vocab::Adjectives();
  auto noun = vocab::Nouns();
  auto last = vocab::LastNames();
  std::string a(Pick(r, adj)), n(Pick(r, noun)), n2(Pick(r, noun));
  switch (r.Int(0, 7)) {
    case 0: return "The " + a + " " + n;
    case 1: return n + " of the " + a + " " + n2;
    case 2: return a + " " + n;
    case 3: return "The " + n;
    case 4: return std::string(Pick(r, last)) + "'s " + n;
    case 5: return n + ": " + a + " " + n2;
    case 6: return n + " " + std::to_string(r.Int(2, 4));
    default: return a + " " + n + "s";
  }
}

std::string MakeOverview(Rng& r) {
  std::string s = "When " + std::string(Pick(r, vocab::Roles())) + " discovers " +
                  std::string(Pick(r, vocab::Discoveries())) + ", they must " +
                  std::string(Pick(r, vocab::Goals())) + " before " +
                  std::string(Pick(r, vocab::Deadlines())) + ".";
  int extra = r.Skewed(5, 1.6);
  for (int i = 0; i < extra; ++i) s += " " + std::string(Pick(r, vocab::ExtraSentences()));
  return s;
}

std::string LanguageFor(Rng& r) {
  double u = r.Uniform();
  if (u < 0.70) return "en";
  if (u < 0.76) return "fr";
  if (u < 0.82) return "ja";
  if (u < 0.88) return "ko";
  if (u < 0.93) return "es";
  if (u < 0.97) return "de";
  return "hi";
}

std::string CountryFor(const std::string& language, Rng& r) {
  if (language == "fr") return "FR";
  if (language == "ja") return "JP";
  if (language == "ko") return "KR";
  if (language == "es") return r.Chance(0.5) ? "ES" : "MX";
  if (language == "de") return "DE";
  if (language == "hi") return "IN";
  return r.Chance(0.75) ? "US" : (r.Chance(0.5) ? "GB" : "CA");
}

}  // namespace

std::string DayString(int32_t day) {
  return Date{day}.ToString();
}

World::World(uint64_t seed) : seed_(seed) {
  Build();
}
World::~World() = default;

void World::Build() {
  BuildPools();
  // Evergreen titles first (the special ones lead each kind), then cohorts.
  for (int i = 0; i < kEvergreenMovies; ++i) NewTitle(Kind::kMovie, true, i, 0, 0);
  for (int i = 0; i < kEvergreenSeries; ++i) NewTitle(Kind::kSeries, true, i, 0, 0);
  int blocks = (CohortEnd() - CohortStart()) / kBlockDays;
  for (int b = 0; b < blocks; ++b) {
    for (int s = 0; s < kMoviesPerBlock + kSeriesPerBlock; ++s) {
      NewTitle(s < kMoviesPerBlock ? Kind::kMovie : Kind::kSeries, false, 0, b, s);
    }
  }
  AddSpecialTitles();
  for (const Title& t : titles_) {
    by_imdb_.emplace(t.imdb_id, t.index);
    by_tmdb_[static_cast<int>(t.kind)].emplace(t.tmdb_id, t.index);
  }
  for (int k = 0; k < 2; ++k) {
    for (const auto& [id, index] : by_tmdb_[k]) by_kind_sorted_[k].push_back(index);
  }
}

void World::BuildPools() {
  Rng r(Hash(seed_, 0x9e0e1eULL));
  people_.reserve(kPeople);
  for (int i = 0; i < kPeople; ++i) {
    Person p;
    p.female = r.Chance(0.5);
    p.name = std::string(Pick(r, p.female ? vocab::FemaleFirstNames() : vocab::MaleFirstNames())) + " " +
             std::string(Pick(r, vocab::LastNames()));
    p.imdb_id = Pad("nm", 7, 100000 + static_cast<long long>(i) * 149);
    p.tmdb_id = 10000 + static_cast<int64_t>(i) * 53;
    if (r.Chance(0.8)) {
      p.image_url = "https://m.media-amazon.com/images/M/MV5B" + RandomToken(r, 32) + "._V1_.jpg";
    }
    if (r.Chance(0.7)) p.profile_path = "/" + RandomToken(r, 27) + ".jpg";
    people_.push_back(std::move(p));
  }

  // Companies: every prefix x suffix, in a seeded order.
  std::vector<std::string> names;
  for (auto p : vocab::CompanyPrefixes()) {
    for (auto s : vocab::CompanySuffixes()) names.push_back(std::string(p) + " " + std::string(s));
  }
  for (size_t i = names.size(); i > 1; --i) std::swap(names[i - 1], names[r.Next() % i]);
  static constexpr std::string_view kCountries[] = {"US", "US", "US", "GB", "FR",
                                                    "JP", "KR", "DE", "ES", "CA"};
  for (int i = 0; i < kCompanies && i < static_cast<int>(names.size()); ++i) {
    Company c;
    c.id = 1000 + static_cast<int64_t>(i) * 41;
    c.imdb_id = Pad("co", 7, 10000 + static_cast<long long>(i) * 113);
    c.name = names[i];
    if (r.Chance(0.75)) c.logo_path = "/" + RandomToken(r, 27) + ".png";
    c.country = std::string(kCountries[r.Next() % std::size(kCountries)]);
    companies_.push_back(std::move(c));
  }
  int n = 0;
  for (auto name : vocab::NetworkNames()) {
    Company c;
    c.id = 10 + static_cast<int64_t>(n++) * 29;
    c.name = std::string(name);
    if (r.Chance(0.95)) c.logo_path = "/" + RandomToken(r, 27) + ".png";
    c.country = std::string(kCountries[r.Next() % std::size(kCountries)]);
    networks_.push_back(std::move(c));
  }

  int g = 0;
  for (const auto& genre : vocab::Genres()) {
    for (auto in : genre.interests) {
      if (std::find(interests_.begin(), interests_.end(), in) == interests_.end()) {
        interests_.emplace_back(in);
        interest_genre_.push_back(g);
      }
    }
    ++g;
  }
}

Title& World::NewTitle(Kind kind, bool evergreen, int kind_index, int block, int slot) {
  Title t;
  t.index = static_cast<int>(titles_.size());
  t.kind = kind;
  t.evergreen = evergreen;
  bool movie = kind == Kind::kMovie;
  t.key = Hash(seed_, movie ? 1 : 2, evergreen ? 1 : 2, evergreen ? kind_index : block, evergreen ? 0 : slot);
  Rng r(t.key);
  if (evergreen) {
    t.imdb_id = Pad("tt", 7, (movie ? 110000 : 120001) + static_cast<long long>(kind_index) * 2311);
    t.tmdb_id = movie ? 1000 + kind_index * 131 : 1000 + kind_index * 97;
    int32_t lo = Date::FromYmd(1975, 1, 1).days, hi = Date::FromYmd(2011, 12, 1).days;
    double u = r.Uniform();
    t.release_day = lo + static_cast<int32_t>((hi - lo) * (1.0 - u * u));
    t.announce_day = t.release_day - r.Int(90, 500);
  } else {
    t.imdb_id = Pad("tt", 8, 10000000 + static_cast<long long>(block) * 64 + slot * 4 + 3);
    t.tmdb_id = movie ? 300000 + static_cast<int64_t>(block) * 2000 + slot * 137 + 11
                      : 80000 + static_cast<int64_t>(block) * 500 + (slot - kMoviesPerBlock) * 41 + 7;
    t.announce_day = CohortStart().days + block * kBlockDays + r.Int(0, kBlockDays - 1);
    bool tentpole = movie && slot == 0;
    t.release_day = t.announce_day + (tentpole ? r.Int(150, 260) : movie ? r.Int(20, 420) : r.Int(40, 300));
    t.sticky_until_release = tentpole;
  }
  Populate(t, r.Next());
  if (!evergreen && movie && slot == 0) {  // tentpole: big money, big buzz
    t.budget = static_cast<int64_t>(r.Uniform(1.5e8, 3.0e8) / 1e5) * 100000;
    t.revenue = static_cast<int64_t>(r.Uniform(5.2e8, 2.4e9));
    t.hype = r.Uniform(2.2, 3.2);
    t.bump = r.Uniform(3.0, 4.0);
  }
  if (!evergreen && !movie && slot == kMoviesPerBlock) {  // the block's hyped series
    t.hype = r.Uniform(1.8, 3.0);
    t.bump = r.Uniform(2.5, 3.6);
  }
  titles_.push_back(std::move(t));
  return titles_.back();
}

void World::Populate(Title& t, uint64_t salt) {
  Rng r(Hash(t.key, salt));
  bool movie = t.kind == Kind::kMovie;
  auto genres = vocab::Genres();

  int ng = r.Int(1, 3);
  for (int v : PickDistinct(r, static_cast<int>(genres.size()), ng, 1.0)) t.genres.push_back(v);
  if (movie && r.Chance(0.97)) {  // documentaries are rare among popular movies
    for (int& g : t.genres) {
      if (genres[g].imdb_name == "Documentary") g = 7;  // Drama
    }
    std::sort(t.genres.begin(), t.genres.end());
    t.genres.erase(std::unique(t.genres.begin(), t.genres.end()), t.genres.end());
  }
  int ni = r.Int(1, 3);
  for (int i = 0; i < ni; ++i) {
    const auto& g = genres[t.genres[r.Next() % t.genres.size()]];
    std::string_view name = g.interests[r.Next() % g.interests.size()];
    int idx = static_cast<int>(std::find(interests_.begin(), interests_.end(), name) - interests_.begin());
    if (std::find(t.interests.begin(), t.interests.end(), idx) == t.interests.end()) {
      t.interests.push_back(idx);
    }
  }

  t.primary_title = MakeTitleText(r);
  t.original_language = LanguageFor(r);
  t.original_title = t.primary_title;
  auto native = vocab::NativeWords(t.original_language);
  if (!native.empty() && r.Chance(0.7)) {
    std::string a(Pick(r, native)), b(Pick(r, native));
    if (t.original_language == "ja")
      t.original_title = a == b ? a : a + "の" + b;
    else
      t.original_title = a == b ? a : a + " " + b;
  }
  t.country = CountryFor(t.original_language, r);
  t.overview = MakeOverview(r);
  if (r.Chance(0.65)) t.tagline = std::string(Pick(r, vocab::Taglines()));
  if (r.Chance(0.6)) {
    std::string slug;
    for (char c : t.primary_title) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
        slug += c;
      else if (c >= 'A' && c <= 'Z')
        slug += static_cast<char>(c - 'A' + 'a');
    }
    t.homepage = "https://" + (slug.empty() ? std::string("title") : slug) + ".example.com/";
  }
  static constexpr std::string_view kMovieRatings[] = {"G", "PG", "PG-13", "PG-13", "R", "R"};
  static constexpr std::string_view kTvRatings[] = {"TV-PG", "TV-14", "TV-14", "TV-MA"};
  t.content_rating = movie ? std::string(kMovieRatings[r.Next() % 6]) : std::string(kTvRatings[r.Next() % 4]);
  if (r.Chance(0.92))
    t.primary_image = "https://m.media-amazon.com/images/M/MV5B" + RandomToken(r, 32) + "._V1_.jpg";
  if (r.Chance(0.95)) t.poster_path = "/" + RandomToken(r, 27) + ".jpg";
  if (r.Chance(0.8)) t.backdrop_path = "/" + RandomToken(r, 27) + ".jpg";
  if (r.Chance(0.8)) t.trailer = "https://www.youtube.com/watch?v=" + RandomVideoId(r);

  t.rating = std::round(std::clamp(r.Normal(6.6, 0.9), 2.8, 9.3) * 10.0) / 10.0;
  t.vote_scale = std::max(50.0, std::exp(r.Normal(t.evergreen ? 10.5 : 9.5, 1.3)));
  if (movie && r.Chance(0.6)) t.metascore = r.Int(25, 95);
  t.runtime_known_before_release = r.Chance(0.6);

  if (movie) {
    t.type = "movie";
    t.runtime = r.Chance(0.12) ? r.Int(75, 90) : static_cast<int>(std::clamp(r.Normal(112, 20), 70.0, 200.0));
    if (r.Chance(0.02)) t.runtime = 0;
    if (r.Chance(0.9)) {
      t.budget = static_cast<int64_t>(std::clamp(std::exp(r.Normal(17.2, 1.1)), 2e5, 3.2e8) / 1e5) * 100000;
      t.revenue = static_cast<int64_t>(static_cast<double>(t.budget) * std::exp(r.Normal(0.7, 1.0)));
    } else if (r.Chance(0.5)) {
      t.revenue = static_cast<int64_t>(std::exp(r.Normal(16.5, 1.5)));
    }
  } else {
    bool mini = r.Chance(0.04);
    t.type = mini ? "tvMiniSeries" : "tvSeries";
    bool limited = mini || r.Chance(0.18);
    t.episode_titles_generic = r.Chance(0.25);
    int32_t air = t.release_day;
    if (limited) {
      t.runtime = r.Int(24, 44);
      Season s{1, air, r.Int(6, 10), r.Chance(0.5) ? 0 : 7, ""};
      if (r.Chance(0.85)) s.poster_path = "/" + RandomToken(r, 27) + ".jpg";
      t.seasons.push_back(s);
      t.ended = true;
    } else {
      static constexpr int kRuntimes[] = {22, 25, 30, 42, 44, 50, 55, 60};
      t.runtime = kRuntimes[r.Next() % 8];
      bool streaming = r.Chance(0.5);
      int n = 1 + r.Skewed(7, t.evergreen ? 0.8 : 1.5);
      for (int i = 1; i <= n; ++i) {
        Season s{i, air, streaming ? r.Int(6, 10) : r.Int(10, 22), streaming && r.Chance(0.6) ? 0 : 7, ""};
        if (r.Chance(0.85)) s.poster_path = "/" + RandomToken(r, 27) + ".jpg";
        t.seasons.push_back(s);
        air += std::max(s.spacing_days * s.episode_count, 0) + r.Int(300, 600);
      }
      t.ended = r.Chance(0.5);
    }
    if (r.Chance(0.12)) {  // specials
      Season s0{0, t.release_day + r.Int(30, 200), r.Int(1, 3), 0, ""};
      t.seasons.insert(t.seasons.begin(), s0);
    }
  }

  int nd = movie ? (r.Chance(0.9) ? 1 : 2) : r.Int(1, 3);
  t.directors = PickDistinct(r, kPeople, nd, 1.6);
  t.writers = PickDistinct(r, kPeople, r.Int(1, 3), 1.6);
  if (!movie) t.creators = PickDistinct(r, kPeople, r.Chance(0.7) ? 1 : 2, 1.6);
  int nc = r.Int(6, 14);
  for (int p : PickDistinct(r, kPeople, nc, 1.8)) {
    CastMember m;
    m.person = p;
    auto first = people_[p].female ? vocab::FemaleFirstNames() : vocab::MaleFirstNames();
    double u = r.Uniform();
    if (u < 0.05)
      m.characters.push_back(people_[p].female ? "Herself" : "Himself");
    else if (u < 0.12)
      m.characters.push_back("Detective " + std::string(Pick(r, vocab::LastNames())));
    else if (u < 0.16)
      m.characters.push_back("Narrator (voice)");
    else
      m.characters.push_back(std::string(Pick(r, first)) + " " + std::string(Pick(r, vocab::LastNames())));
    if (r.Chance(0.08)) m.characters.push_back("Young " + std::string(Pick(r, first)));
    t.cast.push_back(std::move(m));
  }
  t.companies = PickDistinct(r, static_cast<int>(companies_.size()), r.Int(1, 4), 1.5);
  if (!movie) {
    t.networks = PickDistinct(r, static_cast<int>(networks_.size()), r.Chance(0.85) ? 1 : 2, 1.4);
  }

  if (t.evergreen) {
    t.base = r.Normal(1.2, 0.95);
    t.trend = r.Normal(0.0, 0.04);
    t.hype = 0.5;
    t.bump = r.Uniform(1.0, 2.5);
  } else {
    t.base = r.Normal(0.7, 0.7);
    t.trend = r.Normal(-0.05, 0.05);
    t.hype = r.Uniform(0.5, 2.2);
    t.bump = r.Uniform(1.4, 3.6);
  }
  t.tau = r.Uniform(8, 45);
  t.season_bump = r.Uniform(0.8, 2.4);
  t.weekly_amp = r.Uniform(0.02, 0.12);
  t.weekly_phase = r.Uniform(0, 7);
  t.imdb_bias = r.Normal(0, 0.2);
  if (t.type != "tvMiniSeries" && r.Chance(0.03)) t.tmdb_id_style = r.Chance(0.5) ? 1 : 2;
}

namespace {

// One guaranteed list member. Empty type or original title keep the generated
// type / the primary title; runtime 0 keeps the generated runtime.
struct SpecialTitle {
  int index;  // into the title table
  std::string_view type, primary_title, original_title, language, country;
  double rating;
  int runtime;
};

constexpr int kSeries0 = kEvergreenMovies;  // first evergreen series
constexpr SpecialTitle kSpecialTitles[] = {
    {0, "", World::kXssTitle, "", "en", "US", 6.9, 101},
    {1, "", "Amélie", "Le Fabuleux Destin d'Amélie Poulain", "fr", "FR", 8.3, 122},
    {2, "", "千と千尋の神隠し", "", "ja", "JP", 8.6, 125},
    {3, "", "Paper Lanterns", "", "en", "GB", 7.6, 84},
    {4, "", "Starfall Dominion", "", "en", "US", 7.8, 148},
    {kSeries0, "tvSeries", "The Quiet Lighthouse", "", "en", "GB", 8.2, 38},
    {kSeries0 + 1, "tvSeries", "그림자 도시", "", "ko", "KR", 8.0, 0},
};

}  // namespace

void World::AddSpecialTitles() {
  // Evergreen movies 0..4 and series 0..1 become the guaranteed list members.
  for (const SpecialTitle& s : kSpecialTitles) {
    Title& t = titles_[s.index];
    t.sticky = true;
    t.runtime_known_before_release = true;
    if (!s.type.empty()) t.type = std::string(s.type);
    t.primary_title = std::string(s.primary_title);
    t.original_title = std::string(s.original_title.empty() ? s.primary_title : s.original_title);
    t.original_language = std::string(s.language);
    t.country = std::string(s.country);
    t.rating = s.rating;
    if (s.runtime != 0) t.runtime = s.runtime;
  }

  Title& blockbuster = titles_[4];
  blockbuster.budget = 260000000;
  blockbuster.revenue = 1934512877;

  Title& binge = titles_[kSeries0];
  binge.ended = true;
  binge.seasons = {Season{1, binge.release_day, 8, 7, "/" + std::string("qLh8mZ2xV4pR7sT1nW3yK6bD9fA.jpg")}};
}

const Title* World::FindImdb(std::string_view imdb_id) const {
  auto it = by_imdb_.find(imdb_id);
  return it == by_imdb_.end() ? nullptr : &titles_[it->second];
}

const Title* World::FindTmdb(Kind kind, int64_t tmdb_id) const {
  const auto& m = by_tmdb_[static_cast<int>(kind)];
  auto it = m.find(tmdb_id);
  return it == m.end() ? nullptr : &titles_[it->second];
}

std::vector<const Title*> World::AnnouncedTitles(Kind kind, Date date) const {
  std::vector<const Title*> out;
  for (int i : by_kind_sorted_[static_cast<int>(kind)]) {
    if (Announced(titles_[i], date)) out.push_back(&titles_[i]);
  }
  return out;
}

}  // namespace cinelake::sandbox
