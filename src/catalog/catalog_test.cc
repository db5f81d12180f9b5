#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "catalog/catalog_stage.h"
#include "catalog/catalog_table.h"
#include "catalog/ddl.h"
#include "jobs/testing/psv.h"
#include "lake/parquet/parquet.h"
#include "lake/testing/scratch_lake.h"

namespace cinelake::catalog {
namespace {

namespace fs = std::filesystem;

// A declared gold table as the catalog finds it at `location`.
CatalogTable Declared(std::string_view name, const std::string& location, int64_t rows, int64_t files) {
  const TableDef& def = TableByName(name);
  CatalogTable t;
  t.layer = Layer::kGold;
  t.name = def.name;
  t.path = def.path();
  t.location = location;
  t.schema = def.schema;
  t.declared = true;
  t.description = def.description;
  t.row_count = rows;
  t.file_count = files;
  return t;
}

CatalogTable FactTable() {
  CatalogTable t = Declared(tables::kFactPopularity, "s3://bucket/lake/gold/fact_popularity", 7, 2);
  t.partitioned = true;
  t.partitions = {Date::FromYmd(2026, 11, 1), Date::FromYmd(2026, 11, 3)};
  return t;
}

CatalogTable PersonBridge() {
  return Declared(tables::kBridgeContentPerson, "/abs/lake/gold/bridge_content_person", 3, 1);
}

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(CatalogDdlTest, TypeMappingPerEngine) {
  const Schema& s = TableByName(tables::kFactPopularity).schema;
  const Field& dec = s.field(s.FieldIndex("popularity"));
  EXPECT_EQ(HiveType(dec), "decimal(10,2)");
  EXPECT_EQ(TrinoType(dec), "decimal(10,2)");
  EXPECT_EQ(SparkType(dec), "DECIMAL(10,2)");
  Field list{"x", DataType::kStringList};
  EXPECT_EQ(HiveType(list), "array<string>");
  EXPECT_EQ(TrinoType(list), "array(varchar)");
  EXPECT_EQ(SparkType(list), "ARRAY<STRING>");
  EXPECT_EQ(HiveType(Field{"x", DataType::kInt32}), "int");
  EXPECT_EQ(HiveType(Field{"x", DataType::kInt64}), "bigint");
  EXPECT_EQ(HiveType(Field{"x", DataType::kTimestamp}), "timestamp");
  EXPECT_EQ(HiveType(Field{"x", DataType::kBool}), "boolean");
  EXPECT_EQ(TrinoType(Field{"x", DataType::kString}), "varchar");
  EXPECT_EQ(TrinoType(Field{"x", DataType::kInt32}), "integer");
}

TEST(CatalogDdlTest, AthenaUsesPartitionProjectionFromFirstPartitionToNow) {
  std::string ddl = AthenaDdl({FactTable(), PersonBridge()});
  EXPECT_TRUE(
      Has(ddl,
          "CREATE EXTERNAL TABLE IF NOT EXISTS `fact_popularity` (\n  `content_id` string,\n  `rank` int,\n"
          "  `popularity` decimal(10,2),\n"));
  EXPECT_TRUE(
      Has(ddl,
          "  `prev_load_date` date,\n  `days_on_list` int,\n  `total_days_on_list` int,\n  `peak_rank` int,\n"
          "  `peak_date` date,\n  `debut_date` date,\n  `peak_rank_in_type` int,\n"
          "  `peak_date_in_type` date\n)\nPARTITIONED BY (`loaddate` date)\nSTORED AS PARQUET\n"
          "LOCATION 's3://bucket/lake/gold/fact_popularity/'\nTBLPROPERTIES (\n"));
  EXPECT_TRUE(Has(ddl, "'projection.enabled' = 'true'"));
  EXPECT_TRUE(Has(ddl, "'projection.loaddate.type' = 'date'"));
  EXPECT_TRUE(Has(ddl, "'projection.loaddate.format' = 'yyyy-MM-dd'"));
  EXPECT_TRUE(Has(ddl, "'projection.loaddate.range' = '2026-11-01,NOW'"));
  EXPECT_TRUE(Has(
      ddl, "'storage.location.template' = 's3://bucket/lake/gold/fact_popularity/loadDate=${loaddate}/'"));
  // Unpartitioned: no partition clause nor projection.
  size_t bridge = ddl.find("`bridge_content_person`");
  ASSERT_NE(bridge, std::string::npos);
  std::string tail = ddl.substr(bridge);
  EXPECT_TRUE(Has(tail, "`character_names` array<string>,"));
  EXPECT_FALSE(Has(tail, "PARTITIONED BY"));
  EXPECT_FALSE(Has(tail, "TBLPROPERTIES"));
  EXPECT_TRUE(Has(tail, "LOCATION '/abs/lake/gold/bridge_content_person/';"));
}

TEST(CatalogDdlTest, TrinoSparkAndDuckDbStatements) {
  std::vector<CatalogTable> tables{FactTable(), PersonBridge()};
  std::string trino = TrinoDdl(tables, "lakehouse");
  EXPECT_TRUE(Has(trino, "CREATE TABLE IF NOT EXISTS \"fact_popularity\" (\n  \"content_id\" varchar,\n"));
  EXPECT_TRUE(Has(trino,
                  "  \"peak_rank_in_type\" integer,\n  \"peak_date_in_type\" date,\n  \"loaddate\" "
                  "date\n)\nWITH (\n  format = 'PARQUET',\n"
                  "  external_location = 's3://bucket/lake/gold/fact_popularity',\n"
                  "  partitioned_by = ARRAY['loaddate']\n);\n"));
  EXPECT_TRUE(Has(trino,
                  "CALL system.sync_partition_metadata(schema_name => 'lakehouse', table_name => "
                  "'fact_popularity', mode => 'FULL', case_sensitive => false);"));
  EXPECT_FALSE(Has(trino, "table_name => 'bridge_content_person'"));
  EXPECT_TRUE(Has(trino, "\"character_names\" array(varchar),"));

  std::string spark = SparkDdl(tables);
  EXPECT_TRUE(
      Has(spark,
          "  `peak_rank_in_type` INT,\n  `peak_date_in_type` DATE,\n  `loadDate` DATE\n)\nUSING "
          "parquet\nPARTITIONED BY (`loadDate`)\n"
          "LOCATION 's3://bucket/lake/gold/fact_popularity';\nMSCK REPAIR TABLE `fact_popularity`;\n"));
  EXPECT_FALSE(Has(spark, "MSCK REPAIR TABLE `bridge_content_person`"));

  std::string duck = DuckDbDdl(tables);
  EXPECT_TRUE(Has(duck,
                  "CREATE OR REPLACE VIEW \"fact_popularity\" AS SELECT * FROM read_parquet("
                  "'s3://bucket/lake/gold/fact_popularity/**/*.parquet', hive_partitioning = true, "
                  "hive_types = {'loadDate': DATE});"));
  EXPECT_TRUE(Has(duck,
                  "CREATE OR REPLACE VIEW \"bridge_content_person\" AS SELECT * FROM read_parquet("
                  "'/abs/lake/gold/bridge_content_person/**/*.parquet', hive_partitioning = false);"));
}

TEST(CatalogDdlTest, SchemaJsonDescribesColumnsPartitionsAndCounts) {
  auto j = nlohmann::json::parse(SchemaJson(FactTable()));
  EXPECT_EQ(j["table"], "fact_popularity");
  EXPECT_EQ(j["layer"], "gold");
  EXPECT_EQ(j["location"], "s3://bucket/lake/gold/fact_popularity");
  EXPECT_EQ(j["row_count"], 7);
  EXPECT_EQ(j["partitions_count"], 2);
  EXPECT_EQ(j["first_partition"], "2026-11-01");
  EXPECT_EQ(j["last_partition"], "2026-11-03");
  EXPECT_EQ(j["partition_keys"][0]["name"], "loadDate");
  EXPECT_EQ(j["partition_keys"][0]["type"], "DATE");
  EXPECT_EQ(j["columns"][0]["name"], "content_id");
  EXPECT_EQ(j["columns"][0]["nullable"], false);
  EXPECT_EQ(j["columns"][2]["type"], "DECIMAL");
  EXPECT_EQ(j["columns"][2]["scale"], 2);
  EXPECT_FALSE(j["description"].get<std::string>().empty());
  auto b = nlohmann::json::parse(SchemaJson(PersonBridge()));
  EXPECT_TRUE(b["partition_keys"].empty());
  EXPECT_TRUE(b["first_partition"].is_null());
}

TEST(CatalogDdlTest, LocationsWithQuotesAreRefused) {
  EXPECT_TRUE(CheckLocation("s3://bucket/prefix").ok());
  EXPECT_FALSE(CheckLocation("s3://bucket/it's").ok());
}

// Lake level: needs the Parquet codec (writer and footer reader).
class CatalogStageTest : public testing::ScratchLakeTest {
 protected:
  void Write(std::string_view table, const std::string& psv, std::optional<Date> day = std::nullopt) {
    const TableDef& def = TableByName(table);
    auto t = testing::ParsePsv(psv, def.schema, table);
    ASSERT_TRUE(t.ok()) << t.status().ToString();
    Status st = lake_->Write(def, *t, day);
    ASSERT_TRUE(st.ok()) << st.ToString();
  }
};

TEST_F(CatalogStageTest, CataloguesWhatIsInTheLakeOnly) {
  Write(tables::kPopularity, "id|type|popularity\ntt1|movie|1.5\ntt2|movie|2\n", Date::FromYmd(2026, 11, 2));
  Write(tables::kPopularity, "id|type|popularity\ntt1|movie|1.5\n", Date::FromYmd(2026, 11, 1));
  Write(tables::kDimGenre, "genre_name\nDrama\n");
  // An undeclared table made by someone else, and an empty folder.
  Table extra(Schema{{"k", DataType::kString, false}, {"n", DataType::kInt64}});
  extra.column("k").AppendString("a");
  extra.column("n").AppendInt64(1);
  std::string bytes;
  ASSERT_TRUE(parquet::WriteParquet(extra, {}, &bytes).ok());
  ASSERT_TRUE(lake_->storage().WriteAtomic("gold/extra_table/part-00000.parquet", bytes).ok());
  fs::create_directories(root_ / "stg" / "empty_folder");
  // A schema file left by a table that no longer exists.
  ASSERT_TRUE(lake_->storage().WriteAtomic("gold/_catalog/gone.schema.json", "{}").ok());

  StageMetrics metrics;
  JobContext ctx;
  ctx.lake = lake_.get();
  ctx.load_date = Date::FromYmd(2026, 11, 2);
  ctx.metrics = &metrics;
  CatalogOptions options;
  options.location = "s3://bucket/prefix/";
  Status st = RunCatalogStage(ctx, options);
  ASSERT_TRUE(st.ok()) << st.ToString();
  EXPECT_EQ(metrics.Snapshot()["catalog.tables"], 3);

  const fs::path cat = root_ / "gold" / "_catalog";
  for (const char* f : {"athena.sql", "trino.sql", "spark.sql", "duckdb.sql", "tables.json",
                        "stg_popularity.schema.json", "dim_genre.schema.json", "extra_table.schema.json"}) {
    EXPECT_TRUE(fs::exists(cat / f)) << f;
  }
  EXPECT_FALSE(fs::exists(cat / "gone.schema.json"));
  EXPECT_FALSE(fs::exists(cat / "empty_folder.schema.json"));
  EXPECT_FALSE(fs::exists(cat / "_catalog.schema.json"));

  std::string text;
  ASSERT_TRUE(lake_->storage().Read("gold/_catalog/stg_popularity.schema.json", &text).ok());
  auto j = nlohmann::json::parse(text);
  EXPECT_EQ(j["row_count"], 3);
  EXPECT_EQ(j["partitions_count"], 2);
  EXPECT_EQ(j["first_partition"], "2026-11-01");
  EXPECT_EQ(j["location"], "s3://bucket/prefix/raw/stg_popularity");
  EXPECT_EQ(j["declared"], true);
  ASSERT_TRUE(lake_->storage().Read("gold/_catalog/extra_table.schema.json", &text).ok());
  j = nlohmann::json::parse(text);
  EXPECT_EQ(j["declared"], false);
  EXPECT_EQ(j["columns"][1]["type"], "BIGINT");

  ASSERT_TRUE(lake_->storage().Read("gold/_catalog/athena.sql", &text).ok());
  EXPECT_TRUE(Has(text, "'projection.loaddate.range' = '2026-11-01,NOW'"));
  EXPECT_TRUE(Has(text, "LOCATION 's3://bucket/prefix/gold/dim_genre/'"));
  EXPECT_FALSE(Has(text, root_.string()));
  // Raw layer first, then gold; tables by name within a layer.
  EXPECT_LT(text.find("`stg_popularity`"), text.find("`dim_genre`"));
  EXPECT_LT(text.find("`dim_genre`"), text.find("`extra_table`"));
}

TEST_F(CatalogStageTest, DefaultLocationIsTheLakePathAndMismatchIsAnError) {
  Write(tables::kDimGenre, "genre_name\nDrama\n");
  JobContext ctx;
  ctx.lake = lake_.get();
  ASSERT_TRUE(RunCatalogStage(ctx, {}).ok());
  std::string text;
  ASSERT_TRUE(lake_->storage().Read("gold/_catalog/duckdb.sql", &text).ok());
  EXPECT_TRUE(Has(text, "read_parquet('" + lake_->Location("gold/dim_genre") + "/**/*.parquet'"));

  // A declared table whose files disagree with schemas.h.
  Table wrong(Schema{{"genre", DataType::kString, false}});
  wrong.column(0).AppendString("x");
  std::string bytes;
  ASSERT_TRUE(parquet::WriteParquet(wrong, {}, &bytes).ok());
  ASSERT_TRUE(lake_->storage().WriteAtomic("gold/dim_interest/part-00000.parquet", bytes).ok());
  Status st = RunCatalogStage(ctx, {});
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("dim_interest"), std::string::npos) << st.ToString();
}

TEST_F(CatalogStageTest, ACorruptOldFileIsLeftOutAndNamedInsteadOfFailingTheStage) {
  Write(tables::kPopularity, "id|type|popularity\ntt1|movie|1.5\n", Date::FromYmd(2026, 11, 1));
  Write(tables::kPopularity, "id|type|popularity\ntt1|movie|1.5\n", Date::FromYmd(2026, 11, 2));
  // A damaged disk: the footer's length now points before the file's start.
  const fs::path bad = root_ / "raw/stg_popularity/loadDate=2026-11-01/part-00000.parquet";
  fs::resize_file(bad, fs::file_size(bad) / 2);
  std::ofstream(bad, std::ios::app) << "\xff\xff\xff\x7fPAR1";

  auto found = DiscoverTables(*lake_, "");
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ((*found)[0].partitions, std::vector<Date>{Date::FromYmd(2026, 11, 2)});
  ASSERT_EQ((*found)[0].unreadable_files.size(), 1u);
  EXPECT_NE((*found)[0].unreadable_files[0].find(bad.string()), std::string::npos)
      << (*found)[0].unreadable_files[0];

  StageMetrics metrics;
  JobContext ctx;
  ctx.lake = lake_.get();
  ctx.load_date = Date::FromYmd(2026, 11, 2);
  ctx.metrics = &metrics;
  Status st = RunCatalogStage(ctx, CatalogOptions{});
  ASSERT_TRUE(st.ok()) << st.ToString();
  EXPECT_EQ(metrics.Snapshot()["catalog.unreadable_files"], 1);
}

}  // namespace
}  // namespace cinelake::catalog
