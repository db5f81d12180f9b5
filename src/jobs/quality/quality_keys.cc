// The key checks: unique in dimensions, present in their dimension, not null.
#include <span>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "jobs/quality/quality_checks.h"
#include "lake/schemas.h"

namespace cinelake {

namespace {

// A column that refers to another table's key: a foreign key of the model.
struct Reference {
  std::string_view table;
  std::string_view column;
  std::string_view dimension;  // its key column is the dimension's single key
};

// A season or episode whose parent is missing is possible when only part of a
// title's TMDB answers arrived, so those references are a check of their own.
constexpr Reference kParentReferences[] = {
    {tables::kDimSeason, "content_id", tables::kDimContent},
    {tables::kDimEpisode, "season_key", tables::kDimSeason},
    {tables::kDimEpisode, "content_id", tables::kDimContent},
};

// Every bridge joins a title (its content_id, in dim_content) to a member of
// one other dimension: that other reference of each bridge.
constexpr Reference kBridgeMembers[] = {
    {tables::kBridgeContentGenre, "genre_name", tables::kDimGenre},
    {tables::kBridgeContentPerson, "person_id", tables::kDimPerson},
    {tables::kBridgeContentCompany, "company_id", tables::kDimProductionCompany},
    {tables::kBridgeContentInterest, "interest_name", tables::kDimInterest},
    {tables::kBridgeContentNetwork, "network_id", tables::kDimNetwork},
    {tables::kBridgeContentWatchProvider, "provider_id", tables::kDimWatchProvider},
};

// The fact's title, then each bridge's title and member, in that order.
std::vector<Reference> FactAndBridgeReferences() {
  std::vector<Reference> refs = {{tables::kFactPopularity, "content_id", tables::kDimContent}};
  for (const Reference& member : kBridgeMembers) {
    refs.push_back({member.table, "content_id", tables::kDimContent});
    refs.push_back(member);
  }
  return refs;
}

bool IsDimension(const TableDef& def) {
  return def.layer == Layer::kGold && def.name.rfind("dim_", 0) == 0;
}
bool IsBridge(const TableDef& def) {
  return def.layer == Layer::kGold && def.name.rfind("bridge_", 0) == 0;
}

// The table a check reads: the day's fact partition or a dimension/bridge.
const Table* TableOf(const GoldDay& gold, std::string_view name) {
  return name == tables::kFactPopularity ? &gold.fact : gold.Find(name);
}

// Keys are strings or integers in this model; an integer key part (a date
// as its day number) is shown as a number.
std::string Cell(const Column& c, size_t row) {
  if (c.type() == DataType::kString) return std::string(c.String(row));
  if (c.type() == DataType::kInt64) return std::to_string(c.Int64(row));
  return std::to_string(c.Int32(row));
}

// The key of a single-key dimension as a set; null keys are left out.
std::unordered_set<std::string> KeySet(const Table& dim, const std::string& key) {
  std::unordered_set<std::string> keys;
  const Column* c = dim.FindColumn(key);
  if (c == nullptr) return keys;
  keys.reserve(dim.num_rows() * 2);
  for (size_t r = 0; r < c->size(); ++r) {
    if (c->IsValid(r)) keys.insert(Cell(*c, r));
  }
  return keys;
}

CheckFinding Breach(double figure, std::string message) {
  return CheckFinding{true, figure, std::move(message)};
}

}  // namespace

CheckFinding CheckDimKeysUnique(const GoldDay& gold, const QualityConfig&) {
  int64_t duplicates = 0;
  std::string first;
  int checked = 0;
  for (const TableDef& def : AllTables()) {
    if (!IsDimension(def)) continue;
    const Table* t = gold.Find(def.name);
    if (t == nullptr) continue;
    ++checked;
    const Column* c = t->FindColumn(def.key.front());
    if (c == nullptr) return Breach(1, def.name + " lacks its key column " + def.key.front());
    std::unordered_map<std::string, int> seen;
    seen.reserve(t->num_rows() * 2);
    for (size_t r = 0; r < c->size(); ++r) {
      if (c->IsNull(r)) continue;
      int n = ++seen[Cell(*c, r)];
      if (n == 2) {
        ++duplicates;
        if (first.empty()) first = def.name + "." + def.key.front() + " '" + Cell(*c, r) + "'";
      }
    }
  }
  if (duplicates > 0) {
    return Breach(static_cast<double>(duplicates),
                  std::to_string(duplicates) + " key(s) appear more than once, e.g. " + first);
  }
  return {false, 0, "the keys of " + std::to_string(checked) + " dimension(s) are unique"};
}

namespace {

// How many keys of `refs` are missing from their dimension, and one of them.
CheckFinding MissingKeys(const GoldDay& gold, std::span<const Reference> refs,
                         const std::string& ok_message) {
  std::map<std::string, std::unordered_set<std::string>> dims;
  int64_t missing = 0;
  std::string first;
  for (const Reference& ref : refs) {
    const Table* t = TableOf(gold, ref.table);
    if (t == nullptr || t->num_rows() == 0) continue;
    const Column* c = t->FindColumn(ref.column);
    std::string where = std::string(ref.table) + "." + std::string(ref.column);
    if (c == nullptr) return Breach(1, std::string(ref.table) + " lacks column " + std::string(ref.column));
    const TableDef& dim_def = TableByName(ref.dimension);
    auto [it, fresh] = dims.try_emplace(dim_def.name);
    if (fresh) {
      const Table* dim = gold.Find(dim_def.name);
      if (dim != nullptr) it->second = KeySet(*dim, dim_def.key.front());
    }
    for (size_t r = 0; r < c->size(); ++r) {
      if (c->IsNull(r)) continue;  // key_null_rate counts those
      std::string key = Cell(*c, r);
      if (it->second.contains(key)) continue;
      ++missing;
      if (first.empty()) first = where + " '" + key + "' is not in " + dim_def.name;
    }
  }
  if (missing > 0) {
    return Breach(static_cast<double>(missing),
                  std::to_string(missing) + " key(s) missing from their dimension, e.g. " + first);
  }
  return {false, 0, ok_message};
}

}  // namespace

CheckFinding CheckKeysInDimensions(const GoldDay& gold, const QualityConfig&) {
  static const std::vector<Reference> references = FactAndBridgeReferences();
  return MissingKeys(gold, references, "every fact and bridge key is in its dimension");
}

CheckFinding CheckDimensionParents(const GoldDay& gold, const QualityConfig&) {
  return MissingKeys(gold, kParentReferences,
                     "every season's title and every episode's season and title exist");
}

CheckFinding CheckKeyNullRate(const GoldDay& gold, const QualityConfig& config) {
  double worst = 0;
  std::string worst_where;
  int64_t worst_nulls = 0;
  size_t worst_rows = 0;
  auto consider = [&](const std::string& table_name, const Table& t, const std::string& column,
                      const Column* only_where_false) {
    const Column* c = t.FindColumn(column);
    size_t rows = 0;
    int64_t nulls = 0;
    for (size_t r = 0; r < t.num_rows(); ++r) {
      if (only_where_false != nullptr && only_where_false->IsValid(r) && only_where_false->Bool(r)) continue;
      ++rows;
      if (c == nullptr || c->IsNull(r)) ++nulls;
    }
    if (rows == 0) return;
    double rate = static_cast<double>(nulls) / static_cast<double>(rows);
    if (rate > worst || worst_where.empty()) {
      worst = rate;
      worst_where = table_name + "." + column;
      worst_nulls = nulls;
      worst_rows = rows;
    }
  };
  for (const TableDef& def : AllTables()) {
    if (!IsDimension(def) && !IsBridge(def)) continue;
    const Table* t = gold.Find(def.name);
    if (t == nullptr) continue;
    for (const auto& key : def.key) consider(def.name, *t, key, nullptr);
  }
  // A leaver has no rank or popularity today by definition.
  const Column* leaver = gold.fact.FindColumn("is_leaver");
  consider(std::string(tables::kFactPopularity), gold.fact, "content_id", nullptr);
  consider(std::string(tables::kFactPopularity), gold.fact, "rank", leaver);
  std::string detail = worst_where.empty()
                           ? std::string("no key column has rows")
                           : "the highest null rate is " + worst_where + ": " + std::to_string(worst_nulls) +
                                 " of " + std::to_string(worst_rows);
  if (worst > config.key_null_rate_max) {
    return Breach(worst, detail + ", above key_null_rate_max " + std::to_string(config.key_null_rate_max));
  }
  return {false, worst, detail};
}

}  // namespace cinelake
