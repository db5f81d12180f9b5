#include "orchestrator/stage_graph.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "orchestrator/pipeline.h"

namespace cinelake {
namespace {

std::map<std::string, std::set<std::string>> Edges(const StepGraph& graph) {
  std::map<std::string, std::set<std::string>> out;
  for (const auto& s : graph.steps()) out[s.name] = {s.after.begin(), s.after.end()};
  return out;
}

Status Nothing(const JobContext&) {
  return Status::OK();
}

TEST(StageGraphTest, TheDailyRunFollowsFromTheStagesTables) {
  auto graph = DeriveStepGraph(PipelineStages({}), RetryPolicy{3, 10});
  ASSERT_TRUE(graph.ok()) << graph.status().ToString();
  auto edges = Edges(*graph);
  using S = std::set<std::string>;
  EXPECT_EQ(edges["ingest"], S{});
  // Popularity comes from the day's export file when there is one.
  EXPECT_EQ(edges["popularity"], (S{"ingest", "tmdb_export"}));
  EXPECT_EQ(edges["enrich_fetch"], S{"ingest"});
  EXPECT_EQ(edges["enrich"], (S{"enrich_fetch", "ingest", "popularity"}));
  EXPECT_EQ(edges["model"], S{"enrich"});
  // The fact needs only popularity, so it runs beside enrich and model.
  EXPECT_EQ(edges["fact"], S{"popularity"});
  // The whole-catalog branch needs no API quota: its fetch waits on nothing
  // (and popularity waits on it, for the day's file), its fact only on the
  // fetch and the lists (for IMDB ids).
  EXPECT_EQ(edges["tmdb_export"], S{});
  EXPECT_EQ(edges["fact_catalog"], (S{"ingest", "tmdb_export"}));
  EXPECT_EQ(edges["catalog"], (S{"enrich", "enrich_fetch", "fact", "fact_catalog", "ingest", "model",
                                 "popularity", "tmdb_export"}));
  // Gold is committed once all of its writers are done.
  EXPECT_EQ(edges["publish"], (S{"fact", "fact_catalog", "model"}));
  // The quality checks read gold only: after model and fact, beside the catalog.
  EXPECT_EQ(edges["quality"], (S{"fact", "model"}));
}

TEST(StageGraphTest, OnlyStagesThatCallAnApiAreRetried) {
  auto graph = DeriveStepGraph(PipelineStages({}), RetryPolicy{3, 10});
  ASSERT_TRUE(graph.ok());
  for (const auto& s : graph->steps()) {
    bool calls_api =
        s.name == "ingest" || s.name == "popularity" || s.name == "enrich_fetch" || s.name == "enrich";
    EXPECT_EQ(s.retry.max_attempts, calls_api ? 3 : 1) << s.name;
  }
}

TEST(StageGraphTest, TheCatalogReadsEveryTableTheOtherStagesWrite) {
  auto stages = PipelineStages({});
  std::set<std::string> written, read_by_catalog;
  for (const auto& s : stages) {
    if (s.name == "catalog") {
      for (const auto& r : s.reads) read_by_catalog.insert(r.table);
    } else {
      written.insert(s.writes.begin(), s.writes.end());
    }
  }
  EXPECT_EQ(read_by_catalog, written);
  EXPECT_TRUE(written.count("fact_popularity"));
  EXPECT_TRUE(written.count("dim_content"));
  EXPECT_TRUE(written.count("stg_imdb_titles"));
}

TEST(StageGraphTest, RefusesTwoWritersOfOneTable) {
  std::vector<StageDecl> stages{{"a", {}, {"t"}, {}, &Nothing}, {"b", {}, {"t"}, {}, &Nothing}};
  auto graph = DeriveStepGraph(stages, {});
  ASSERT_FALSE(graph.ok());
  EXPECT_NE(graph.status().message().find("both write t"), std::string::npos) << graph.status().ToString();
}

TEST(StageGraphTest, APreviousReadNeedsItsWriterDownstream) {
  // b reads the previous t, which a writes; nothing orders a after b.
  std::vector<StageDecl> stages{{"a", {}, {"t"}, {}, &Nothing}, {"b", {Previous("t")}, {"u"}, {}, &Nothing}};
  auto graph = DeriveStepGraph(stages, {});
  ASSERT_FALSE(graph.ok());
  EXPECT_NE(graph.status().message().find("previous t"), std::string::npos) << graph.status().ToString();
  // Once a reads what b writes, a runs after b and the read is safe.
  stages[0].reads.push_back(Today("u"));
  EXPECT_TRUE(DeriveStepGraph(stages, {}).ok());
}

TEST(StageGraphTest, RefusesACycle) {
  std::vector<StageDecl> stages{{"a", {Today("u")}, {"t"}, {}, &Nothing},
                                {"b", {Today("t")}, {"u"}, {}, &Nothing}};
  EXPECT_FALSE(DeriveStepGraph(stages, {}).ok());
}

}  // namespace
}  // namespace cinelake
