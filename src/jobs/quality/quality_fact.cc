// The fact checks: row count against the previous snapshot, popularity,
// joiners + stayers.
#include <cmath>
#include <cstdio>
#include <string>
#include <unordered_set>

#include "jobs/quality/quality_checks.h"

namespace cinelake {

namespace {

bool IsLeaver(const Table& fact, size_t row) {
  const Column* c = fact.FindColumn("is_leaver");
  return c != nullptr && c->IsValid(row) && c->Bool(row);
}

std::string Percent(double share) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%+.1f%%", share * 100);
  return buf;
}

// The popularity of a row as a double, whatever the column's type (the fact
// stores DECIMAL(10,2) cents).
std::optional<double> PopularityOf(const Column& c, size_t row) {
  if (c.IsNull(row)) return std::nullopt;
  if (c.type() == DataType::kDouble) return c.Double(row);
  return static_cast<double>(c.Int64(row)) / 100.0;
}

}  // namespace

CheckFinding CheckFactRowsBand(const GoldDay& gold, const QualityConfig& config) {
  const double today = static_cast<double>(gold.fact.num_rows());
  if (!gold.previous_day) {
    return {false, 1,
            "no earlier snapshot to compare " + gold.day.ToString() + "'s " +
                std::to_string(gold.fact.num_rows()) + " rows with"};
  }
  const double before = static_cast<double>(gold.previous_fact.num_rows());
  std::string counts = "fact_popularity has " + std::to_string(gold.fact.num_rows()) + " rows on " +
                       gold.day.ToString() + ", " + std::to_string(gold.previous_fact.num_rows()) + " on " +
                       gold.previous_day->ToString();
  if (before == 0) {
    return {today > 0, today > 0 ? 0.0 : 1.0, counts + (today > 0 ? ": the previous snapshot is empty" : "")};
  }
  const double ratio = today / before;
  const std::string band = "±" + Percent(config.fact_rows_max_change).substr(1);
  if (std::fabs(ratio - 1) > config.fact_rows_max_change) {
    return {true, ratio, counts + " (" + Percent(ratio - 1) + "), outside " + band};
  }
  return {false, ratio, counts + " (" + Percent(ratio - 1) + "), within " + band};
}

CheckFinding CheckPopularityValid(const GoldDay& gold, const QualityConfig&) {
  const Column* pop = gold.fact.FindColumn("popularity");
  const Column* id = gold.fact.FindColumn("content_id");
  if (pop == nullptr || id == nullptr) return {true, 1, "fact_popularity lacks popularity or content_id"};
  int64_t bad = 0;
  std::string first;
  for (size_t r = 0; r < gold.fact.num_rows(); ++r) {
    if (IsLeaver(gold.fact, r)) continue;
    std::optional<double> v = PopularityOf(*pop, r);
    std::string what;
    if (!v) {
      what = "is null";
    } else if (!std::isfinite(*v)) {
      what = "is not finite";
    } else if (*v < 0) {
      what = "is negative (" + std::to_string(*v) + ")";
    } else {
      continue;
    }
    ++bad;
    if (first.empty())
      first = "the popularity of '" + std::string(id->IsValid(r) ? id->String(r) : "NULL") + "' " + what;
  }
  if (bad > 0) {
    return {true, static_cast<double>(bad),
            std::to_string(bad) + " ranked row(s) with an invalid popularity, e.g. " + first};
  }
  return {false, 0, "every ranked popularity is finite and not negative"};
}

CheckFinding CheckJoinersPlusStayers(const GoldDay& gold, const QualityConfig&) {
  const Column* id = gold.fact.FindColumn("content_id");
  const Column* joiner = gold.fact.FindColumn("is_new_joiner");
  if (id == nullptr || joiner == nullptr)
    return {true, 1, "fact_popularity lacks content_id or is_new_joiner"};
  std::unordered_set<std::string_view> ranked_before;
  if (const Column* prev_id = gold.previous_fact.FindColumn("content_id"); prev_id != nullptr) {
    for (size_t r = 0; r < gold.previous_fact.num_rows(); ++r) {
      if (!IsLeaver(gold.previous_fact, r) && prev_id->IsValid(r)) ranked_before.insert(prev_id->String(r));
    }
  }
  int64_t ranked = 0, joiners = 0, stayers = 0;
  for (size_t r = 0; r < gold.fact.num_rows(); ++r) {
    if (IsLeaver(gold.fact, r)) continue;
    ++ranked;
    if (joiner->IsValid(r) && joiner->Bool(r)) ++joiners;
    if (id->IsValid(r) && ranked_before.contains(id->String(r))) ++stayers;
  }
  const int64_t gap = joiners + stayers - ranked;
  std::string counts = std::to_string(joiners) + " joiners + " + std::to_string(stayers) +
                       " stayers = " + std::to_string(joiners + stayers) + ", " + std::to_string(ranked) +
                       " ranked on " + gold.day.ToString();
  if (gap != 0) return {true, static_cast<double>(gap), counts};
  return {false, 0, counts};
}

}  // namespace cinelake
