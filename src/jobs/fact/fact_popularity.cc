#include "jobs/fact/fact_popularity.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <numeric>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "jobs/fact/rank_columns.h"
#include "jobs/table_ops.h"
#include "lake/schemas.h"

namespace cinelake::fact {

namespace {

constexpr int64_t kMaxCents = 9'999'999'999;  // DECIMAL(10,2)

// One snapshot ranked: the kept rows in rank order, with their ranks.
struct Ranking {
  std::vector<uint32_t> order;        // input row ids, rank 1 first
  std::vector<int64_t> cents;         // per input row (valid for kept rows)
  std::vector<int32_t> rank;          // per input row, 0 = not ranked
  std::vector<int32_t> rank_in_type;  // per input row, 0 = none
  int64_t skipped = 0;
  int64_t duplicates = 0;
};

Result<Ranking> Rank(const Table& pop) {
  for (const char* name : {"id", "type", "popularity"}) {
    if (pop.FindColumn(name) == nullptr) {
      return Status::InvalidArgument(std::string("stg_popularity rows lack column '") + name + "'");
    }
  }
  const Column& id = pop.column("id");
  const Column& type = pop.column("type");
  const Column& popularity = pop.column("popularity");
  if (id.type() != DataType::kString || type.type() != DataType::kString ||
      popularity.type() != DataType::kDouble) {
    return Status::InvalidArgument("stg_popularity rows have unexpected column types");
  }
  const size_t n = pop.num_rows();
  Ranking r;
  r.cents.assign(n, 0);
  r.rank.assign(n, 0);
  r.rank_in_type.assign(n, 0);

  std::vector<uint32_t> valid;
  valid.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    if (id.IsNull(i) || popularity.IsNull(i)) {
      ++r.skipped;
      continue;
    }
    auto cents = PopularityCents(popularity.Double(i));
    if (!cents.ok()) {
      ++r.skipped;
      continue;
    }
    r.cents[i] = *cents;
    valid.push_back(static_cast<uint32_t>(i));
  }
  // Drop repeated ids: the highest popularity wins, then the earliest row.
  std::sort(valid.begin(), valid.end(), [&](uint32_t a, uint32_t b) {
    int c = id.String(a).compare(id.String(b));
    if (c != 0) return c < 0;
    if (r.cents[a] != r.cents[b]) return r.cents[a] > r.cents[b];
    return a < b;
  });
  r.order.reserve(valid.size());
  for (size_t k = 0; k < valid.size(); ++k) {
    if (k > 0 && id.String(valid[k]) == id.String(valid[k - 1])) {
      ++r.duplicates;
      continue;
    }
    r.order.push_back(valid[k]);
  }
  std::sort(r.order.begin(), r.order.end(), [&](uint32_t a, uint32_t b) {
    if (r.cents[a] != r.cents[b]) return r.cents[a] > r.cents[b];
    return id.String(a) < id.String(b);
  });
  std::unordered_map<std::string_view, int32_t> per_type;
  per_type.reserve(8);
  for (size_t k = 0; k < r.order.size(); ++k) {
    uint32_t row = r.order[k];
    r.rank[row] = static_cast<int32_t>(k + 1);
    if (type.IsValid(row)) r.rank_in_type[row] = ++per_type[type.String(row)];
  }
  return r;
}

}  // namespace

Result<int64_t> PopularityCents(double popularity) {
  if (!std::isfinite(popularity) || std::fabs(popularity) >= 1e8) {
    return Status::InvalidArgument("popularity " + std::to_string(popularity) +
                                   " does not fit DECIMAL(10,2)");
  }
  char buf[128];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, popularity, std::chars_format::fixed);
  if (ec != std::errc()) return Status::Internal("cannot format popularity");
  std::string_view text(buf, static_cast<size_t>(end - buf));
  bool neg = !text.empty() && text[0] == '-';
  if (neg) text.remove_prefix(1);
  size_t dot = text.find('.');
  std::string_view whole = text.substr(0, dot);
  std::string_view frac = dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
  int64_t cents = 0;
  for (char c : whole) cents = cents * 10 + (c - '0');
  for (size_t i = 0; i < 2; ++i) cents = cents * 10 + (i < frac.size() ? frac[i] - '0' : 0);
  if (frac.size() > 2 && frac[2] >= '5') ++cents;  // half away from zero: magnitude rounds up
  if (cents > kMaxCents) {
    return Status::InvalidArgument("popularity " + std::string(buf, end) + " does not fit DECIMAL(10,2)");
  }
  return neg ? -cents : cents;
}

Result<Table> BuildFactPopularity(Date load_date, const Table& today,
                                  const std::optional<PreviousSnapshot>& previous, ChartHistory* history,
                                  FactStats* stats) {
  if (history == nullptr) return Status::Internal("fact_popularity without a chart history");
  ASSIGN_OR_RETURN(Ranking now, Rank(today));
  Ranking before;
  if (previous) {
    if (previous->popularity == nullptr) return Status::Internal("previous snapshot without rows");
    auto r = Rank(*previous->popularity);
    if (!r.ok()) return r.status().WithContext("snapshot " + previous->load_date.ToString());
    before = std::move(r).value();
  }

  const Column& id = today.column("id");
  const Column& type = today.column("type");
  auto type_of = [](const Column& c, uint32_t row) {
    return c.IsValid(row) ? std::optional<std::string_view>(c.String(row)) : std::nullopt;
  };
  RETURN_IF_ERROR(history->StartSnapshot(load_date));
  for (uint32_t row : now.order) {
    std::optional<int32_t> in_type;
    if (type.IsValid(row)) in_type = now.rank_in_type[row];
    RETURN_IF_ERROR(history->RecordRanked(id.String(row), type_of(type, row), now.rank[row], in_type));
  }

  // Previous ranked titles: id -> row of the previous table.
  std::unordered_map<std::string_view, uint32_t> prev_row;
  const Column* prev_id = previous ? &previous->popularity->column("id") : nullptr;
  const Column* prev_type = previous ? &previous->popularity->column("type") : nullptr;
  if (previous) {
    prev_row.reserve(before.order.size() * 2);
    for (uint32_t row : before.order) prev_row.emplace(prev_id->String(row), row);
  }
  std::unordered_set<std::string_view> ranked_today;
  ranked_today.reserve(now.order.size() * 2);
  for (uint32_t row : now.order) ranked_today.insert(id.String(row));

  std::vector<uint32_t> leavers;
  if (previous) {
    for (uint32_t row : before.order) {
      if (!ranked_today.contains(prev_id->String(row))) leavers.push_back(row);
    }
    std::sort(leavers.begin(), leavers.end(),
              [&](uint32_t a, uint32_t b) { return prev_id->String(a) < prev_id->String(b); });
  }

  Table out = ReservedTable(tables::kFactPopularity, now.order.size() + leavers.size());
  Column& o_id = out.column("content_id");
  RankColumns ranks(&out, previous ? std::optional(previous->load_date) : std::nullopt);
  auto [o_days, o_total, o_peak, o_peak_date, o_debut, o_peak_t, o_peak_date_t] =
      ColumnsNamed(out, {"days_on_list", "total_days_on_list", "peak_rank", "peak_date", "debut_date",
                         "peak_rank_in_type", "peak_date_in_type"});
  // Every row's title was ranked on today's or the previous snapshot, so it
  // has a history.
  auto append_measures = [&](std::string_view key, std::optional<std::string_view> row_type) -> Status {
    std::optional<ChartMeasures> m = history->Measures(key, row_type);
    if (!m) return Status::Internal("fact_popularity: no chart history for " + std::string(key));
    o_days->AppendInt32(m->days_on_list);
    o_total->AppendInt32(m->total_days_on_list);
    o_peak->AppendInt32(m->peak_rank);
    o_peak_date->AppendInt32(m->peak_date.days);
    o_debut->AppendInt32(m->debut_date.days);
    if (m->peak_rank_in_type) {
      o_peak_t->AppendInt32(*m->peak_rank_in_type);
      o_peak_date_t->AppendInt32(m->peak_date_in_type->days);
    } else {
      o_peak_t->AppendNull();
      o_peak_date_t->AppendNull();
    }
    return Status::OK();
  };

  FactStats s;
  s.skipped_rows = now.skipped;
  s.duplicate_ids = now.duplicates;
  for (uint32_t row : now.order) {
    std::string_view key = id.String(row);
    auto it = previous ? prev_row.find(key) : prev_row.end();
    bool joiner = it == prev_row.end();
    o_id.AppendString(key);
    RankCells cells{.rank = now.rank[row],
                    .cents = now.cents[row],
                    .rank_change = joiner ? 0 : now.rank[row] - before.rank[it->second],
                    .new_joiner = joiner};
    if (type.IsNull(row)) {
      ranks.content_type.AppendNull();
    } else {
      ranks.content_type.AppendString(type.String(row));
      cells.rank_in_type = now.rank_in_type[row];
      bool same_type =
          !joiner && prev_type->IsValid(it->second) && prev_type->String(it->second) == type.String(row);
      cells.rank_change_in_type = same_type ? now.rank_in_type[row] - before.rank_in_type[it->second] : 0;
    }
    ranks.AppendRanked(cells);
    RETURN_IF_ERROR(append_measures(key, type_of(type, row)));
    s.new_joiners += joiner ? 1 : 0;
  }
  for (uint32_t row : leavers) {
    o_id.AppendString(prev_id->String(row));
    ranks.AppendLeaver();
    ranks.content_type.AppendFrom(*prev_type, row);
    RETURN_IF_ERROR(append_measures(prev_id->String(row), type_of(*prev_type, row)));
  }
  s.ranked = static_cast<int64_t>(now.order.size());
  s.leavers = static_cast<int64_t>(leavers.size());
  if (stats != nullptr) *stats = s;
  return out;
}

}  // namespace cinelake::fact
