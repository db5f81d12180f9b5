// The data-quality checks of a day's gold, declared in one table.
//
// Each check is a name, a description, a default severity and a pure
// function over the gold a day left (GoldDay). A check measures a figure and
// says whether it breached; the quality stage turns a breach into "warn" or
// "fail" by the check's severity (QualityConfig overrides the default), and
// a "fail" fails the run. Adding a check is adding a row to QualityChecks().
//
// Check functions never fail: a table that is absent reads as empty, and a
// missing column is a breach that names it. Thread-compatible: the table is
// immutable after first use.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "common/status.h"
#include "table/table.h"

namespace cinelake {

enum class CheckSeverity { kWarn, kFail };
const char* CheckSeverityName(CheckSeverity s);  // "warn" / "fail"
Result<CheckSeverity> ParseCheckSeverity(std::string_view text);

struct QualityConfig {
  // fact_rows_band: today's fact rows may differ from the previous
  // snapshot's by at most this share (0.5 = ±50%).
  double fact_rows_max_change = 0.5;
  // key_null_rate: the largest share of nulls allowed in a key column.
  double key_null_rate_max = 0.0;
  std::map<std::string, CheckSeverity> severity;  // per check name; absent = its default
};

// The gold a day left: the day's fact partition, the latest earlier one,
// and every dimension and bridge (by table name; absent = never written).
struct GoldDay {
  Date day;
  Table fact;
  std::optional<Date> previous_day;
  Table previous_fact;
  std::map<std::string, Table> tables;

  const Table* Find(std::string_view name) const;
};

struct CheckFinding {
  bool breached = false;
  double figure = 0;  // always finite
  std::string message;
};

struct QualityCheck {
  std::string_view name;
  std::string_view description;
  CheckSeverity default_severity;
  std::function<CheckFinding(const GoldDay&, const QualityConfig&)> run;
};

// Every check, in the order they run and are recorded.
const std::vector<QualityCheck>& QualityChecks();
// The check of that name, or null.
const QualityCheck* FindQualityCheck(std::string_view name);

// The check functions (quality_keys.cc, quality_fact.cc).
CheckFinding CheckFactRowsBand(const GoldDay& gold, const QualityConfig& config);
CheckFinding CheckDimKeysUnique(const GoldDay& gold, const QualityConfig& config);
CheckFinding CheckKeysInDimensions(const GoldDay& gold, const QualityConfig& config);
CheckFinding CheckDimensionParents(const GoldDay& gold, const QualityConfig& config);
CheckFinding CheckKeyNullRate(const GoldDay& gold, const QualityConfig& config);
CheckFinding CheckPopularityValid(const GoldDay& gold, const QualityConfig& config);
CheckFinding CheckJoinersPlusStayers(const GoldDay& gold, const QualityConfig& config);

}  // namespace cinelake
