#include "jobs/model/dimensional_model.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "common/date.h"
#include "jobs/model/model_stage.h"
#include "jobs/testing/psv.h"
#include "lake/schemas.h"

namespace cinelake::model {
namespace {

Table T(std::string_view table, const std::string& text) {
  auto t = testing::ParsePsv(text, TableByName(table).schema, table);
  EXPECT_TRUE(t.ok()) << t.status().ToString();
  return std::move(t).value();
}

std::string Show(const TableSet& set, std::string_view name) {
  return testing::FormatPsv(set.at(std::string(name)));
}

// Micros of midnight UTC on 2026-11-<day>.
int64_t Day(int day) {
  return int64_t{Date::FromYmd(2026, 11, day).days} * 86'400'000'000LL;
}

TEST(DimensionalModelTest, KeysPadToTwoDigitsAndGrowPastNinetyNine) {
  EXPECT_EQ(SeasonKey("tt1", 1), "tt1_S01");
  EXPECT_EQ(SeasonKey("tt1", 0), "tt1_S00");
  EXPECT_EQ(EpisodeKey("tt1", 1, 2), "tt1_S01_E02");
  EXPECT_EQ(EpisodeKey("tt9", 10, 100), "tt9_S10_E100");
  EXPECT_EQ(SeasonKey("tt9", 123), "tt9_S123");
}

TEST(DimensionalModelTest, EmptyInputsGiveEveryEmptyOutput) {
  auto out = BuildGoldModel({}, {}, Day(1));
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(out->size(), ModelOutputTables().size());
  for (const auto& name : ModelOutputTables()) {
    ASSERT_TRUE(out->contains(name)) << name;
    EXPECT_EQ(out->at(name).num_rows(), 0u) << name;
    EXPECT_TRUE(out->at(name).schema() == TableByName(name).schema) << name;
  }
}

TEST(DimensionalModelTest, FirstRunBuildsSortedDimsAndDistinctBridges) {
  TableSet stg;
  stg.emplace("content_detail", T("content_detail",
                                  "content_id|content_type|primary_title|created_at|updated_at\n"
                                  "tt2|movie|Two|2026-11-01T00:00:00Z|2026-11-01T00:00:00Z\n"
                                  "tt1|tvSeries|One|NULL|NULL\n"));
  stg.emplace("content_genre",
              T("content_genre", "content_id|genre_name\ntt2|Drama\ntt1|Drama\ntt1|Comedy\ntt1|Drama\n"));
  stg.emplace("content_person", T("content_person",
                                  "content_id|person_id|person_name|role_type|character_names|order_no\n"
                                  "tt2|nm1|Ann|actress|[Eve]|2\n"
                                  "tt2|nm1|Ann|actress|[Eve, Old Eve]|1\n"
                                  "tt1|tmdb:77|Creator|creator|NULL|NULL\n"
                                  "tt9|nm5|Orphan|actor|NULL|1\n"));  // tt9 was never enriched: dropped
  stg.emplace("content_season", T("content_season", "content_id|season_number|name\ntt1|1|S1\ntt1|10|S10\n"));
  stg.emplace("content_episode",
              T("content_episode",
                "content_id|season_number|episode_number|primary_title\ntt1|1|2|E2\ntt1|10|100|E100\n"));
  ModelStats stats;
  auto out = BuildGoldModel(stg, {}, Day(3), &stats);
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(stats.titles_new, 2);
  const std::string content = Show(*out, "dim_content");
  // tt1 has no stg timestamps: both take the run's clock.
  EXPECT_NE(
      content.find("\ntt1|tvSeries|One|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|"
                   "2026-11-03T00:00:00Z|2026-11-03T00:00:00Z\ntt2|movie|Two|"),
      std::string::npos)
      << content;
  EXPECT_EQ(Show(*out, "dim_genre"), "genre_name\nComedy\nDrama\n");
  EXPECT_EQ(Show(*out, "bridge_content_genre"), "content_id|genre_name\ntt1|Comedy\ntt1|Drama\ntt2|Drama\n");
  EXPECT_EQ(
      Show(*out, "dim_person"),
      "person_id|person_name|person_homepage|person_poster\nnm1|Ann|NULL|NULL\ntmdb:77|Creator|NULL|NULL\n");
  // tt9's rows carry nothing into gold: neither its person nor a bridge row.
  EXPECT_EQ(Show(*out, "bridge_content_person"),
            "content_id|person_id|role_type|character_names|order_no\n"
            "tt1|tmdb:77|creator|NULL|NULL\ntt2|nm1|actress|[Eve, Old Eve]|1\n");
  EXPECT_EQ(Show(*out, "dim_season"),
            "season_key|content_id|season_number|name|overview|air_date|episode_count|poster_path\n"
            "tt1_S01|tt1|1|S1|NULL|NULL|NULL|NULL\ntt1_S10|tt1|10|S10|NULL|NULL|NULL|NULL\n");
  const std::string episodes = Show(*out, "dim_episode");
  EXPECT_NE(episodes.find("\ntt1_S01_E02|tt1_S01|tt1|1|2|E2|"), std::string::npos) << episodes;
  EXPECT_NE(episodes.find("\ntt1_S10_E100|tt1_S10|tt1|10|100|E100|"), std::string::npos) << episodes;
}

TEST(DimensionalModelTest, UpsertKeepsCreatedAtAndOldKeysAndRefreshesReEnrichedTitles) {
  TableSet gold;
  gold.emplace("dim_content", T("dim_content",
                                "content_id|primary_title|created_at|updated_at\n"
                                "tt1|Old One|2026-11-01T00:00:00Z|2026-11-01T00:00:00Z\n"
                                "tt8|Gone|2026-10-01T00:00:00Z|2026-10-01T00:00:00Z\n"));
  gold.emplace("dim_genre", T("dim_genre", "genre_name\nHorror\nWestern\n"));
  gold.emplace("bridge_content_genre",
               T("bridge_content_genre", "content_id|genre_name\ntt1|Horror\ntt8|Western\n"));
  TableSet stg;
  stg.emplace("content_detail", T("content_detail",
                                  "content_id|primary_title|created_at|updated_at\n"
                                  "tt1|New One|2026-11-01T00:00:00Z|2026-11-05T00:00:00Z\n"));
  stg.emplace("content_genre", T("content_genre", "content_id|genre_name\ntt1|Drama\n"));
  auto out = BuildGoldModel(stg, gold, Day(5));
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  const std::string content = Show(*out, "dim_content");
  EXPECT_NE(content.find("\ntt1|NULL|New One|"), std::string::npos) << content;
  EXPECT_NE(content.find("|2026-11-01T00:00:00Z|2026-11-05T00:00:00Z\ntt8|NULL|Gone|"), std::string::npos)
      << content;
  EXPECT_NE(content.find("|2026-10-01T00:00:00Z|2026-10-01T00:00:00Z\n"), std::string::npos) << content;
  // Keys stay; tt1's bridge rows are replaced, tt8 (not in stg) keeps its own.
  EXPECT_EQ(Show(*out, "dim_genre"), "genre_name\nDrama\nHorror\nWestern\n");
  EXPECT_EQ(Show(*out, "bridge_content_genre"), "content_id|genre_name\ntt1|Drama\ntt8|Western\n");
}

TEST(DimensionalModelTest, StaleStgDoesNotOverwriteNewerGold) {
  TableSet gold;
  gold.emplace("dim_content", T("dim_content",
                                "content_id|primary_title|created_at|updated_at\n"
                                "tt1|Newer|2026-11-01T00:00:00Z|2026-11-09T00:00:00Z\n"));
  gold.emplace("dim_genre", T("dim_genre", "genre_name\nDrama\n"));
  gold.emplace("bridge_content_genre", T("bridge_content_genre", "content_id|genre_name\ntt1|Drama\n"));
  TableSet stg;
  stg.emplace("content_detail", T("content_detail",
                                  "content_id|primary_title|created_at|updated_at\n"
                                  "tt1|Older|2026-11-01T00:00:00Z|2026-11-02T00:00:00Z\n"));
  stg.emplace("content_genre", T("content_genre", "content_id|genre_name\ntt1|Comedy\n"));
  ModelStats stats;
  auto out = BuildGoldModel(stg, gold, Day(10), &stats);
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(stats.titles_refreshed, 0);
  EXPECT_NE(Show(*out, "dim_content").find("|Newer|"), std::string::npos);
  EXPECT_EQ(Show(*out, "bridge_content_genre"), "content_id|genre_name\ntt1|Drama\n");
  EXPECT_EQ(Show(*out, "dim_genre"), "genre_name\nDrama\n");
}

TEST(DimensionalModelTest, SharedPersonTakesTheNewestEnrichment) {
  TableSet stg;
  stg.emplace("content_detail",
              T("content_detail",
                "content_id|updated_at\n"
                "tt1|2026-11-01T00:00:00Z\ntt2|2026-11-04T00:00:00Z\ntt3|2026-11-04T00:00:00Z\n"));
  stg.emplace("content_person",
              T("content_person",
                "content_id|person_id|person_name|role_type\n"
                "tt1|nm1|Old Name|actor\ntt3|nm1|Name Three|actor\ntt2|nm1|Name Two|director\n"));
  auto out = BuildGoldModel(stg, {}, Day(4));
  ASSERT_TRUE(out.ok());
  // tt2 and tt3 are equally new; the smaller content_id wins.
  EXPECT_EQ(Show(*out, "dim_person"),
            "person_id|person_name|person_homepage|person_poster\nnm1|Name Two|NULL|NULL\n");
}

TEST(DimensionalModelTest, RerunIsIdempotent) {
  TableSet stg;
  stg.emplace("content_detail", T("content_detail", "content_id|updated_at\ntt1|2026-11-01T00:00:00Z\n"));
  stg.emplace("content_network",
              T("content_network", "content_id|network_id|network_name\ntt1|n2|Two\ntt1|n1|One\n"));
  auto first = BuildGoldModel(stg, {}, Day(1));
  ASSERT_TRUE(first.ok());
  auto second = BuildGoldModel(stg, *first, Day(2));
  ASSERT_TRUE(second.ok());
  for (const auto& name : ModelOutputTables()) {
    EXPECT_TRUE(first->at(name).Equals(second->at(name))) << name << "\n"
                                                          << Show(*first, name) << Show(*second, name);
  }
  EXPECT_EQ(Show(*second, "bridge_content_network"), "content_id|network_id\ntt1|n1\ntt1|n2\n");
}

TEST(DimensionalModelTest, WrongInputSchemaIsAnErrorNamingTheTable) {
  TableSet stg;
  stg.emplace("content_genre", Table(Schema{{"content_id", DataType::kString, false}}));
  auto out = BuildGoldModel(stg, {}, Day(1));
  ASSERT_FALSE(out.ok());
  EXPECT_NE(out.status().message().find("stg/content_genre"), std::string::npos) << out.status().ToString();
}

}  // namespace
}  // namespace cinelake::model

namespace cinelake::model {
namespace {

TEST(DimensionalModelTest, TheLineageCoversEveryDeclaredDimensionAndBridge) {
  std::set<std::string> declared, modelled(ModelOutputTables().begin(), ModelOutputTables().end());
  for (const auto& def : AllTables()) {
    if (def.layer == Layer::kGold && (def.name.rfind("dim_", 0) == 0 || def.name.rfind("bridge_", 0) == 0)) {
      declared.insert(def.name);
    }
  }
  // Where-to-watch history has its own builder (watch_provider_history.h);
  // the model stage writes it with the rest.
  const StageDecl stage = ModelStage();
  const std::vector<std::string>& stage_writes = stage.writes;
  for (auto name : {tables::kDimWatchProvider, tables::kBridgeContentWatchProvider}) {
    EXPECT_EQ(declared.erase(std::string(name)), 1u) << name;
    EXPECT_NE(std::find(stage_writes.begin(), stage_writes.end(), name), stage_writes.end()) << name;
  }
  EXPECT_EQ(modelled, declared);
  EXPECT_EQ(modelled.size(), ModelOutputTables().size()) << "a table is modelled twice";
  for (const auto& name : ModelInputTables()) EXPECT_EQ(TableByName(name).layer, Layer::kStg) << name;
}

}  // namespace
}  // namespace cinelake::model
