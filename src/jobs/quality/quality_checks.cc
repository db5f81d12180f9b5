#include "jobs/quality/quality_checks.h"

namespace cinelake {

const char* CheckSeverityName(CheckSeverity s) {
  return s == CheckSeverity::kFail ? "fail" : "warn";
}

Result<CheckSeverity> ParseCheckSeverity(std::string_view text) {
  if (text == "fail") return CheckSeverity::kFail;
  if (text == "warn") return CheckSeverity::kWarn;
  return Status::InvalidArgument("severity '" + std::string(text) + "' is neither \"fail\" nor \"warn\"");
}

const Table* GoldDay::Find(std::string_view name) const {
  auto it = tables.find(std::string(name));
  return it == tables.end() ? nullptr : &it->second;
}

const std::vector<QualityCheck>& QualityChecks() {
  static const std::vector<QualityCheck> checks{
      {"fact_rows_band",
       "today's fact_popularity rows are within fact_rows_max_change of the previous snapshot's",
       CheckSeverity::kWarn, CheckFactRowsBand},
      {"dim_keys_unique", "no key appears twice in any dimension", CheckSeverity::kFail, CheckDimKeysUnique},
      {"keys_in_dimensions", "every key of the fact and of the bridges is in its dimension",
       CheckSeverity::kFail, CheckKeysInDimensions},
      {"dimension_parents",
       "every season's title and every episode's season and title are in their dimensions",
       CheckSeverity::kWarn, CheckDimensionParents},
      {"key_null_rate", "key columns hold at most key_null_rate_max nulls", CheckSeverity::kFail,
       CheckKeyNullRate},
      {"popularity_valid", "every ranked title's popularity is present, finite and not negative",
       CheckSeverity::kFail, CheckPopularityValid},
      {"joiners_plus_stayers",
       "today's joiners plus the titles ranked on both days equal today's ranked titles",
       CheckSeverity::kFail, CheckJoinersPlusStayers},
  };
  return checks;
}

const QualityCheck* FindQualityCheck(std::string_view name) {
  for (const auto& c : QualityChecks()) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

}  // namespace cinelake
