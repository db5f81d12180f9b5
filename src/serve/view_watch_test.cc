// Where to watch in the API: a title's offers on a day and the landing
// page's new-on-streaming / leaving lists (view_watch.h definitions).
#include "serve/view_watch.h"

#include <gtest/gtest.h>

#include "lake/schemas.h"
#include "serve/api.h"
#include "serve/prepared_gold.h"

namespace cinelake::serve {
namespace {

const Date kDay = Date::FromYmd(2026, 3, 10);

struct Offer {
  const char* title;
  const char* country;
  int64_t provider;
  const char* type;
  int from_days_ago;
  std::optional<int> to_days_ago;
  bool first_check;
  int priority;
};

GoldTables WatchGold(const std::vector<Offer>& offers) {
  GoldTables g = GoldTables::Empty();
  for (const char* id : {"tt1", "tt2", "tt3"}) {
    g.dim_content.column("content_id").AppendString(id);
    for (size_t c = 1; c < g.dim_content.num_columns(); ++c) {
      if (g.dim_content.schema().field(c).name == "primary_title") {
        g.dim_content.column(c).AppendString(std::string("Title ") + id);
      } else {
        g.dim_content.column(c).AppendNull();
      }
    }
  }
  Table& dim = g.dim_watch_provider;
  for (auto [id, name, logo] : {std::tuple<int64_t, const char*, const char*>{10, "Streamly", "/s.jpg"},
                                {20, "Rentaplex", "/r.jpg"},
                                {30, "AdReel", ""}}) {
    dim.column("provider_id").AppendInt64(id);
    dim.column("provider_name").AppendString(name);
    if (*logo) {
      dim.column("logo_path").AppendString(logo);
    } else {
      dim.column("logo_path").AppendNull();
    }
    dim.column("first_seen").AppendInt32(kDay.days - 30);
    dim.column("last_seen").AppendInt32(kDay.days);
  }
  Table& b = g.bridge_content_watch_provider;
  for (const Offer& o : offers) {
    b.column("content_id").AppendString(o.title);
    b.column("country").AppendString(o.country);
    b.column("provider_id").AppendInt64(o.provider);
    b.column("offer_type").AppendString(o.type);
    b.column("valid_from").AppendInt32(kDay.days - o.from_days_ago);
    if (o.to_days_ago) {
      b.column("valid_to").AppendInt32(kDay.days - *o.to_days_ago);
    } else {
      b.column("valid_to").AppendNull();
    }
    b.column("display_priority").AppendInt32(o.priority);
    b.column("seen_on_first_check").AppendBool(o.first_check);
    b.column("last_checked").AppendInt32(kDay.days);
  }
  Table fact(TableByName(tables::kFactPopularity).schema);
  fact.column("content_id").AppendString("tt1");
  for (size_t c = 1; c < fact.num_columns(); ++c) {
    if (fact.schema().field(c).name == "rank") {
      fact.column(c).AppendInt32(1);
    } else if (fact.schema().field(c).name == "popularity") {
      fact.column(c).AppendInt64(1000);
    } else {
      fact.column(c).AppendNull();
    }
  }
  g.fact.emplace_back(kDay, std::move(fact));
  return g;
}

nlohmann::json Get(const PreparedGold& g, const std::string& target, int want = 200) {
  ApiResponse r = HandleApi(g, "GET", target);
  EXPECT_EQ(r.status, want) << target << " -> " << r.body;
  return nlohmann::json::parse(r.body);
}

TEST(ServeWatchTest, DetailListsTheDaysOffersByTypeAndPriority) {
  auto g = PreparedGold::Prepare(WatchGold({
      {"tt1", "US", 20, "rent", 20, std::nullopt, true, 9},
      {"tt1", "US", 10, "subscription", 20, 3, true, 2},             // left 3 days ago
      {"tt1", "US", 10, "subscription", 1, std::nullopt, false, 2},  // back yesterday
      {"tt1", "US", 30, "subscription", 5, std::nullopt, false, 1},
      {"tt1", "GB", 10, "buy", 2, 0, false, 4},  // last seen today: still offered today
      {"tt1", "GB", 20, "buy", 9, 1, false, 4},  // gone today
  }));
  auto d = Get(*g, "/api/title/tt1");
  const auto& w = d["watch"];
  EXPECT_EQ(w["as_of"], "2026-03-10");
  EXPECT_EQ(w["countries"], (nlohmann::json{"GB", "US"}));
  const auto& us = w["offers"]["US"];
  ASSERT_EQ(us["subscription"].size(), 2u);
  EXPECT_EQ(us["subscription"][0]["name"], "AdReel");  // priority 1 first
  EXPECT_EQ(us["subscription"][0]["logo"], nullptr);
  EXPECT_EQ(us["subscription"][1]["id"], 10);
  EXPECT_EQ(us["subscription"][1]["since"], "2026-03-09");
  EXPECT_EQ(us["subscription"][1]["logo"], "https://image.tmdb.org/t/p/w92/s.jpg");
  EXPECT_EQ(us["rent"][0]["name"], "Rentaplex");
  EXPECT_EQ(w["offers"]["GB"]["buy"].size(), 1u);
  EXPECT_EQ(w["offers"]["GB"]["buy"][0]["id"], 10);
  // A title with no offer has none in any country.
  auto none = Get(*g, "/api/title/tt2");
  EXPECT_TRUE(none["watch"]["offers"].empty());
}

TEST(ServeWatchTest, NewOnStreamingAndLeavingOverSevenDays) {
  auto g = PreparedGold::Prepare(WatchGold({
      {"tt1", "US", 10, "subscription", 6, std::nullopt, false, 1},  // added 6 days ago: in
      {"tt2", "US", 10, "subscription", 7, std::nullopt, false, 1},  // 7 days ago: out
      {"tt3", "US", 30, "ads", 0, std::nullopt, false, 1},           // today: in
      {"tt3", "US", 20, "rent", 0, std::nullopt, false, 1},          // rent is not streaming
      {"tt2", "US", 30, "free", 2, std::nullopt, true, 1},           // there at the first check
      {"tt2", "US", 20, "subscription", 30, 7, true, 1},             // last seen 7 days ago: in
      {"tt3", "US", 10, "subscription", 30, 8, true, 1},             // 8 days ago: out
      {"tt3", "US", 30, "free", 30, 0, true, 1},                     // seen today: not left
      {"tt1", "GB", 10, "subscription", 1, std::nullopt, false, 1},  // another country
  }));
  auto s = Get(*g, "/api/streaming?country=US");
  EXPECT_EQ(s["from"], "2026-03-04");
  std::vector<std::string> added, leaving;
  for (const auto& r : s["added"])
    added.push_back(r["id"].get<std::string>() + " " + r["offer_type"].get<std::string>());
  for (const auto& r : s["leaving"])
    leaving.push_back(r["id"].get<std::string>() + " " + r["date"].get<std::string>());
  EXPECT_EQ(added, (std::vector<std::string>{"tt3 ads", "tt1 subscription"}));  // newest first
  EXPECT_EQ(leaving, (std::vector<std::string>{"tt2 2026-03-03"}));
  EXPECT_EQ(s["added"][0]["provider"], "AdReel");
  EXPECT_EQ(Get(*g, "/api/streaming?country=GB")["added"].size(), 1u);
  auto bad = Get(*g, "/api/streaming?country=usa", 400);
  EXPECT_NE(bad["error"].get<std::string>().find("country"), std::string::npos);
}

}  // namespace
}  // namespace cinelake::serve
