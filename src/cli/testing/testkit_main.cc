// cinelake-testkit: generators the test suites need, kept out of the product.
//
//   cinelake-testkit parquet-samples DIR [--rows N] [--seed S]
//       tricky Parquet files and their expected rows (lake/testing/parquet_samples.h)
//   cinelake-testkit dev-fixture --lake DIR [--days N] [--titles N]
//       the dashboard's deterministic gold lake (serve/testing/fixture_lake.h)
//   cinelake-testkit catalog-day --lake DIR --exports URL --date D
//       only the whole-catalog branch (tmdb_export, fact_catalog) for one day,
//       printing its wall time and the process's peak memory (bench/catalog_day.mjs)
//
// Exit codes are the product's (cli/command.h).
#include <sys/resource.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>

#include "cli/command.h"
#include "jobs/catalog_export/fact_catalog_stage.h"
#include "jobs/catalog_export/tmdb_export_stage.h"
#include "lake/lake.h"
#include "lake/testing/parquet_samples.h"
#include "serve/gold.h"
#include "serve/testing/fixture_lake.h"
#include "sources/api_clients.h"

namespace cinelake {
namespace {

void RegisterParquetSamples(CLI::App& app) {
  struct Args {
    std::string dir;
    size_t rows = 64;
    uint64_t seed = 20261123;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("parquet-samples", "Write tricky sample files and their expected rows");
  cmd->add_option("DIR", args->dir, "Output folder")->required();
  cmd->add_option("--rows", args->rows, "Rows per table")->capture_default_str();
  cmd->add_option("--seed", args->seed, "Seed for the random rows")->capture_default_str();
  cmd->callback([args] {
    size_t files = 0;
    Status st = testing::WriteParquetSamples(args->dir, args->rows, args->seed, &files);
    if (!st.ok()) Exit(ReportFailure(st));
    std::printf("wrote %zu sample files to %s\n", files, args->dir.c_str());
  });
}

void RegisterDevFixture(CLI::App& app) {
  auto fx = std::make_shared<serve::testing::FixtureOptions>();
  auto lake_dir = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("dev-fixture", "Write the dashboard's deterministic test lake");
  cmd->add_option("--lake", *lake_dir, "Lake folder (new or empty)")->required();
  cmd->add_option("--days", fx->days, "Days of fact_popularity")
      ->check(CLI::Range(1, 2000))
      ->capture_default_str();
  cmd->add_option("--titles", fx->titles, "Titles")->check(CLI::Range(20, 5000))->capture_default_str();
  cmd->callback([fx, lake_dir] {
    auto lake = Lake::Open(*lake_dir, Lake::OpenMode::kCreateIfMissing);
    if (!lake.ok()) Exit(ReportFailure(lake.status()));
    Status st = serve::WriteGold(**lake, serve::testing::MakeFixtureGold(*fx));
    if (!st.ok()) Exit(ReportFailure(st.WithContext("writing the fixture lake")));
    std::printf("cinelake-testkit dev-fixture: wrote %d days, %d titles to %s\n", fx->days, fx->titles,
                (*lake)->Location().c_str());
  });
}

void RegisterCatalogDay(CLI::App& app) {
  struct Args {
    std::string lake, exports, date;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("catalog-day", "Run only the whole-catalog branch for one day");
  cmd->add_option("--lake", args->lake, "Lake folder")->required();
  cmd->add_option("--exports", args->exports, "Base URL of the export files (file:// or http://)")
      ->required();
  cmd->add_option("--date", args->date, "The day YYYY-MM-DD")->required();
  cmd->callback([args] {
    auto day = Date::Parse(args->date);
    if (!day.ok()) Exit(ReportFailure(day.status()));
    auto lake = Lake::Open(args->lake, Lake::OpenMode::kCreateIfMissing);
    if (!lake.ok()) Exit(ReportFailure(lake.status()));
    ApiConfig config;
    config.export_base_url = args->exports;
    auto apis = ApiClients::Open(config);
    if (!apis.ok()) Exit(ReportFailure(apis.status()));
    StageMetrics metrics;
    JobContext ctx;
    ctx.lake = lake->get();
    ctx.load_date = *day;
    ctx.run_id = "catalog-day-" + day->ToString();
    ctx.metrics = &metrics;
    ctx.apis = apis->get();
    auto start = std::chrono::steady_clock::now();
    Status st = RunTmdbExportStage(ctx);
    if (st.ok()) st = RunFactCatalogStage(ctx);
    if (!st.ok()) Exit(ReportFailure(st));
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    struct rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("catalog_day_ms %.1f\ncatalog_peak_rss_kb %ld\n", ms, usage.ru_maxrss);
    for (const auto& [name, value] : metrics.Snapshot())
      std::printf("metric.%s %lld\n", name.c_str(), static_cast<long long>(value));
  });
}

}  // namespace
}  // namespace cinelake

int main(int argc, char** argv) {
  CLI::App app{"cinelake-testkit - generators for cinelake's test suites (not installed)"};
  app.require_subcommand(1);
  cinelake::RegisterParquetSamples(app);
  cinelake::RegisterDevFixture(app);
  cinelake::RegisterCatalogDay(app);
  return cinelake::RunCommandLine(app, argc, argv);
}
