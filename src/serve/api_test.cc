// Tests of the dashboard's computations (dashboard.md) on in-memory gold tables.
#include "serve/api.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <variant>

#include "lake/schemas.h"
#include "serve/display_text.h"
#include "serve/rules_kpis.h"
#include "serve/testing/fixture_lake.h"

namespace cinelake::serve {
namespace {

using json = nlohmann::json;
using Val = std::variant<std::monostate, int64_t, double, std::string, bool>;

// Appends one row by column name; unnamed columns are NULL.
void Add(Table& t, std::initializer_list<std::pair<const char*, Val>> cells) {
  for (size_t c = 0; c < t.num_columns(); ++c) {
    const Field& f = t.schema().field(c);
    Column& col = t.column(c);
    const Val* v = nullptr;
    for (const auto& [name, val] : cells) {
      if (f.name == name) v = &val;
    }
    if (v == nullptr || std::holds_alternative<std::monostate>(*v)) {
      col.AppendNull();
      continue;
    }
    switch (f.type) {
      case DataType::kBool: col.AppendBool(std::get<bool>(*v)); break;
      case DataType::kInt32:
      case DataType::kDate: col.AppendInt32(static_cast<int32_t>(std::get<int64_t>(*v))); break;
      case DataType::kInt64:
      case DataType::kTimestamp:
      case DataType::kDecimal: col.AppendInt64(std::get<int64_t>(*v)); break;
      case DataType::kDouble: col.AppendDouble(std::get<double>(*v)); break;
      case DataType::kString: col.AppendString(std::get<std::string>(*v)); break;
      case DataType::kStringList: col.AppendList({std::get<std::string>(*v)}); break;
    }
  }
}

const Date kToday = Date::FromYmd(2026, 2, 23);
const Date kYesterday = Date::FromYmd(2026, 2, 21);  // a missed day: yesterday is the latest earlier snapshot

struct FactSpec {
  std::string id;
  std::optional<int64_t> rank;
  int64_t cents;
  int64_t change;
  bool joiner = false, leaver = false;
};

Table Fact(const std::vector<FactSpec>& rows) {
  Table t(TableByName(tables::kFactPopularity).schema);
  for (const auto& r : rows) {
    Add(t, {{"content_id", r.id},
            {"rank", r.rank ? Val(*r.rank) : Val()},
            {"popularity", r.cents},
            {"rank_change", r.change},
            {"is_new_joiner", r.joiner},
            {"is_leaver", r.leaver}});
  }
  return t;
}

void Title(GoldTables& g, const std::string& id, const std::string& type, const std::string& name,
           std::optional<double> rating, std::optional<int64_t> votes, std::optional<int64_t> runtime,
           const std::string& release = "2020-01-01", std::optional<int64_t> revenue = std::nullopt,
           std::optional<int64_t> budget = std::nullopt, const std::string& status = "") {
  Add(g.dim_content, {{"content_id", id},
                      {"content_type", type},
                      {"primary_title", name},
                      {"release_date", release},
                      {"average_rating", rating ? Val(*rating) : Val()},
                      {"vote_count", votes ? Val(*votes) : Val()},
                      {"runtime_minutes", runtime ? Val(*runtime) : Val()},
                      {"revenue", revenue ? Val(*revenue) : Val()},
                      {"budget", budget ? Val(*budget) : Val()},
                      {"status", status.empty() ? Val() : Val(status)}});
}

void Episodes(GoldTables& g, const std::string& id, int season, const std::vector<int64_t>& runtimes,
              const std::string& last_type = "finale") {
  std::string sk = id + "_S0" + std::to_string(season);
  Add(g.dim_season, {{"season_key", sk},
                     {"content_id", id},
                     {"season_number", int64_t{season}},
                     {"episode_count", static_cast<int64_t>(runtimes.size())}});
  for (size_t i = 0; i < runtimes.size(); ++i) {
    std::string type = i + 1 == runtimes.size() ? last_type : (i == 1 ? "mid_season" : "standard");
    Add(g.dim_episode, {{"episode_key", sk + "_E0" + std::to_string(i + 1)},
                        {"season_key", sk},
                        {"content_id", id},
                        {"season_number", int64_t{season}},
                        {"episode_number", static_cast<int64_t>(i + 1)},
                        {"runtime_minutes", runtimes[i]},
                        {"average_rating", 8.0},
                        {"episode_type", type},
                        {"air_date", "2024-0" + std::to_string(season) + "-1" + std::to_string(i)}});
  }
}

// A small world covering each definition's boundary.
GoldTables World() {
  GoldTables g = GoldTables::Empty();
  // Binge: avg <= 45 and total <= 480, rated >= 7.
  Title(g, "tt01", "tvSeries", "Binge Yes", 7.0, 500, 30);
  Episodes(g, "tt01", 1, {45, 45, 45});  // avg 45, total 135
  Title(g, "tt02", "tvSeries", "Binge Long Episodes", 8.0, 400, 46);
  Episodes(g, "tt02", 1, {46, 46});  // avg 46
  Title(g, "tt03", "tvSeries", "Binge Too Long Overall", 9.0, 300, 40);
  Episodes(g, "tt03", 1, {40, 40, 40, 40, 40, 40});     // 240
  Episodes(g, "tt03", 2, {40, 40, 40, 40, 40, 40, 1});  // 281 -> 521 total
  Title(g, "tt04", "tvSeries", "Binge Low Rating", 6.9, 100, 20);
  Episodes(g, "tt04", 1, {20, 20});
  Title(g, "tt05", "tvSeries", "Binge At Total Limit", 7.5, 100, 40);
  Episodes(g, "tt05", 1, {40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40});  // exactly 480
  // Quick watch.
  Title(g, "tt10", "movie", "Quick 90", 7.0, 1000, 90);
  Title(g, "tt11", "movie", "Quick 91", 8.0, 2000, 91);
  Title(g, "tt12", "movie", "Quick No Runtime", 8.0, 3000, std::nullopt);
  Title(g, "tt13", "movie", "Quick Low Rating", 6.99, 4000, 80);
  // Oncoming: release after today (today itself is not).
  Title(g, "tt20", "movie", "Coming Tomorrow", std::nullopt, std::nullopt, 100, "2026-02-24");
  Title(g, "tt21", "movie", "Out Today", 5.0, 10, 100, "2026-02-23");
  Title(g, "tt22", "tvSeries", "Coming Next Year", std::nullopt, std::nullopt, 30, "2027-04-01");
  // Global reach.
  Title(g, "tt30", "movie", "Half Billion", 6.0, 900000, 120, "2019-05-01", 500'000'000, 100'000'000);
  Title(g, "tt31", "movie", "Just Under", 6.0, 800000, 120, "2019-05-01", 499'999'999, 600'000'000);
  // A leaver that would count for every KPI if it were on the list.
  Title(g, "tt40", "movie", "Left Yesterday", 9.5, 5, 85, "2030-01-01", 900'000'000);
  Title(g, "tt41", "tvSeries", "<img src=x onerror=alert(1)>", 7.2, 7, 25, "2025-01-01", std::nullopt,
        std::nullopt, "Ended");
  Episodes(g, "tt41", 1, {25, 25});
  Episodes(g, "tt41", 2, {25, 25, 25});

  Add(g.dim_network, {{"network_id", "1"}, {"network_name", "NBC"}});
  Add(g.dim_network, {{"network_id", "2"}, {"network_name", "HBO"}});
  Add(g.dim_network, {{"network_id", "3"}, {"network_name", "AMC"}});
  for (const char* id : {"tt01", "tt02", "tt03"})
    Add(g.bridge_content_network, {{"content_id", id}, {"network_id", "2"}});
  for (const char* id : {"tt04", "tt05"})
    Add(g.bridge_content_network, {{"content_id", id}, {"network_id", "1"}});
  Add(g.bridge_content_network, {{"content_id", "tt22"}, {"network_id", "3"}});  // not on today's list

  Add(g.dim_person, {{"person_id", "nm1"}, {"person_name", "Ann Lead"}});
  Add(g.dim_person, {{"person_id", "nm2"}, {"person_name", "Bo Second"}});
  Add(g.dim_person, {{"person_id", "nm3"}, {"person_name", "Cy Third"}});
  Add(g.dim_person, {{"person_id", "nm4"}, {"person_name", "Di Fourth"}});
  Add(g.bridge_content_person,
      {{"content_id", "tt10"}, {"person_id", "nm4"}, {"role_type", "actor"}, {"order_no", int64_t{4}}});
  Add(g.bridge_content_person, {{"content_id", "tt10"},
                                {"person_id", "nm2"},
                                {"role_type", "actress"},
                                {"order_no", int64_t{2}},
                                {"character_names", "Nora"}});
  Add(g.bridge_content_person,
      {{"content_id", "tt10"}, {"person_id", "nm1"}, {"role_type", "actor"}, {"order_no", int64_t{1}}});
  Add(g.bridge_content_person,
      {{"content_id", "tt10"}, {"person_id", "nm3"}, {"role_type", "actor"}, {"order_no", int64_t{3}}});
  Add(g.bridge_content_person, {{"content_id", "tt10"}, {"person_id", "nm3"}, {"role_type", "director"}});

  // Yesterday: everyone but tt21 (a joiner today) ranked; tt40 leaves today.
  g.fact.emplace_back(Date::FromYmd(2026, 2, 20), Fact({{"tt01", 1, 50000, 0, true}}));
  g.fact.emplace_back(kYesterday, Fact({{"tt01", 1, 90000, 0},
                                        {"tt02", 2, 80000, 0},
                                        {"tt03", 3, 70000, 0},
                                        {"tt04", 4, 60000, 0},
                                        {"tt05", 5, 50000, 0},
                                        {"tt10", 6, 40000, 0},
                                        {"tt11", 7, 30000, 0},
                                        {"tt12", 8, 20000, 0},
                                        {"tt13", 9, 15000, 0},
                                        {"tt20", 10, 12000, 0},
                                        {"tt22", 11, 11000, 0},
                                        {"tt30", 12, 10000, 0},
                                        {"tt31", 13, 9000, 0},
                                        {"tt40", 14, 8000, 0},
                                        {"tt41", 15, 7000, 0}}));
  g.fact.emplace_back(kToday, Fact({{"tt10", 1, 99000, -5},
                                    {"tt01", 2, 95000, 1},
                                    {"tt41", 3, 91000, -12},
                                    {"tt02", 4, 80000, 2},
                                    {"tt03", 5, 70000, 2},
                                    {"tt04", 6, 60000, 2},
                                    {"tt05", 7, 50000, 2},
                                    {"tt11", 8, 30000, 1},
                                    {"tt12", 9, 20000, 1},
                                    {"tt13", 10, 15000, 1},
                                    {"tt21", 11, 14000, 0, true},
                                    {"tt20", 12, 12000, -2},
                                    {"tt22", 13, 11000, -2},
                                    {"tt30", 14, 10500, -2},
                                    {"tt31", 15, 1000, 2},
                                    {"tt40", std::nullopt, 0, 999, false, true}}));
  return g;
}

class ServeApiTest : public ::testing::Test {
 protected:
  void SetUp() override { snap_ = PreparedGold::Prepare(World()); }
  json Get(const std::string& path, Query q = {}, int want = 200) {
    ApiResponse r = HandleApi(*snap_, "GET", path, q);
    EXPECT_EQ(r.status, want) << path << " -> " << r.body;
    return json::parse(r.body);
  }
  std::shared_ptr<const PreparedGold> snap_;
};

std::vector<std::string> Ids(const json& rows) {
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r["id"]);
  return out;
}

TEST_F(ServeApiTest, KpiDefinitionsCountOnlyTodaysRankedTitles) {
  json k = Get("/api/kpis")["kpis"];
  EXPECT_EQ(k["binge"], 3);     // tt01 (avg 45), tt05 (total 480), tt41; not tt02/tt03/tt04
  EXPECT_EQ(k["quick"], 1);     // tt10 only; tt40 would count but left the list
  EXPECT_EQ(k["oncoming"], 2);  // tt20 (tomorrow), tt22; tt21 releases today
  EXPECT_EQ(k["global"], 1);    // tt30 at exactly 500M
  auto binge = Ids(Get("/api/kpi/binge")["titles"]);
  std::sort(binge.begin(), binge.end());
  EXPECT_EQ(binge, (std::vector<std::string>{"tt01", "tt05", "tt41"}));
  EXPECT_EQ(Ids(Get("/api/kpi/quick")["titles"]), std::vector<std::string>{"tt10"});
  EXPECT_EQ(Ids(Get("/api/kpi/global")["titles"]), std::vector<std::string>{"tt30"});
}

TEST_F(ServeApiTest, KpiDefinitionsOnATitle) {
  const GoldSnapshot& s = snap_->snapshot();
  EXPECT_TRUE(IsBingeWorthy(s.titles[s.FindTitle("tt01")]));
  EXPECT_FALSE(IsBingeWorthy(s.titles[s.FindTitle("tt02")]));
  EXPECT_FALSE(IsBingeWorthy(s.titles[s.FindTitle("tt03")]));
  EXPECT_FALSE(IsBingeWorthy(s.titles[s.FindTitle("tt04")]));
  EXPECT_TRUE(IsBingeWorthy(s.titles[s.FindTitle("tt05")]));
  EXPECT_FALSE(IsBingeWorthy(s.titles[s.FindTitle("tt10")]));  // a movie
  EXPECT_TRUE(IsQuickWatch(s.titles[s.FindTitle("tt10")]));
  EXPECT_FALSE(IsQuickWatch(s.titles[s.FindTitle("tt11")]));
  EXPECT_FALSE(IsQuickWatch(s.titles[s.FindTitle("tt12")]));
  EXPECT_FALSE(IsQuickWatch(s.titles[s.FindTitle("tt13")]));
  EXPECT_TRUE(IsOncoming(s.titles[s.FindTitle("tt20")], kToday));
  EXPECT_FALSE(IsOncoming(s.titles[s.FindTitle("tt21")], kToday));
  EXPECT_TRUE(IsGlobalReach(s.titles[s.FindTitle("tt30")]));
  EXPECT_FALSE(IsGlobalReach(s.titles[s.FindTitle("tt31")]));
}

TEST_F(ServeApiTest, OncomingShowsTimeLeft) {
  json t = Get("/api/kpi/oncoming")["titles"];
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0]["id"], "tt20");
  EXPECT_EQ(t[0]["time_left"], "0 yrs 0 mths 1 days");
  EXPECT_EQ(t[1]["time_left"], "1 yrs 1 mths 9 days");  // 2026-02-23 -> 2027-04-01
  EXPECT_EQ(TimeLeft(Date::FromYmd(2026, 1, 31), Date::FromYmd(2026, 3, 1)), "0 yrs 1 mths 1 days");
  EXPECT_EQ(TimeLeft(Date::FromYmd(2026, 12, 15), Date::FromYmd(2027, 1, 14)), "0 yrs 0 mths 30 days");
  EXPECT_EQ(TimeLeft(Date::FromYmd(2026, 2, 23), Date::FromYmd(2029, 2, 23)), "3 yrs 0 mths 0 days");
}

TEST_F(ServeApiTest, TodayIsLatestAndYesterdayIsLatestEarlierSnapshot) {
  json j = Get("/api/landing");
  EXPECT_EQ(j["date"], "2026-02-23");
  EXPECT_EQ(j["prev_date"], "2026-02-21");  // not the calendar day before
  json y = Get("/api/landing", {{"date", "2026-02-21"}});
  EXPECT_EQ(y["prev_date"], "2026-02-20");
  EXPECT_EQ(y["top10"][0]["id"], "tt01");
}

// An unreadable day is never skipped silently: the next day's yesterday is
// the one its rank changes were computed against, not the one before it.
TEST(ServeYesterday, FollowsTheFactsPrevLoadDate) {
  GoldTables g = GoldTables::Empty();
  Title(g, "tt01", "movie", "One", 7.0, 10, 90);
  const Date lost = kYesterday + 1;  // its partition could not be read
  g.fact.emplace_back(kYesterday, Fact({{"tt01", 1, 500, 0, true}}));
  Table today = Fact({{"tt01", 1, 700, 0}});
  Column& prev = today.column("prev_load_date");
  prev = Column(prev.type());
  prev.AppendInt32(lost.days);
  g.fact.emplace_back(kToday, today);
  auto s = PreparedGold::Prepare(g);
  json l = json::parse(HandleApi(*s, "GET", "/api/landing", {}).body);
  EXPECT_EQ(l["prev_date"], lost.ToString());
  json d = json::parse(HandleApi(*s, "GET", "/api/title/tt01", {}).body);
  EXPECT_TRUE(d["popularity"]["yesterday"].is_null()) << d.dump();
  EXPECT_EQ(
      json::parse(HandleApi(*s, "GET", "/api/landing", {{"date", kYesterday.ToString()}}).body)["prev_date"],
      nullptr);
}

TEST_F(ServeApiTest, TrendingAndTotalPerType) {
  json t = Get("/api/trending")["trending"];
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0]["type"], "movie");
  EXPECT_EQ(t[0]["total"], 8);     // tt10..13, tt20, tt21, tt30, tt31; the leaver tt40 is not on the list
  EXPECT_EQ(t[0]["trending"], 3);  // tt10, tt20, tt30 climbed; tt21 is a joiner
  EXPECT_EQ(t[1]["total"], 7);     // tt01..05, tt22, tt41
  EXPECT_EQ(t[1]["trending"], 2);  // tt41, tt22
}

TEST_F(ServeApiTest, Top10HasArrowsRuntimeAndTopThreeCastByBilling) {
  json top = Get("/api/top10")["top10"];
  ASSERT_EQ(top.size(), 10u);
  EXPECT_EQ(top[0]["id"], "tt10");
  EXPECT_EQ(top[0]["arrow"], "up");
  EXPECT_EQ(top[1]["arrow"], "down");
  EXPECT_EQ(top[0]["cast"], json({"Ann Lead", "Bo Second", "Cy Third"}));
  EXPECT_EQ(top[0]["runtime"], 90);
  EXPECT_EQ(top[1]["runtime"], 45);  // a series shows its average episode runtime
  EXPECT_EQ(top[2]["title"], "<img src=x onerror=alert(1)>");
}

TEST_F(ServeApiTest, HiddenGemsDenseRankByVotesAscending) {
  GoldTables g = World();
  // Add 25 more rated titles with tied vote counts to exercise dense ranking and the cut at 20 ranks.
  Table extra = g.fact.back().second;
  for (int i = 0; i < 25; ++i) {
    std::string id = "tg" + std::to_string(100 + i);
    Title(g, id, "movie", "Gem " + std::to_string(i), 7.5, 1000 + (i / 2), 100);
    Add(extra, {{"content_id", id},
                {"rank", int64_t{20 + i}},
                {"popularity", int64_t{500 - i}},
                {"rank_change", int64_t{0}},
                {"is_new_joiner", false},
                {"is_leaver", false}});
  }
  g.fact.back().second = extra;
  auto s = PreparedGold::Prepare(g);
  json gems = json::parse(HandleApi(*s, "GET", "/api/hidden-gems", {}).body)["hidden-gems"];
  // Rated >= 7 with votes, today: tt41 (7), tt01 (500), tt05 (100), tt02 (400), tt03 (300),
  // tt10 (1000), tt11 (2000), tt12 (3000), and the gems (1000.. in pairs).
  EXPECT_EQ(gems[0]["id"], "tt41");
  EXPECT_EQ(gems[0]["gem_rank"], 1);
  EXPECT_EQ(gems[1]["id"], "tt05");
  int last_rank = 0;
  for (const auto& r : gems) {
    EXPECT_GE(r["rating"].get<double>(), 7.0);
    EXPECT_GE(r["gem_rank"].get<int>(), last_rank);
    EXPECT_LE(r["gem_rank"].get<int>(), last_rank + 1);
    last_rank = r["gem_rank"];
  }
  EXPECT_EQ(last_rank, 20);
  EXPECT_GT(gems.size(), 20u);  // ties at a rank all show
  // tt10 (1000 votes) ties with tg100/tg101 (1000 votes): one dense rank.
  int r10 = -1, r100 = -2;
  for (const auto& r : gems) {
    if (r["id"] == "tt10") r10 = r["gem_rank"];
    if (r["id"] == "tg100") r100 = r["gem_rank"];
  }
  EXPECT_EQ(r10, r100);
}

TEST_F(ServeApiTest, NetworksByCountOfTodaysTitles) {
  json n = Get("/api/networks")["networks"];
  ASSERT_EQ(n.size(), 3u);
  EXPECT_EQ(n[0]["name"], "HBO");
  EXPECT_EQ(n[0]["titles"], 3);
  EXPECT_EQ(n[1]["name"], "NBC");
  EXPECT_EQ(n[1]["titles"], 2);
  EXPECT_EQ(n[2]["name"], "AMC");
}

TEST_F(ServeApiTest, MoversSignRulesExcludeJoinersAndLeavers) {
  json m = Get("/api/movers");
  auto raises = m["raises"], falls = m["falls"];
  ASSERT_GE(raises.size(), 1u);
  EXPECT_EQ(raises[0]["id"], "tt41");
  EXPECT_EQ(raises[0]["rank_change"], -12);
  EXPECT_EQ(raises[0]["change_text"], "+12");
  EXPECT_EQ(raises[1]["id"], "tt10");
  for (const auto& r : raises) {
    EXPECT_LT(r["rank_change"].get<int>(), 0);
    EXPECT_NE(r["id"], "tt21");  // joiner
  }
  for (const auto& r : falls) {
    EXPECT_GT(r["rank_change"].get<int>(), 0);
    EXPECT_NE(r["id"], "tt40");  // leaver (999)
    EXPECT_EQ(r["change_text"].get<std::string>().substr(0, 3), "\u2212");
  }
  ASSERT_EQ(falls.size(), 9u);  // tt02..05, tt31 (+2) by rank, then the +1s: tt01, tt11..13
  EXPECT_EQ(Ids(falls), (std::vector<std::string>{"tt02", "tt03", "tt04", "tt05", "tt31", "tt01", "tt11",
                                                  "tt12", "tt13"}));
  EXPECT_EQ(FormatRankChange(-12), "+12");
  EXPECT_EQ(FormatRankChange(33), "\u221233");
  EXPECT_EQ(FormatRankChange(0), "0");
}

TEST_F(ServeApiTest, DetailGaugesRoiAndTrend) {
  json d = Get("/api/title/tt30");
  EXPECT_EQ(d["rank"], 14);
  EXPECT_DOUBLE_EQ(d["roi"].get<double>(), 4.0);  // (500M - 100M) / 100M
  EXPECT_DOUBLE_EQ(d["popularity"]["today"].get<double>(), 105.0);
  EXPECT_DOUBLE_EQ(d["popularity"]["yesterday"].get<double>(), 100.0);
  EXPECT_DOUBLE_EQ(d["popularity"]["max"].get<double>(), 990.0);
  EXPECT_DOUBLE_EQ(d["popularity"]["min"].get<double>(), 10.0);  // tt31; the leaver's 0.00 is excluded
  EXPECT_EQ(d["trend"]["dates"].size(), 3u);
  EXPECT_EQ(d["trend"]["ranks"], json({nullptr, 12, 14}));
  EXPECT_DOUBLE_EQ(d["trend"]["average"].get<double>(), 13.0);
  EXPECT_EQ(d["trend"]["high"]["rank"], 12);
  EXPECT_EQ(d["trend"]["low"]["rank"], 14);
  EXPECT_TRUE(d["series"].is_null());
  json ten = Get("/api/title/tt10");
  EXPECT_EQ(ten["directors"][0]["name"], "Cy Third");
  EXPECT_EQ(ten["cast"][1]["characters"], json({"Nora"}));
  EXPECT_TRUE(Get("/api/title/tt31")["roi"].is_number());
  EXPECT_TRUE(Get("/api/title/tt11")["roi"].is_null());  // no budget
}

TEST_F(ServeApiTest, SeriesDetailAndEpisodeLabels) {
  json d = Get("/api/title/tt41");
  EXPECT_EQ(d["series"]["season_count"], 2);
  EXPECT_EQ(d["series"]["episode_count"], 5);
  EXPECT_EQ(d["series"]["first_air_date"], "2024-01-10");
  EXPECT_EQ(d["series"]["last_air_date"], "2024-02-12");
  json s1 = Get("/api/title/tt41/season/1");
  EXPECT_EQ(s1["episodes"][0]["type_label"], "Normal");
  EXPECT_EQ(s1["episodes"][1]["type_label"], "Season Final");  // finale, not the last season
  json s2 = Get("/api/title/tt41/season/2");
  EXPECT_EQ(s2["episodes"][1]["type_label"], "Mid-Season");
  EXPECT_EQ(s2["episodes"][2]["type_label"], "Final");  // Ended series, last season
  // A series still running: its last season's finale is a "Season Final".
  json r = Get("/api/title/tt05/season/1");
  EXPECT_EQ(r["episodes"].back()["type_label"], "Season Final");
  Get("/api/title/tt41/season/9", {}, 404);
  Get("/api/title/tt41/season/x", {}, 400);
}

TEST_F(ServeApiTest, ParametersAreValidated) {
  json e = Get("/api/landing", {{"date", "2026-02-30"}}, 400);
  EXPECT_NE(e["error"].get<std::string>().find("'date'"), std::string::npos);
  Get("/api/landing", {{"date", "yesterday"}}, 400);
  Get("/api/landing", {{"date", "2026-02-22"}}, 404);  // valid, but no snapshot that day
  Get("/api/title/tt99", {}, 404);
  Get("/api/title/tt10", {{"date", "x"}}, 400);
  Get("/api/kpi/nope", {}, 404);
  Get("/api/search", {}, 400);
  Get("/api/search", {{"q", std::string(101, 'a')}}, 400);
  Get("/api/trends", {{"ids", "tt10,tt99"}}, 404);
  Get("/api/trends", {{"ids", "tt10"}, {"from", "2026-13-01"}}, 400);
  Get("/api/trends", {{"ids", "tt10"}, {"from", "2026-02-23"}, {"to", "2026-02-20"}}, 400);
  Get("/api/nothing", {}, 404);
}

TEST_F(ServeApiTest, SearchAndTrends) {
  json s = Get("/api/search", {{"q", "bINGE"}});
  EXPECT_EQ(s["total"], 5);
  EXPECT_EQ(s["results"][0]["id"], "tt01");  // ranked higher today
  json t = Get("/api/trends", {{"ids", "tt01,tt40"}, {"from", "2026-02-20"}});
  EXPECT_EQ(t["dates"], json({"2026-02-20", "2026-02-21", "2026-02-23"}));
  EXPECT_EQ(t["series"][0]["ranks"], json({1, 1, 2}));
  EXPECT_EQ(t["series"][1]["ranks"], json({nullptr, 14, nullptr}));  // left: no rank
}

TEST_F(ServeApiTest, TextIsEscaped) {
  ApiResponse r = HandleApi(*snap_, "GET", "/api/search", {{"q", "<img"}});
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body.find('<'), std::string::npos) << r.body;
  EXPECT_EQ(r.body.find('>'), std::string::npos);
  EXPECT_NE(r.body.find("\\u003cimg src=x onerror=alert(1)\\u003e"), std::string::npos);
  EXPECT_EQ(json::parse(r.body)["results"][0]["title"], "<img src=x onerror=alert(1)>");
  EXPECT_EQ(json::parse(r.body)["q"], "<img");
  EXPECT_EQ(snap_->LandingBody(2).find('<'), std::string::npos);
}

TEST_F(ServeApiTest, LandingIsPrecomputedPerDay) {
  ASSERT_EQ(snap_->snapshot().days.size(), 3u);
  ApiResponse r = HandleApi(*snap_, "GET", "/api/landing", {});
  EXPECT_EQ(r.body, snap_->LandingBody(2));
}

// /api/trends takes at most 10 ids, counted as given: a repeated id is
// still one of the 11 (it used to be dropped first, so 11 were accepted).
TEST_F(ServeApiTest, TrendsRefusesMoreThanTenIds) {
  std::string eleven = "tt01";
  for (int i = 0; i < 10; ++i) eleven += ",tt01";
  json e = Get("/api/trends", {{"ids", eleven}}, 400);
  EXPECT_NE(e["error"].get<std::string>().find("parameter 'ids'"), std::string::npos) << e;
  EXPECT_NE(e["error"].get<std::string>().find("at most 10"), std::string::npos) << e;
  std::string ten = "tt01";
  for (int i = 0; i < 9; ++i) ten += ",tt01";
  EXPECT_EQ(Get("/api/trends", {{"ids", ten}})["series"].size(), 1u);
}

// The raw target is parsed by the API itself: each parameter splits on its
// first '=' only.
TEST_F(ServeApiTest, SearchQueryKeepsEqualsSigns) {
  ApiResponse r = HandleApi(*snap_, "GET", std::string_view("/api/search?q=Mirror=x"));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json::parse(r.body)["q"], "Mirror=x");
  r = HandleApi(*snap_, "GET", std::string_view("/api/search?q=Am%C3%A9lie+At"));
  EXPECT_EQ(json::parse(r.body)["q"], "Am\xc3\xa9lie At");
}

TEST_F(ServeApiTest, TitleRowsCarryTheirChangeText) {
  json top = Get("/api/top10")["top10"];
  bool seen = false;
  for (const auto& row : top) {
    if (row["rank_change"].is_null()) {
      EXPECT_TRUE(row["change_text"].is_null());
    } else {
      EXPECT_EQ(row["change_text"], FormatRankChange(row["rank_change"].get<int>()));
      seen = true;
    }
  }
  EXPECT_TRUE(seen);
}

TEST(ServeEmptyLake, AnswersWithoutData) {
  auto s = PreparedGold::Prepare(GoldTables::Empty());
  EXPECT_EQ(HandleApi(*s, "GET", "/api/dates", {}).status, 200);
  EXPECT_EQ(HandleApi(*s, "GET", "/api/landing", {}).status, 404);
  EXPECT_EQ(HandleApi(*s, "GET", "/api/trends", {{"ids", "x"}}).status, 404);
}

TEST(ServeFixture, DeterministicAndEveryKpiNonZeroEveryDay) {
  testing::FixtureOptions o;
  o.days = 12;
  GoldTables a = testing::MakeFixtureGold(o), b = testing::MakeFixtureGold(o);
  EXPECT_TRUE(a.dim_content.Equals(b.dim_content));
  ASSERT_EQ(a.fact.size(), 12u);
  EXPECT_TRUE(a.fact.back().second.Equals(b.fact.back().second));
  EXPECT_TRUE(a.dim_content.Validate().ok());
  EXPECT_TRUE(a.bridge_content_person.Validate().ok());
  EXPECT_TRUE(a.fact.back().second.Validate().ok()) << a.fact.back().second.Validate().ToString();
  auto s = PreparedGold::Prepare(a);
  EXPECT_GE(s->snapshot().titles.size(), 140u);
  int leavers = 0, joiners = 0;
  for (size_t d = 0; d < s->snapshot().days.size(); ++d) {
    json l = json::parse(s->LandingBody(static_cast<int>(d)));
    for (const char* k : {"binge", "quick", "oncoming", "global"}) EXPECT_GT(l["kpis"][k].get<int>(), 0) << k;
    EXPECT_EQ(l["top10"].size(), 10u);
    if (d > 0) {
      leavers += static_cast<int>(s->snapshot().days[d].leavers.size());
      for (const auto& r : s->snapshot().days[d].ranked) joiners += r.joiner ? 1 : 0;
    }
  }
  EXPECT_GT(leavers, 0);
  EXPECT_GT(joiners, 0);
  EXPECT_GE(s->snapshot().FindTitle("tt1000000"), 0);
}

// IMDB lists types beyond movie and tvSeries (the sandbox lists mini-series):
// a mini-series is a series, a TV movie a movie, for every visual.
TEST(ServeTypes, MiniSeriesAndTvMoviesJoinTheirKinds) {
  GoldTables g = GoldTables::Empty();
  Title(g, "tt01", "tvMiniSeries", "Short Mini", 8.2, 100, 30);
  Episodes(g, "tt01", 1, {30, 30, 30, 30});
  Title(g, "tt02", "tvMovie", "Am\xc3\xa9lie At Home", 7.6, 50, 84);
  Title(g, "tt03", "movie", "Plain Movie", 6.0, 10, 120);
  g.fact.emplace_back(kYesterday, Fact({{"tt01", 2, 500, 0}, {"tt02", 3, 400, 0}, {"tt03", 1, 900, 0}}));
  g.fact.emplace_back(kToday, Fact({{"tt01", 1, 900, -1}, {"tt02", 2, 800, -1}, {"tt03", 3, 100, 2}}));
  auto s = PreparedGold::Prepare(g);
  json l = json::parse(HandleApi(*s, "GET", "/api/landing", {}).body);
  EXPECT_EQ(l["kpis"]["binge"], 1);
  EXPECT_EQ(l["kpis"]["quick"], 1);
  ASSERT_EQ(l["trending"].size(), 2u);
  EXPECT_EQ(l["trending"][0]["total"], 2);  // tt02, tt03
  EXPECT_EQ(l["trending"][0]["trending"], 1);
  EXPECT_EQ(l["trending"][1]["total"], 1);  // tt01
  EXPECT_EQ(l["trending"][1]["trending"], 1);
  EXPECT_EQ(l["top10"][0]["type"], "tvMiniSeries");
  EXPECT_EQ(l["top10"][0]["type_label"], "TV-Mini-Series");
  EXPECT_EQ(l["top10"][0]["runtime"], 30);  // the average episode, as for series
  EXPECT_EQ(l["top10"][1]["type_label"], "TV-Movie");
  json d = json::parse(HandleApi(*s, "GET", "/api/title/tt01", {}).body);
  ASSERT_TRUE(d["series"].is_object());
  EXPECT_EQ(d["series"]["episode_count"], 4);
  EXPECT_TRUE(json::parse(HandleApi(*s, "GET", "/api/title/tt02", {}).body)["series"].is_null());
  // Search folds case beyond ASCII.
  json q = json::parse(HandleApi(*s, "GET", "/api/search", {{"q", "AM\xc3\x89LIE"}}).body);
  EXPECT_EQ(q["total"], 1);
  EXPECT_EQ(q["results"][0]["id"], "tt02");
}

}  // namespace
}  // namespace cinelake::serve
