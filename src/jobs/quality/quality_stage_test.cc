#include "jobs/quality/quality_stage.h"

#include <gtest/gtest.h>

#include "jobs/testing/psv.h"
#include "jobs/testing/scratch_lake.h"
#include "lake/schemas.h"

namespace cinelake {
namespace {

// A small gold lake that passes every check: day 1 ranks a, b, c; day 2
// keeps a and b, adds d and lets c leave.
const std::map<std::string, std::string> kCleanGold = {
    {"dim_content", "content_id|content_type\na|movie\nb|movie\nc|tv\nd|tv\n"},
    {"dim_genre", "genre_name\nDrama\n"},
    {"dim_episode", "episode_key|season_key|content_id\n"},
    {"bridge_content_genre", "content_id|genre_name\na|Drama\n"},
    {"fact@1",
     "content_id|rank|popularity|is_new_joiner|is_leaver\n"
     "a|1|30.00|true|false\nb|2|20.00|true|false\nc|3|10.00|true|false\n"},
    {"fact@2",
     "content_id|rank|popularity|is_new_joiner|is_leaver\n"
     "a|1|31.00|false|false\nb|2|21.00|false|false\nd|3|11.00|true|false\nc|NULL|0.00|false|true\n"},
};

// One way to breach the checks: an edit of one clean table, and what the
// run must record.
struct BreachCase {
  std::string name;
  std::string table;    // a key of kCleanGold
  std::string replace;  // this text of its rows becomes `with`; empty: `with` is added at the end
  std::string with;
  std::string check;
  CheckStatus status;
  std::string message;  // a part of the check's message
};

const std::vector<BreachCase>& Breaches() {
  static const std::vector<BreachCase> cases = {
      {"FactRowsOutsideTheBand", "fact@2",
       "b|2|21.00|false|false\nd|3|11.00|true|false\nc|NULL|0.00|false|true\n", "", "fact_rows_band",
       CheckStatus::kWarn,
       "fact_popularity has 1 rows on 2026-11-02, 3 on 2026-11-01 (-66.7%), outside ±50.0%"},
      {"DuplicateDimensionKey", "dim_content", "", "a|tv\n", "dim_keys_unique", CheckStatus::kFail,
       "1 key(s) appear more than once, e.g. dim_content.content_id 'a'"},
      {"BridgeKeyMissingFromItsDimension", "bridge_content_genre", "", "d|Comedy\n", "keys_in_dimensions",
       CheckStatus::kFail, "bridge_content_genre.genre_name 'Comedy' is not in dim_genre"},
      {"FactKeyMissingFromItsDimension", "dim_content", "d|tv\n", "", "keys_in_dimensions",
       CheckStatus::kFail, "fact_popularity.content_id 'd' is not in dim_content"},
      {"EpisodeOfAMissingSeason", "dim_episode", "", "c_S01_E01|c_S01|c\n", "dimension_parents",
       CheckStatus::kWarn, "dim_episode.season_key 'c_S01' is not in dim_season"},
      {"NullRankOfARankedTitle", "fact@2", "b|2|", "b|NULL|", "key_null_rate", CheckStatus::kFail,
       "fact_popularity.rank: 1 of 3, above key_null_rate_max"},
      {"NegativePopularity", "fact@2", "d|3|11.00|", "d|3|-1.50|", "popularity_valid", CheckStatus::kFail,
       "the popularity of 'd' is negative (-1.500000)"},
      {"MissingPopularity", "fact@2", "a|1|31.00|", "a|1|NULL|", "popularity_valid", CheckStatus::kFail,
       "the popularity of 'a' is null"},
      {"AStayerMarkedAsJoiner", "fact@2", "a|1|31.00|false|", "a|1|31.00|true|", "joiners_plus_stayers",
       CheckStatus::kFail, "2 joiners + 2 stayers = 4, 3 ranked on 2026-11-02"},
  };
  return cases;
}

// The clean gold with the case's edit made.
std::map<std::string, std::string> BreachedGold(const BreachCase& c) {
  std::map<std::string, std::string> tables = kCleanGold;
  std::string& rows = tables.at(c.table);
  if (c.replace.empty()) {
    rows += c.with;
  } else {
    size_t at = rows.find(c.replace);
    EXPECT_NE(at, std::string::npos) << c.name << ": '" << c.replace << "' is not in " << c.table;
    if (at != std::string::npos) rows.replace(at, c.replace.size(), c.with);
  }
  return tables;
}

class QualityStageTest : public ::testing::Test {
 protected:
  void WriteGold(const std::map<std::string, std::string>& tables = kCleanGold) {
    for (const auto& [name, rows] : tables) {
      size_t at = name.find('@');
      const TableDef& def =
          TableByName(at == std::string::npos ? name : std::string(tables::kFactPopularity));
      auto t = testing::ParsePsv(rows, def.schema, name);
      ASSERT_TRUE(t.ok()) << t.status().ToString();
      std::optional<Date> day;
      if (at != std::string::npos) day = Date::FromYmd(2026, 11, std::stoi(name.substr(at + 1)));
      ASSERT_TRUE(lake_->Write(def, *t, day).ok()) << name;
    }
  }
  Status Run(const QualityConfig& config = {}) {
    JobContext ctx;
    ctx.lake = lake_.get();
    ctx.load_date = Date::FromYmd(2026, 11, 2);
    ctx.metrics = metrics_.get();
    return RunQualityStage(ctx, config);
  }
  const CheckResult* Find(const std::string& name) {
    checks_ = metrics_->Checks();
    for (const auto& c : checks_) {
      if (c.name == name) return &c;
    }
    return nullptr;
  }

  testing::ScratchLake lake_{"quality-test"};
  std::unique_ptr<StageMetrics> metrics_ = std::make_unique<StageMetrics>();
  std::vector<CheckResult> checks_;
};

TEST_F(QualityStageTest, CleanGoldPassesEveryCheck) {
  WriteGold();
  Status st = Run();
  ASSERT_TRUE(st.ok()) << st.ToString();
  auto checks = metrics_->Checks();
  ASSERT_EQ(checks.size(), QualityChecks().size());
  for (const auto& c : checks) EXPECT_EQ(c.status, CheckStatus::kPass) << c.name << ": " << c.message;
  EXPECT_EQ(Find("joiners_plus_stayers")->message, "1 joiners + 2 stayers = 3, 3 ranked on 2026-11-02");
  EXPECT_DOUBLE_EQ(Find("fact_rows_band")->figure, 4.0 / 3.0);
}

TEST_F(QualityStageTest, EachBreachIsDetectedWithItsMessage) {
  for (const BreachCase& c : Breaches()) {
    SCOPED_TRACE(c.name);
    metrics_ = std::make_unique<StageMetrics>();
    WriteGold(BreachedGold(c));
    Status st = Run();
    const CheckResult* r = Find(c.check);
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(r->status, c.status) << r->message;
    EXPECT_NE(r->message.find(c.message), std::string::npos) << r->message;
    // Only the breached check leaves "pass".
    for (const auto& other : checks_) {
      if (other.name != c.check) {
        EXPECT_EQ(other.status, CheckStatus::kPass) << other.name << ": " << other.message;
      }
    }
    if (c.status == CheckStatus::kFail) {
      ASSERT_EQ(st.code(), Status::Code::kQualityFailed) << st.ToString();
      EXPECT_NE(st.message().find(c.check + ": "), std::string::npos) << st.ToString();
    } else {
      EXPECT_TRUE(st.ok()) << st.ToString();
    }
  }
}

TEST_F(QualityStageTest, TheConfiguredSeverityDecidesBetweenWarnAndFail) {
  WriteGold(BreachedGold(Breaches()[0]));  // the fact shrank by two thirds
  QualityConfig strict;
  strict.severity["fact_rows_band"] = CheckSeverity::kFail;
  EXPECT_EQ(Run(strict).code(), Status::Code::kQualityFailed);
  EXPECT_EQ(Find("fact_rows_band")->status, CheckStatus::kFail);

  metrics_ = std::make_unique<StageMetrics>();
  QualityConfig wide;
  wide.fact_rows_max_change = 0.7;
  EXPECT_TRUE(Run(wide).ok());
  EXPECT_EQ(Find("fact_rows_band")->status, CheckStatus::kPass);

  metrics_ = std::make_unique<StageMetrics>();
  WriteGold(BreachedGold(Breaches()[1]));  // a duplicate key
  QualityConfig lenient;
  lenient.severity["dim_keys_unique"] = CheckSeverity::kWarn;
  EXPECT_TRUE(Run(lenient).ok());
  EXPECT_EQ(Find("dim_keys_unique")->status, CheckStatus::kWarn);
}

TEST_F(QualityStageTest, TheFirstDayHasNothingToCompareWith) {
  WriteGold();
  JobContext ctx;
  ctx.lake = lake_.get();
  ctx.load_date = Date::FromYmd(2026, 11, 1);
  ctx.metrics = metrics_.get();
  Status st = RunQualityStage(ctx, {});
  ASSERT_TRUE(st.ok()) << st.ToString();
  EXPECT_EQ(Find("fact_rows_band")->status, CheckStatus::kPass);
  EXPECT_EQ(Find("joiners_plus_stayers")->message, "3 joiners + 0 stayers = 3, 3 ranked on 2026-11-01");
}

}  // namespace
}  // namespace cinelake
