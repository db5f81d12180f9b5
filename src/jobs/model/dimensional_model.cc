#include "jobs/model/dimensional_model.h"

#include <algorithm>
#include <cstdio>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "jobs/table_ops.h"
#include "lake/schemas.h"

namespace cinelake::model {

namespace {

// The model's lineage, declared once: which stg table feeds each dimension
// and bridge. The stage's reads and writes (model_stage.cc) and the order
// tables are written in follow from it.
struct DimFrom {
  std::string_view dim;
  std::string_view stg;
};
constexpr DimFrom kDimLineage[] = {
    {tables::kDimSeason, tables::kContentSeason},
    {tables::kDimEpisode, tables::kContentEpisode},
    {tables::kDimPerson, tables::kContentPerson},
    {tables::kDimGenre, tables::kContentGenre},
    {tables::kDimProductionCompany, tables::kContentProduction},
    {tables::kDimInterest, tables::kContentInterest},
    {tables::kDimNetwork, tables::kContentNetwork},
};
struct BridgeFrom {
  std::string_view bridge;
  std::string_view stg;
  std::string_view dim;
  std::string_view other;  // the non-content end's column
};
constexpr BridgeFrom kBridgeLineage[] = {
    {tables::kBridgeContentGenre, tables::kContentGenre, tables::kDimGenre, "genre_name"},
    {tables::kBridgeContentPerson, tables::kContentPerson, tables::kDimPerson, "person_id"},
    {tables::kBridgeContentCompany, tables::kContentProduction, tables::kDimProductionCompany, "company_id"},
    {tables::kBridgeContentInterest, tables::kContentInterest, tables::kDimInterest, "interest_name"},
    {tables::kBridgeContentNetwork, tables::kContentNetwork, tables::kDimNetwork, "network_id"},
};

using KeySet = std::unordered_set<std::string_view>;
// Refreshed titles: content_id -> version (when last enriched).
using Versions = std::unordered_map<std::string_view, int64_t>;

// The named input, or an empty table of its declared schema (kept in
// `empties`, whose nodes never move). A schema other than the declared one
// is an error naming the table.
Result<const Table*> Get(const TableSet& set, std::string_view name, TableSet* empties) {
  const TableDef& def = TableByName(name);
  auto it = set.find(name);
  if (it == set.end()) {
    auto [e, _] = empties->emplace(std::string(name), Table(def.schema));
    return &e->second;
  }
  if (!(it->second.schema() == def.schema)) {
    return Status::InvalidArgument(def.path() + ": columns differ from the declared schema");
  }
  return &it->second;
}

KeySet Keys(const Column& column) {
  KeySet keys;
  keys.reserve(column.size() * 2);
  for (size_t i = 0; i < column.size(); ++i) keys.insert(column.String(i));
  return keys;
}

// For each column of `schema`, the same-named column of `stg`, or -1 for a
// computed one.
std::vector<int> MapColumns(const Schema& schema, const Table& stg) {
  std::vector<int> map(schema.size());
  for (size_t c = 0; c < schema.size(); ++c) map[c] = stg.schema().FieldIndex(schema.field(c).name);
  return map;
}

using ComputeFn = std::function<std::string(std::string_view column, size_t stg_row)>;

// The dimension rows carried by the stg rows of refreshed titles, one per
// key: the most recently enriched title wins, then the smallest content_id,
// then the first stg row.
Table FreshDimRows(const TableDef& dim, const Table& stg, const Versions& refreshed,
                   const ComputeFn& compute) {
  const Column& cid = stg.column("content_id");
  std::vector<uint32_t> rows;
  std::vector<int64_t> version(stg.num_rows(), 0);
  for (size_t r = 0; r < stg.num_rows(); ++r) {
    auto it = refreshed.find(cid.String(r));
    if (it == refreshed.end()) continue;
    version[r] = it->second;
    rows.push_back(static_cast<uint32_t>(r));
  }
  std::vector<int> map = MapColumns(dim.schema, stg);
  Table cand(dim.schema);
  for (size_t c = 0; c < cand.num_columns(); ++c) {
    Column& col = cand.column(c);
    col.Reserve(rows.size());
    for (uint32_t r : rows) {
      if (map[c] >= 0)
        col.AppendFrom(stg.column(map[c]), r);
      else
        col.AppendString(compute(dim.schema.field(c).name, r));
    }
  }
  auto newest_first = [&](uint32_t a, uint32_t b) {
    uint32_t ra = rows[a], rb = rows[b];
    if (version[ra] != version[rb]) return version[ra] > version[rb];
    return cid.String(ra) < cid.String(rb);
  };
  std::vector<uint32_t> idx = DistinctByKey(cand, AllRows(cand), dim.key, newest_first);
  return cand.Take(idx);
}

// A bridge: gold rows of titles not refreshed plus stg rows of refreshed
// titles, both ends present, distinct on the key, sorted by the key.
Table BuildBridge(const TableDef& def, const Table& stg, const Table& gold, const Versions& refreshed,
                  const KeySet& contents, std::string_view other, const KeySet& others, int64_t* dropped) {
  Table all(def.schema);
  std::vector<int> map = MapColumns(def.schema, stg);
  const Column& stg_cid = stg.column("content_id");
  const Column& gold_cid = gold.column("content_id");
  std::vector<uint32_t> from_gold, from_stg;
  for (size_t r = 0; r < gold.num_rows(); ++r) {
    if (!refreshed.contains(gold_cid.String(r))) from_gold.push_back(static_cast<uint32_t>(r));
  }
  for (size_t r = 0; r < stg.num_rows(); ++r) {
    if (refreshed.contains(stg_cid.String(r))) from_stg.push_back(static_cast<uint32_t>(r));
  }
  for (size_t c = 0; c < all.num_columns(); ++c) {
    Column& col = all.column(c);
    col.Reserve(from_gold.size() + from_stg.size());
    for (uint32_t r : from_gold) col.AppendFrom(gold.column(c), r);
    for (uint32_t r : from_stg) col.AppendFrom(stg.column(map[c]), r);
  }
  const Column& cid = all.column("content_id");
  const Column& end = all.column(other);
  const Column* order_no = all.FindColumn("order_no");

  std::vector<uint32_t> idx;
  idx.reserve(all.num_rows());
  for (size_t r = 0; r < all.num_rows(); ++r) {
    if (contents.contains(cid.String(r)) && others.contains(end.String(r))) {
      idx.push_back(static_cast<uint32_t>(r));
    } else {
      ++*dropped;
    }
  }
  // Of duplicates, the earliest billed (a null order_no last).
  auto billed_first = [&](uint32_t a, uint32_t b) {
    if (order_no == nullptr) return false;
    if (order_no->IsValid(a) != order_no->IsValid(b)) return order_no->IsValid(a);
    return order_no->IsValid(a) && order_no->Int32(a) < order_no->Int32(b);
  };
  idx = DistinctByKey(all, std::move(idx), def.key, billed_first);
  return all.Take(idx);
}

}  // namespace

std::string SeasonKey(std::string_view content_id, int32_t season_number) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "_S%02d", season_number);
  return std::string(content_id) + buf;
}

std::string EpisodeKey(std::string_view content_id, int32_t season_number, int32_t episode_number) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "_E%02d", episode_number);
  return SeasonKey(content_id, season_number) + buf;
}

const std::vector<std::string>& ModelInputTables() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out{std::string(tables::kContentDetail)};
    auto add = [&](std::string_view name) {
      if (std::find(out.begin(), out.end(), name) == out.end()) out.emplace_back(name);
    };
    for (const auto& d : kDimLineage) add(d.stg);
    for (const auto& b : kBridgeLineage) add(b.stg);
    return out;
  }();
  return names;
}

const std::vector<std::string>& ModelOutputTables() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out{std::string(tables::kDimContent)};
    for (const auto& d : kDimLineage) out.emplace_back(d.dim);
    for (const auto& b : kBridgeLineage) out.emplace_back(b.bridge);
    return out;
  }();
  return names;
}

Result<TableSet> BuildGoldModel(const TableSet& stg, const TableSet& gold, int64_t now_micros,
                                ModelStats* stats) {
  TableSet empties;
  auto in = [&](std::string_view name) { return Get(stg, name, &empties); };
  auto old = [&](std::string_view name) { return Get(gold, name, &empties); };
  ModelStats s;
  TableSet out;

  // dim_content, and which titles are refreshed.
  ASSIGN_OR_RETURN(const Table* detail, in(tables::kContentDetail));
  ASSIGN_OR_RETURN(const Table* gold_content, old(tables::kDimContent));
  const Column& d_cid = detail->column("content_id");
  const Column& d_created = detail->column("created_at");
  const Column& d_updated = detail->column("updated_at");
  std::vector<int64_t> version(detail->num_rows());
  for (size_t r = 0; r < detail->num_rows(); ++r) {
    version[r] = d_updated.IsValid(r)   ? d_updated.Int64(r)
                 : d_created.IsValid(r) ? d_created.Int64(r)
                                        : now_micros;
  }
  // One row per title: its most recent enrichment.
  std::vector<uint32_t> titles =
      DistinctByKey(*detail, AllRows(*detail), {"content_id"},
                    [&](uint32_t a, uint32_t b) { return version[a] > version[b]; });

  std::unordered_map<std::string_view, uint32_t> gold_row;
  const Column& g_cid = gold_content->column("content_id");
  const Column& g_created = gold_content->column("created_at");
  const Column& g_updated = gold_content->column("updated_at");
  for (size_t r = 0; r < gold_content->num_rows(); ++r)
    gold_row.emplace(g_cid.String(r), static_cast<uint32_t>(r));

  const TableDef& content_def = TableByName(tables::kDimContent);
  std::vector<int> content_map = MapColumns(content_def.schema, *detail);
  Table fresh_content(content_def.schema);
  Versions refreshed;
  for (uint32_t d : titles) {
    auto g = gold_row.find(d_cid.String(d));
    bool is_new = g == gold_row.end();
    if (!is_new && g_updated.IsValid(g->second) && version[d] < g_updated.Int64(g->second)) continue;
    refreshed.emplace(d_cid.String(d), version[d]);
    ++s.titles_refreshed;
    s.titles_new += is_new ? 1 : 0;
    for (size_t c = 0; c < fresh_content.num_columns(); ++c) {
      const std::string& name = content_def.schema.field(c).name;
      Column& col = fresh_content.column(c);
      if (name == "created_at") {
        if (!is_new && g_created.IsValid(g->second))
          col.AppendInt64(g_created.Int64(g->second));
        else if (d_created.IsValid(d))
          col.AppendInt64(d_created.Int64(d));
        else
          col.AppendInt64(now_micros);
      } else if (name == "updated_at") {
        col.AppendInt64(version[d]);
      } else {
        col.AppendFrom(detail->column(content_map[c]), d);
      }
    }
  }
  out.emplace(std::string(tables::kDimContent), UpsertByKey(*gold_content, fresh_content, content_def.key));

  // Dimensions carried by the child tables.
  auto season_of = [](const Table& t, size_t r) {
    return SeasonKey(t.column("content_id").String(r), t.column("season_number").Int32(r));
  };
  for (const auto& spec : kDimLineage) {
    ASSIGN_OR_RETURN(const Table* source, in(spec.stg));
    ASSIGN_OR_RETURN(const Table* existing, old(spec.dim));
    const Table& src = *source;
    ComputeFn compute = [&](std::string_view column, size_t r) -> std::string {
      if (column == "season_key") return season_of(src, r);
      if (column == "episode_key") {
        return EpisodeKey(src.column("content_id").String(r), src.column("season_number").Int32(r),
                          src.column("episode_number").Int32(r));
      }
      return std::string();  // unreachable: every other column exists in stg
    };
    Table fresh = FreshDimRows(TableByName(spec.dim), src, refreshed, compute);
    out.emplace(std::string(spec.dim), UpsertByKey(*existing, fresh, TableByName(spec.dim).key));
  }

  // Bridges. Key sets view into `out`, whose nodes stay put from here on.
  KeySet contents = Keys(out.at(std::string(tables::kDimContent)).column(0));
  std::vector<std::pair<std::string, Table>> built;
  for (const auto& spec : kBridgeLineage) {
    ASSIGN_OR_RETURN(const Table* source, in(spec.stg));
    ASSIGN_OR_RETURN(const Table* existing, old(spec.bridge));
    KeySet others = Keys(out.at(std::string(spec.dim)).column(0));
    built.emplace_back(std::string(spec.bridge),
                       BuildBridge(TableByName(spec.bridge), *source, *existing, refreshed, contents,
                                   spec.other, others, &s.bridge_rows_dropped));
  }
  for (auto& [name, table] : built) out.emplace(name, std::move(table));
  if (stats != nullptr) *stats = s;
  return out;
}

}  // namespace cinelake::model
