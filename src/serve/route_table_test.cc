#include "serve/route_table.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <type_traits>

#include "serve/api.h"

namespace cinelake::serve {
namespace {

using json = nlohmann::json;

ApiResponse Echo(const PreparedGold&, const ApiRequest& r) {
  std::string body;
  for (const std::string& a : r.args) body += a + ";";
  return {200, body, ""};
}

class ServeRouteTable : public ::testing::Test {
 protected:
  ServeRouteTable()
      : gold_(PreparedGold::Prepare(GoldTables::Empty())),
        table_({{"GET", "/api/item/{id}", Echo}, {"GET", "/api/item/{id}/part/{n}", Echo}}) {}
  ApiResponse Call(std::string_view method, std::string path) {
    return table_.Dispatch(*gold_, method, std::move(path), {});
  }
  std::shared_ptr<const PreparedGold> gold_;
  RouteTable table_;
};

TEST_F(ServeRouteTable, MatchesPatternsAndPassesTheirSegments) {
  EXPECT_EQ(Call("GET", "/api/item/7").body, "7;");
  EXPECT_EQ(Call("HEAD", "/api/item/7").body, "7;");  // a GET route answers HEAD
  EXPECT_EQ(Call("GET", "/api/item/7/part/2").body, "7;2;");
}

TEST_F(ServeRouteTable, UnknownPathIs404AndWrongMethodIs405FromTheTable) {
  for (const char* p :
       {"/api/item", "/api/item/", "/api/item/7/part", "/api/item/7/other/2", "/api/items/7"}) {
    ApiResponse r = Call("GET", p);
    EXPECT_EQ(r.status, 404) << p;
    EXPECT_NE(json::parse(r.body)["error"].get<std::string>().find(p), std::string::npos);
  }
  ApiResponse r = Call("POST", "/api/item/7");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.allow, "GET, HEAD");
  EXPECT_NE(json::parse(r.body)["error"].get<std::string>().find("POST"), std::string::npos);
  EXPECT_EQ(Call("DELETE", "/api/nothing").status, 404);  // no route: 404 whatever the method
}

// Every endpoint of the API is one declaration in ApiRoutes(), and each one
// reaches its handler (an answer other than the dispatcher's 404 and 405).
TEST_F(ServeRouteTable, EveryApiRouteReachesItsHandler) {
  const std::vector<Route>& routes = ApiRoutes().routes();
  EXPECT_EQ(routes.size(), 18u);
  for (const Route& route : routes) {
    std::string path(route.pattern);
    for (size_t open; (open = path.find('{')) != std::string::npos;) {
      path.replace(open, path.find('}', open) - open + 1, "x");
    }
    ApiResponse r = HandleApi(*gold_, "GET", path, {});
    EXPECT_EQ(r.body.find("unknown API path"), std::string::npos) << route.pattern << ": " << r.body;
    EXPECT_NE(r.status, 405) << route.pattern;
    ApiResponse post = HandleApi(*gold_, "POST", path, {});
    EXPECT_EQ(post.status, 405) << route.pattern;
    EXPECT_EQ(post.allow, "GET, HEAD");
  }
}

// Nothing can change a snapshot once built: the only way to one is Build()
// or Prepare(), and both hand out const objects.
TEST(ServeImmutability, SnapshotsAreHandedOutConst) {
  static_assert(!std::is_default_constructible_v<GoldSnapshot>);
  static_assert(!std::is_default_constructible_v<PreparedGold>);
  static_assert(std::is_same_v<decltype(GoldSnapshot::Build(GoldTables::Empty())),
                               std::shared_ptr<const GoldSnapshot>>);
  static_assert(std::is_same_v<decltype(PreparedGold::Prepare(GoldTables::Empty())),
                               std::shared_ptr<const PreparedGold>>);
  static_assert(
      std::is_same_v<decltype(std::declval<const PreparedGold&>().snapshot()), const GoldSnapshot&>);
  SUCCEED();
}

}  // namespace
}  // namespace cinelake::serve
