#include "jobs/quality/quality_stage.h"

#include <algorithm>

#include "lake/schemas.h"

namespace cinelake {

namespace {

bool IsModelTable(const TableDef& def) {
  return def.layer == Layer::kGold && (def.name.rfind("dim_", 0) == 0 || def.name.rfind("bridge_", 0) == 0);
}

}  // namespace

Result<GoldDay> ReadGoldDay(const Lake& lake, Date day) {
  GoldDay gold;
  gold.day = day;
  const TableDef& fact = TableByName(tables::kFactPopularity);
  ASSIGN_OR_RETURN(gold.fact, lake.ReadOrEmpty(fact, day));
  ASSIGN_OR_RETURN(std::vector<Date> days, lake.Partitions(fact));
  auto pos = std::lower_bound(days.begin(), days.end(), day);
  if (pos != days.begin()) {
    gold.previous_day = *(pos - 1);
    ASSIGN_OR_RETURN(gold.previous_fact, lake.Read(fact, *gold.previous_day));
  }
  for (const TableDef& def : AllTables()) {
    if (!IsModelTable(def) || !lake.Exists(def)) continue;
    ASSIGN_OR_RETURN(Table t, lake.Read(def));
    gold.tables.emplace(def.name, std::move(t));
  }
  return gold;
}

Status RunQualityChecks(const JobContext& ctx, const GoldDay& gold, const QualityConfig& config) {
  std::string failed;
  for (const QualityCheck& check : QualityChecks()) {
    CheckFinding finding = check.run(gold, config);
    auto it = config.severity.find(std::string(check.name));
    CheckSeverity severity = it == config.severity.end() ? check.default_severity : it->second;
    CheckResult result;
    result.name = std::string(check.name);
    result.figure = finding.figure;
    result.message = finding.message;
    result.status = !finding.breached                  ? CheckStatus::kPass
                    : severity == CheckSeverity::kFail ? CheckStatus::kFail
                                                       : CheckStatus::kWarn;
    if (result.status == CheckStatus::kWarn) ctx.Count("quality.checks_warned", 1);
    if (result.status == CheckStatus::kFail) {
      ctx.Count("quality.checks_failed", 1);
      failed += (failed.empty() ? "" : "; ") + result.name + ": " + result.message;
    }
    ctx.Check(std::move(result));
  }
  if (!failed.empty()) {
    return Status::QualityFailed("data-quality check failed for " + gold.day.ToString() + ": " + failed);
  }
  return Status::OK();
}

Status RunQualityStage(const JobContext& ctx, const QualityConfig& config) {
  if (ctx.lake == nullptr) return Status::Internal("quality stage: no lake");
  ASSIGN_OR_RETURN(GoldDay gold, ReadGoldDay(*ctx.lake, ctx.load_date));
  return RunQualityChecks(ctx, gold, config);
}

StageDecl QualityStage(const QualityConfig& config) {
  StageDecl s;
  s.name = "quality";
  s.reads.push_back(Today(tables::kFactPopularity));
  for (const TableDef& def : AllTables()) {
    if (IsModelTable(def)) s.reads.push_back(Today(def.name));
  }
  s.run = [config](const JobContext& ctx) { return RunQualityStage(ctx, config); };
  return s;
}

}  // namespace cinelake
