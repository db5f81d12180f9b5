// The catalog endpoints through the API's dispatcher: answers from a small
// index, and every malformed parameter a 400 naming it.
#include "serve/api_catalog.h"

#include <gtest/gtest.h>

#include "lake/schemas.h"
#include "serve/api.h"
#include "serve/view_json.h"

namespace cinelake::serve {
namespace {

const Date kDay = Date::FromYmd(2026, 10, 1);

std::shared_ptr<const PreparedGold> WithCatalog(int days) {
  CatalogIndex::Builder b;
  for (int d = 0; d < days; ++d) {
    Table t(TableByName(tables::kFactCatalogPopularity).schema);
    for (int r = 1; r <= 3; ++r) {
      t.column("tmdb_id").AppendString("movie/" + std::to_string(d % 2 == 0 ? r : 4 - r));
      t.column("rank").AppendInt32(r);
      t.column("popularity").AppendInt64(1000 - r);
      t.column("rank_change").AppendInt32(d == 0 ? 0 : (r == 2 ? 0 : (r == 1 ? -2 : 2)));
      t.column("is_new_joiner").AppendBool(d == 0);
      t.column("is_leaver").AppendBool(false);
      t.column("content_type").AppendString("movie");
      t.column("rank_in_type").AppendInt32(r);
      t.column("rank_change_in_type").AppendInt32(0);
      if (d == 0) {
        t.column("prev_load_date").AppendNull();
      } else {
        t.column("prev_load_date").AppendInt32((kDay + d - 1).days);
      }
      t.column("content_id").AppendNull();
    }
    EXPECT_TRUE(b.AddDay(kDay + d, t).ok());
  }
  b.SetName(CatalogKey{false, 1}, "Première <b>Nuit</b>");
  GoldTables g = GoldTables::Empty();
  auto index = b.Finish();
  EXPECT_TRUE(index.ok()) << index.status().ToString();
  g.catalog = index.ok() ? *index : CatalogIndex::Empty();
  return PreparedGold::Prepare(g);
}

json Get(const PreparedGold& g, const std::string& target, int status = 200) {
  ApiResponse r = HandleApi(g, "GET", target);
  EXPECT_EQ(r.status, status) << target << ": " << r.body;
  EXPECT_EQ(r.body.find('<'), std::string::npos) << target;
  return json::parse(r.body);
}

TEST(ApiCatalog, AnswersFromTheIndex) {
  auto g = WithCatalog(3);
  json day = Get(*g, "/api/catalog");
  EXPECT_EQ(day["date"], (kDay + 2).ToString());
  EXPECT_EQ(day["days"], 3);
  EXPECT_EQ(day["top"].size(), 3u);
  EXPECT_EQ(day["climbers"].size(), 1u);
  EXPECT_EQ(Get(*g, "/api/catalog?date=2026-10-01")["prev_date"], nullptr);
  json hits = Get(*g, "/api/catalog/search?q=PREMI%C3%88RE");  // È folds to è
  ASSERT_EQ(hits["titles"].size(), 1u);
  EXPECT_EQ(hits["titles"][0]["title"], "Première <b>Nuit</b>");
  json trend = Get(*g, "/api/catalog/trend?id=movie/1");
  EXPECT_EQ(trend["ranks"], json::parse("[1, 3, 1]"));
  EXPECT_EQ(trend["dates"].size(), 3u);
}

TEST(ApiCatalog, BadParametersAre400NamingThem) {
  auto g = WithCatalog(2);
  for (const char* target :
       {"/api/catalog?date=2026-02-30", "/api/catalog?date=soon", "/api/catalog/search",
        "/api/catalog/search?q=", "/api/catalog/search?q=a%09b", "/api/catalog/trend",
        "/api/catalog/trend?id=movie", "/api/catalog/trend?id=tv/x", "/api/catalog/trend?id=movie/1%00"}) {
    json e = Get(*g, target, 400);
    std::string message = e["error"];
    EXPECT_EQ(message.rfind("parameter '", 0), 0u) << target << ": " << message;
  }
  Get(*g, "/api/catalog/search?q=" + std::string(101, 'a'), 400);
  Get(*g, "/api/catalog?date=2020-01-01", 404);
  Get(*g, "/api/catalog/trend?id=movie/77", 404);
  auto empty = PreparedGold::Prepare(GoldTables::Empty());
  EXPECT_NE(Get(*empty, "/api/catalog", 404)["error"].get<std::string>().find("fact_catalog_popularity"),
            std::string::npos);
  Get(*empty, "/api/catalog/search?q=a", 404);
  Get(*empty, "/api/catalog/trend?id=movie/1", 404);
}

}  // namespace
}  // namespace cinelake::serve
