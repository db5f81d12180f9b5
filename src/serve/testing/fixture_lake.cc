#include "serve/testing/fixture_lake.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "lake/schemas.h"

namespace cinelake::serve::testing {

namespace {

class Rng {  // splitmix64: tiny, portable, the same on every platform
 public:
  explicit Rng(uint64_t seed) : s_(seed) {}
  uint64_t Next() {
    uint64_t z = (s_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  int Int(int lo, int hi) { return lo + static_cast<int>(Next() % static_cast<uint64_t>(hi - lo + 1)); }
  double Unit() { return static_cast<double>(Next() >> 11) / 9007199254740992.0; }
  bool Chance(double p) { return Unit() < p; }
  template <typename T>
  const T& Pick(const std::vector<T>& v) {
    return v[Next() % v.size()];
  }

 private:
  uint64_t s_;
};

const std::vector<std::string> kAdjectives = {
    "Silent", "Crimson", "Hidden", "Last", "Broken", "Golden",    "Midnight", "Electric", "Frozen", "Wild",
    "Lost",   "Burning", "Quiet",  "Iron", "Velvet", "Shattered", "Distant",  "Hollow",   "Bright", "Savage"};
const std::vector<std::string> kNouns = {"Harbor",  "Kingdom",  "Signal",     "Orchard", "Frontier",
                                         "Witness", "Empire",   "Lighthouse", "Garden",  "Protocol",
                                         "Station", "Covenant", "Horizon",    "Archive", "Carnival",
                                         "Machine", "Valley",   "Season",     "Verdict", "Theory"};
const std::vector<std::string> kGenres = {"Action",      "Adventure", "Animation", "Comedy",  "Crime",
                                          "Documentary", "Drama",     "Family",    "Fantasy", "History",
                                          "Horror",      "Music",     "Mystery",   "Romance", "Sci-Fi",
                                          "Thriller",    "War",       "Western"};
const std::vector<std::string> kInterests = {"Psychological Thriller",
                                             "Dark Comedy",
                                             "Space Sci-Fi",
                                             "Cop Drama",
                                             "Period Drama",
                                             "Sitcom",
                                             "Mockumentary",
                                             "Zombie Horror",
                                             "Dystopian Sci-Fi",
                                             "Heist",
                                             "Coming-of-Age",
                                             "Legal Drama",
                                             "Political Thriller",
                                             "Epic",
                                             "Slasher Horror",
                                             "Teen Drama",
                                             "Whodunnit",
                                             "Superhero",
                                             "Buddy Comedy",
                                             "Survival",
                                             "Time Travel",
                                             "Medical Drama",
                                             "Workplace Drama",
                                             "Satire",
                                             "Spy"};
const std::vector<std::string> kFirst = {"Ada",   "Ben",   "Carla", "Dev",  "Elena", "Femi", "Greta", "Hiro",
                                         "Ines",  "Jonah", "Kira",  "Luis", "Maya",  "Nils", "Olu",   "Priya",
                                         "Quinn", "Rosa",  "Sami",  "Tess", "Umar",  "Vera", "Wes",   "Yara"};
const std::vector<std::string> kLast = {
    "Abbott", "Brennan", "Castillo", "Dorsey",    "Ekwueme", "Fischer",  "Gallo",     "Hartley",
    "Ibarra", "Jensen",  "Kowalski", "Lindqvist", "Moreau",  "Nakamura", "Okafor",    "Petrova",
    "Quint",  "Rahman",  "Sorensen", "Takahashi", "Ueda",    "Varga",    "Whitfield", "Zeller"};
const std::vector<std::string> kNetworks = {"NBC",  "HBO",      "Netflix",     "ABC",       "The CW",
                                            "AMC",  "Showtime", "Prime Video", "Apple TV+", "FOX",
                                            "Hulu", "BBC One",  "Disney+",     "Peacock"};
const std::vector<std::string> kCompanies = {
    "Northlight Pictures", "Granite Films", "Blue Fern Studios", "Meridian Entertainment", "Kestrel Media",
    "Paper Lantern",       "Red Orchard",   "Silver Mile",       "Tidewater Productions",  "Ember & Ash",
    "Quarry Road",         "Lumen Works",   "Harbor Street",     "Octave Films",           "Foxglove",
    "Atlas Reel",          "Cinder Block",  "Wide Angle",        "Nine Bridges",           "Copperline"};
const std::vector<std::string> kCharacters = {
    "Detective Hale", "Dr. Mirren", "The Stranger", "Captain Vos", "June",
    "Marcus",         "Agent Cole", "Mother",       "Eli",         "Queen Adaeze",
    "Sergeant Park",  "Nora",       "The Narrator", "Himself",     "Lt. Reyes"};

std::string Pad(int v, int width) {
  std::string s = std::to_string(v);
  return std::string(width > static_cast<int>(s.size()) ? width - s.size() : 0, '0') + s;
}

// Column helpers: append a value or NULL by name.
struct Rows {
  Table t;
  explicit Rows(std::string_view table) : t(TableByName(table).schema) {}
  Column& c(std::string_view name) { return t.column(name); }
  void S(std::string_view n, const std::string& v) { v.empty() ? c(n).AppendNull() : c(n).AppendString(v); }
  void I(std::string_view n, std::optional<int> v) { v ? c(n).AppendInt32(*v) : c(n).AppendNull(); }
  void L(std::string_view n, std::optional<int64_t> v) { v ? c(n).AppendInt64(*v) : c(n).AppendNull(); }
  void D(std::string_view n, std::optional<double> v) { v ? c(n).AppendDouble(*v) : c(n).AppendNull(); }
};

// Row i of an organisation dimension: <kind>_id, <kind>_name and
// <kind>_poster (its w92 logo, or null without one).
void AddOrg(Rows& rows, const std::string& kind, size_t i, const std::string& id, const std::string& name,
            bool logo) {
  rows.S(kind + "_id", id);
  rows.S(kind + "_name", name);
  rows.S(kind + "_poster",
         logo ? "https://image.tmdb.org/t/p/w92/fixture-" + kind + "-" + std::to_string(i) + ".png" : "");
}

// Bridge rows (content_id, `column`) linking the title to `n` distinct names
// drawn from `pool`, in name order.
void LinkDistinctNames(Rows& bridge, const std::string& content_id, std::string_view column,
                       const std::vector<std::string>& pool, int n, Rng& rng) {
  std::set<std::string> names;
  while (static_cast<int>(names.size()) < n) names.insert(rng.Pick(pool));
  for (const std::string& name : names) {
    bridge.S("content_id", content_id);
    bridge.S(column, name);
  }
}

struct FTitle {
  std::string id;
  bool movie = true;
  double base = 10;     // popularity level
  bool sticky = false;  // never leaves the list
  bool active = false;
  bool steady = false;  // popularity jitters around base instead of drifting
};

}  // namespace

GoldTables MakeFixtureGold(const FixtureOptions& o) {
  Rng rng(o.seed);
  GoldTables g = GoldTables::Empty();
  const Date first_day = o.last_day - (o.days - 1);
  const int64_t now_us = static_cast<int64_t>(o.last_day.days) * 86400LL * 1000000LL;

  // People: IMDB ids for cast, directors and writers; tmdb: ids for creators.
  Rows person(tables::kDimPerson);
  std::vector<std::string> cast_pool, creator_pool;
  for (int i = 0; i < 320; ++i) {
    bool tmdb = i >= 280;
    std::string id = tmdb ? "tmdb:" + std::to_string(1000 + i) : "nm" + Pad(100000 + i * 7, 7);
    std::string name = kFirst[i % kFirst.size()] + " " + kLast[(i * 7 + i / kFirst.size()) % kLast.size()];
    person.S("person_id", id);
    person.S("person_name", name);
    person.S("person_homepage", i % 5 == 0 ? "https://example.org/people/" + std::to_string(i) : "");
    person.S(
        "person_poster",
        i % 4 == 3 ? "" : "https://image.tmdb.org/t/p/w185/fixture-person-" + std::to_string(i) + ".jpg");
    (tmdb ? creator_pool : cast_pool).push_back(id);
  }
  g.dim_person = std::move(person.t);

  Rows genre(tables::kDimGenre), interest(tables::kDimInterest);
  for (const auto& n : kGenres) genre.S("genre_name", n);
  for (const auto& n : kInterests) interest.S("interest_name", n);
  g.dim_genre = std::move(genre.t);
  g.dim_interest = std::move(interest.t);

  Rows network(tables::kDimNetwork), company(tables::kDimProductionCompany);
  for (size_t i = 0; i < kNetworks.size(); ++i)
    AddOrg(network, "network", i, std::to_string(10 + i * 3), kNetworks[i], i % 3 != 2);
  for (size_t i = 0; i < kCompanies.size(); ++i)
    AddOrg(company, "company", i, std::to_string(500 + i * 11), kCompanies[i], i % 4 != 1);
  g.dim_network = std::move(network.t);
  g.dim_production_company = std::move(company.t);

  Rows content(tables::kDimContent), season(tables::kDimSeason), episode(tables::kDimEpisode);
  Rows b_genre(tables::kBridgeContentGenre), b_interest(tables::kBridgeContentInterest),
      b_person(tables::kBridgeContentPerson), b_company(tables::kBridgeContentCompany),
      b_network(tables::kBridgeContentNetwork);

  std::vector<FTitle> titles;
  for (int i = 0; i < o.titles; ++i) {
    FTitle ft;
    ft.id = "tt" + Pad(1000000 + i * 9173 % 8999999, 7);
    // Roles that keep every KPI non-empty on every day.
    enum { kPlain, kBinge, kQuick, kOncoming, kGlobal, kXss } role = kPlain;
    if (i == 7)
      role = kXss;
    else if (i % 25 == 3)
      role = kBinge;
    else if (i % 25 == 5)
      role = kQuick;
    else if (i % 25 == 9)
      role = kOncoming;
    else if (i % 25 == 11)
      role = kGlobal;
    ft.movie = role == kBinge                                        ? false
               : (role == kQuick || role == kGlobal || role == kXss) ? true
                                                                     : rng.Chance(0.58);
    ft.base = std::exp(rng.Unit() * 4.5) * 8;  // ~8 .. ~720
    if (role == kXss) {  // steady near the top: the browser test looks for it in the top 10
      ft.base = 1800;
      ft.steady = true;
    }
    ft.sticky = role != kPlain;
    ft.active = ft.sticky || i < o.titles * 4 / 5;

    std::string title =
        role == kXss ? kXssTitle
                     : (rng.Chance(0.6) ? "The " : "") + rng.Pick(kAdjectives) + " " + rng.Pick(kNouns);
    if (role != kXss && rng.Chance(0.2)) title += ": Part " + std::to_string(rng.Int(2, 4));
    if (role != kXss) title += (i % 3 == 0 ? "" : " " + std::string(1, static_cast<char>('A' + i % 26)));

    Date release = o.last_day - rng.Int(30, 12000);
    if (role == kOncoming)
      release = o.last_day + rng.Int(20, 700);
    else if (role == kPlain && rng.Chance(0.05))
      release = o.last_day + rng.Int(5, 400);
    else if (rng.Chance(0.3))
      release = o.last_day - rng.Int(10, 400);

    std::optional<double> rating = std::round((4.5 + rng.Unit() * 4.7) * 10) / 10;
    if (role == kBinge || role == kQuick) rating = std::round((7.2 + rng.Unit() * 1.6) * 10) / 10;
    if (role == kOncoming || (role == kPlain && rng.Chance(0.06))) rating = std::nullopt;
    std::optional<int> votes = static_cast<int>(std::exp(3.5 + rng.Unit() * 11));
    if (!rating) votes = std::nullopt;
    std::optional<int> runtime =
        ft.movie ? std::optional<int>(rng.Int(85, 175)) : std::optional<int>(rng.Int(22, 60));
    if (role == kQuick) runtime = rng.Int(72, 90);
    if (role == kPlain && rng.Chance(0.05)) runtime = std::nullopt;
    std::optional<int64_t> budget, revenue;
    if (ft.movie && (role == kGlobal || rng.Chance(0.7))) {
      budget = static_cast<int64_t>(rng.Int(2, 250)) * 1'000'000;
      revenue = static_cast<int64_t>(*budget * (0.2 + rng.Unit() * 4.5));
      if (role == kGlobal) revenue = static_cast<int64_t>(rng.Int(520, 2400)) * 1'000'000;
      if (release > o.last_day) revenue = 0;
    }
    std::string status =
        ft.movie
            ? (release > o.last_day ? "Post Production" : "Released")
            : (release > o.last_day
                   ? "In Production"
                   : rng.Pick(std::vector<std::string>{"Ended", "Returning Series", "Ended", "Canceled"}));
    std::string overview =
        "A " + rng.Pick(kAdjectives) + " story about a " + rng.Pick(kNouns) + " and the people who guard it.";
    if (i % 4 == 0) {
      overview +=
          " As the seasons turn, old loyalties fray, a secret surfaces in the archive, and every choice "
          "made in the dark comes back to be answered for in daylight. What began as a favour between "
          "friends becomes a reckoning that nobody in the valley can afford to ignore, least of all the one "
          "who started it.";
    }

    content.S("content_id", ft.id);
    content.S("content_type", ft.movie ? "movie" : "tvSeries");
    content.S("primary_title", title);
    content.S("original_title", i % 9 == 0 ? title + " (original)" : title);
    content.S("overview", overview);
    content.S("release_date", release.ToString());
    content.I("runtime_minutes", runtime);
    content.S("status", status);
    content.S("original_language",
              rng.Pick(std::vector<std::string>{"en", "en", "en", "fr", "ko", "es", "ja"}));
    content.S("trailer", i % 3 == 0 ? "https://www.imdb.com/video/vi" + Pad(i, 8) : "");
    content.S("content_poster",
              i % 10 == 4 ? "" : "https://image.tmdb.org/t/p/w500/fixture-" + ft.id + ".jpg");
    content.D("average_rating", rating);
    content.I("vote_count", votes);
    content.S("content_homepage", i % 2 ? "https://example.org/title/" + ft.id : "");
    content.S("tagline", i % 5 == 1 ? "" : "Every " + rng.Pick(kNouns) + " has a price.");
    content.L("budget", budget);
    content.L("revenue", revenue);
    content.c("created_at").AppendInt64(now_us - static_cast<int64_t>(o.days) * 86400LL * 1000000LL);
    content.c("updated_at").AppendInt64(now_us);

    // Genres, interests, companies, networks.
    LinkDistinctNames(b_genre, ft.id, "genre_name", kGenres, rng.Int(1, 3), rng);
    LinkDistinctNames(b_interest, ft.id, "interest_name", kInterests, rng.Int(0, 3), rng);
    std::set<int> cs;
    int nc = rng.Int(1, 3);
    while (static_cast<int>(cs.size()) < nc) cs.insert(rng.Int(0, static_cast<int>(kCompanies.size()) - 1));
    for (int c : cs) {
      b_company.S("content_id", ft.id);
      b_company.S("company_id", std::to_string(500 + c * 11));
    }
    if (!ft.movie) {
      std::set<int> ns;
      int nn = rng.Chance(0.2) ? 2 : 1;
      // Skewed choice: a few networks carry most series, as in life.
      while (static_cast<int>(ns.size()) < nn) {
        ns.insert(std::min(static_cast<int>(kNetworks.size()) - 1,
                           static_cast<int>(std::pow(rng.Unit(), 1.6) * kNetworks.size())));
      }
      for (int n : ns) {
        b_network.S("content_id", ft.id);
        b_network.S("network_id", std::to_string(10 + n * 3));
      }
    }

    // People.
    std::set<std::string> used;
    int ncast = rng.Int(3, 9);
    for (int k = 0; k < ncast; ++k) {
      std::string pid = rng.Pick(cast_pool);
      if (!used.insert(pid + "/cast").second) continue;
      b_person.S("content_id", ft.id);
      b_person.S("person_id", pid);
      b_person.S("role_type", k % 2 ? "actress" : "actor");
      std::vector<std::string> chars{rng.Pick(kCharacters)};
      if (rng.Chance(0.1)) chars.push_back(rng.Pick(kCharacters));
      if (rng.Chance(0.05)) chars.clear();
      b_person.c("character_names").AppendList(chars);
      b_person.I("order_no", k + 1);
    }
    auto crew = [&](const std::vector<std::string>& pool, const char* role, int n) {
      for (int k = 0; k < n; ++k) {
        std::string pid = rng.Pick(pool);
        if (!used.insert(pid + "/" + role).second) continue;
        b_person.S("content_id", ft.id);
        b_person.S("person_id", pid);
        b_person.S("role_type", role);
        b_person.c("character_names").AppendNull();
        b_person.I("order_no", std::nullopt);
      }
    };
    if (ft.movie) {
      crew(cast_pool, "director", rng.Chance(0.15) ? 2 : 1);
    } else {
      crew(creator_pool, "creator", rng.Chance(0.3) ? 2 : 1);
    }
    if (rng.Chance(0.4)) crew(cast_pool, "writer", 1);

    // Seasons and episodes.
    if (!ft.movie) {
      int nseasons = role == kBinge ? 1 : rng.Int(1, 6);
      bool specials = role != kBinge && rng.Chance(0.2);
      int base_rt = role == kBinge ? rng.Int(22, 40) : rng.Int(22, 58);
      Date air = release;
      for (int sn = specials ? 0 : 1; sn <= nseasons; ++sn) {
        int neps = role == kBinge ? rng.Int(5, 8) : sn == 0 ? rng.Int(1, 3) : rng.Int(6, 16);
        std::string skey = ft.id + "_S" + Pad(sn, 2);
        Date sair = sn == 0 ? release + 30 : air;
        season.S("season_key", skey);
        season.S("content_id", ft.id);
        season.I("season_number", sn);
        season.S("name", sn == 0 ? "Specials" : "Season " + std::to_string(sn));
        season.S("overview", sn == 1 ? "The first season." : "");
        season.S("air_date", sair.ToString());
        season.I("episode_count", neps);
        season.S("poster_path",
                 sn % 3 == 2 ? "" : "https://image.tmdb.org/t/p/w300/fixture-" + skey + ".jpg");
        for (int en = 1; en <= neps; ++en) {
          Date eair = sair + (en - 1) * 7;
          bool future = eair > o.last_day;
          std::string type = en == neps                       ? "finale"
                             : (neps >= 10 && en == neps / 2) ? "mid_season"
                                                              : "standard";
          episode.S("episode_key", skey + "_E" + Pad(en, 2));
          episode.S("season_key", skey);
          episode.S("content_id", ft.id);
          episode.I("season_number", sn);
          episode.I("episode_number", en);
          std::string et = "Chapter " + std::to_string(en) + ": The " + rng.Pick(kNouns);
          episode.S("primary_title", et);
          episode.S("original_title", et);
          std::optional<int> ert = base_rt + rng.Int(-3, 3);
          if (role == kPlain && rng.Chance(0.05)) ert = std::nullopt;
          if (role == kBinge) ert = std::min(*ert, 45);
          episode.I("runtime_minutes", ert);
          episode.D(
              "average_rating",
              future ? std::nullopt : std::optional<double>(std::round((6.0 + rng.Unit() * 3.5) * 10) / 10));
          episode.I("vote_count", future ? std::nullopt : std::optional<int>(rng.Int(200, 40000)));
          episode.S("still_path", en % 5 == 0 ? ""
                                              : "https://image.tmdb.org/t/p/w300/fixture-" + skey + "-" +
                                                    std::to_string(en) + ".jpg");
          episode.S("episode_type", type);
          episode.S("air_date", eair.ToString());
        }
        if (sn > 0) air = air + 365;
      }
    }
    titles.push_back(ft);
  }
  g.dim_content = std::move(content.t);
  g.dim_season = std::move(season.t);
  g.dim_episode = std::move(episode.t);
  g.bridge_content_genre = std::move(b_genre.t);
  g.bridge_content_interest = std::move(b_interest.t);
  g.bridge_content_person = std::move(b_person.t);
  g.bridge_content_company = std::move(b_company.t);
  g.bridge_content_network = std::move(b_network.t);

  // Daily facts: a random walk of popularity; titles join and leave.
  std::map<std::string, int> prev_rank, prev_rank_in_type;
  struct Chart {  // the fact's chart measures (README), every day a snapshot
    int last_day = -2, streak = 0, total = 0, peak = 0, peak_in_type = 0;
    Date peak_date, peak_date_in_type, debut;
  };
  std::map<std::string, Chart> chart;
  std::vector<double> level(titles.size());
  for (size_t i = 0; i < titles.size(); ++i) level[i] = titles[i].base;
  for (int d = 0; d < o.days; ++d) {
    Date date = first_day + d;
    if (d > 0) {
      for (size_t i = 0; i < titles.size(); ++i) {
        FTitle& t = titles[i];
        if (t.sticky) continue;
        if (t.active && rng.Chance(0.04))
          t.active = false;
        else if (!t.active && rng.Chance(0.15))
          t.active = true;
      }
    }
    struct Entry {
      size_t title;
      int64_t cents;
    };
    std::vector<Entry> on;
    for (size_t i = 0; i < titles.size(); ++i) {
      double walk =
          std::max(1.0, level[i] * std::exp((rng.Unit() - 0.5) * 0.7) * 0.97 + titles[i].base * 0.03);
      level[i] = titles[i].steady ? titles[i].base * (0.85 + 0.3 * rng.Unit()) : walk;
      if (titles[i].active) on.push_back({i, static_cast<int64_t>(std::llround(level[i] * 100))});
    }
    std::sort(on.begin(), on.end(), [&](const Entry& a, const Entry& b) {
      if (a.cents != b.cents) return a.cents > b.cents;
      return titles[a.title].id < titles[b.title].id;
    });
    Rows fact(tables::kFactPopularity);
    std::map<std::string, int> rank, rank_in_type;
    int movie_rank = 0, series_rank = 0;
    for (size_t k = 0; k < on.size(); ++k) {
      const FTitle& t = titles[on[k].title];
      rank[t.id] = static_cast<int>(k) + 1;
      rank_in_type[t.id] = t.movie ? ++movie_rank : ++series_rank;
    }
    auto emit = [&](const FTitle& t, std::optional<int> r, int64_t cents, std::optional<int> rit) {
      bool leaver = !r;
      bool joiner = r && !prev_rank.count(t.id);
      fact.S("content_id", t.id);
      fact.I("rank", r);
      fact.c("popularity").AppendInt64(cents);
      fact.I("rank_change", leaver ? 999 : joiner ? 0 : *r - prev_rank[t.id]);
      fact.c("is_new_joiner").AppendBool(joiner);
      fact.c("is_leaver").AppendBool(leaver);
      fact.S("content_type", t.movie ? "movie" : "tvSeries");
      fact.I("rank_in_type", rit);
      fact.I("rank_change_in_type", leaver ? 999 : joiner ? 0 : *rit - prev_rank_in_type[t.id]);
      if (d == 0)
        fact.c("prev_load_date").AppendNull();
      else
        fact.c("prev_load_date").AppendInt32((date - 1).days);
      Chart& ch = chart[t.id];
      if (r) {
        ch.streak = ch.last_day == d - 1 ? ch.streak + 1 : 1;
        ch.last_day = d;
        if (ch.total++ == 0) ch.debut = date;
        if (ch.total == 1 || *r < ch.peak) ch.peak = *r, ch.peak_date = date;
        if (ch.total == 1 || *rit < ch.peak_in_type) ch.peak_in_type = *rit, ch.peak_date_in_type = date;
      }
      fact.I("days_on_list", r ? ch.streak : 0);
      fact.I("total_days_on_list", ch.total);
      fact.I("peak_rank", ch.peak);
      fact.I("peak_date", ch.peak_date.days);
      fact.I("debut_date", ch.debut.days);
      fact.I("peak_rank_in_type", ch.peak_in_type);
      fact.I("peak_date_in_type", ch.peak_date_in_type.days);
    };
    for (const Entry& e : on) {
      const FTitle& t = titles[e.title];
      emit(t, rank[t.id], e.cents, rank_in_type[t.id]);
    }
    for (const FTitle& t : titles) {
      if (prev_rank.count(t.id) && !rank.count(t.id)) emit(t, std::nullopt, 0, std::nullopt);
    }
    g.fact.emplace_back(date, std::move(fact.t));
    prev_rank = std::move(rank);
    prev_rank_in_type = std::move(rank_in_type);
  }
  return g;
}

}  // namespace cinelake::serve::testing
