#include "jobs/model/watch_provider_history.h"

#include <gtest/gtest.h>

#include "common/date.h"
#include "jobs/testing/psv.h"
#include "lake/schemas.h"

namespace cinelake::model {
namespace {

// Snapshot rows "content|country|provider|type|name|priority|day" (day of
// 2026-11), with a trailing loadDate column as Lake::ReadAllPartitions adds.
Table Snapshots(const std::vector<std::string>& rows) {
  std::vector<Field> fields = TableByName(tables::kContentWatchProvider).schema.fields();
  fields.push_back(Field{"loadDate", DataType::kDate, false});
  std::string text = "content_id|country|provider_id|offer_type|provider_name|display_priority|loadDate\n";
  for (const std::string& r : rows) text += r + "\n";
  auto t = testing::ParsePsv(text, Schema(fields), "snapshots");
  EXPECT_TRUE(t.ok()) << t.status().ToString();
  return std::move(t).value();
}

std::string Bridge(const WatchProviderGold& g) {
  return testing::FormatPsv(g.bridge_content_watch_provider);
}

TEST(WatchProviderHistoryTest, RunsOfConsecutiveChecks) {
  auto g = BuildWatchProviderHistory(Snapshots({
      "tt1|US|10|subscription|S|3|2026-11-01", "tt1|US|10|subscription|S|2|2026-11-02",
      "tt1|NULL|NULL|NULL|NULL|NULL|2026-11-03",  // checked: nothing offered
      "tt1|US|10|subscription|S|1|2026-11-04",    // re-added
      "tt1|US|20|rent|R|5|2026-11-04",            // added after the first check
      "tt2|US|10|subscription|S|4|2026-11-01",
      "tt2|US|10|subscription|S|4|2026-11-04",  // not checked on days 2-3: one run
  }));
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ(
      Bridge(*g),
      "content_id|country|provider_id|offer_type|valid_from|valid_to|display_priority|seen_on_first_check|"
      "last_checked\n"
      "tt1|US|10|subscription|2026-11-01|2026-11-02|2|true|2026-11-04\n"
      "tt1|US|10|subscription|2026-11-04|NULL|1|false|2026-11-04\n"
      "tt1|US|20|rent|2026-11-04|NULL|5|false|2026-11-04\n"
      "tt2|US|10|subscription|2026-11-01|NULL|4|true|2026-11-04\n");
  EXPECT_EQ(testing::FormatPsv(g->dim_watch_provider),
            "provider_id|provider_name|logo_path|first_seen|last_seen\n"
            "10|S|NULL|2026-11-01|2026-11-04\n"
            "20|R|NULL|2026-11-04|2026-11-04\n");
}

TEST(WatchProviderHistoryTest, EmptyAndMissingColumns) {
  auto empty = BuildWatchProviderHistory(Snapshots({}));
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty->bridge_content_watch_provider.num_rows(), 0u);
  EXPECT_EQ(empty->dim_watch_provider.num_rows(), 0u);
  auto bad = BuildWatchProviderHistory(Table(TableByName(tables::kContentWatchProvider).schema));
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("loadDate"), std::string::npos);
}

}  // namespace
}  // namespace cinelake::model
