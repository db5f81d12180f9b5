#include "jobs/catalog_export/catalog_ranking.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <numeric>

#include "jobs/fact/fact_popularity.h"
#include "jobs/fact/rank_columns.h"
#include "jobs/table_ops.h"
#include "lake/schemas.h"

namespace cinelake::catalog_export {

namespace {

constexpr uint64_t kSeriesBit = uint64_t{1} << 62;
constexpr int kRowBits = 30;    // rows per snapshot < 2^30
constexpr int kCentsBits = 34;  // DECIMAL(10,2) cents < 2^34

bool IsSeries(uint64_t key) {
  return (key & kSeriesBit) != 0;
}
int64_t IdOf(uint64_t key) {
  return static_cast<int64_t>(key & ~kSeriesBit);
}

// fact::PopularityCents decides on the shortest decimal text of the double;
// that text lies within half an ulp of the double, so away from a half cent
// plain arithmetic gives the same cents without formatting every row.
Result<int64_t> Cents(double popularity) {
  if (std::isfinite(popularity) && popularity >= 0 && popularity < 1e8) {
    double scaled = popularity * 100.0;
    double whole = std::floor(scaled);
    double frac = scaled - whole;
    if (std::fabs(frac - 0.5) > 1e-4) return static_cast<int64_t>(whole) + (frac > 0.5 ? 1 : 0);
  }
  return fact::PopularityCents(popularity);
}

// LSD radix sort, 16 bits a pass; a pass whose digit is the same everywhere is skipped.
void RadixSort(std::vector<uint64_t>* keys) {
  const size_t n = keys->size();
  std::vector<uint64_t> tmp(n);
  std::vector<uint32_t> counts(1 << 16);
  for (int shift = 0; shift < 64; shift += 16) {
    std::fill(counts.begin(), counts.end(), 0);
    for (uint64_t k : *keys) ++counts[(k >> shift) & 0xffff];
    if (n == 0 || counts[((*keys)[0] >> shift) & 0xffff] == n) continue;
    uint32_t sum = 0;
    for (auto& c : counts) {
      uint32_t here = c;
      c = sum;
      sum += here;
    }
    for (uint64_t k : *keys) tmp[counts[(k >> shift) & 0xffff]++] = k;
    keys->swap(tmp);
  }
}

// One snapshot in title order, ranked.
struct Ranked {
  std::vector<uint64_t> key;  // title keys, ascending
  std::vector<int64_t> cents;
  std::vector<int32_t> rank;
  std::vector<int32_t> rank_in_type;
};

Result<Ranked> Rank(const Table& rows, const std::string& what) {
  const Column* id = rows.FindColumn("id");
  const Column* type = rows.FindColumn("content_type");
  const Column* popularity = rows.FindColumn("popularity");
  if (id == nullptr || type == nullptr || popularity == nullptr || id->type() != DataType::kInt64 ||
      type->type() != DataType::kString || popularity->type() != DataType::kDouble) {
    return Status::InvalidArgument(what + ": needs id BIGINT, content_type STRING, popularity DOUBLE");
  }
  const size_t n = rows.num_rows();
  if (n >= (size_t{1} << kRowBits)) return Status::InvalidArgument(what + ": too many rows");
  Ranked r;
  r.key.resize(n);
  r.cents.resize(n);
  bool ascending = true;
  for (size_t i = 0; i < n; ++i) {
    if (id->IsNull(i) || id->Int64(i) <= 0 || type->IsNull(i) || popularity->IsNull(i)) {
      return Status::InvalidArgument(what + ": row " + std::to_string(i) +
                                     " lacks a positive id, a content_type or a popularity");
    }
    std::string_view t = type->String(i);
    if (t != kMovieType && t != kSeriesType) {
      return Status::InvalidArgument(what + ": row " + std::to_string(i) + " has content_type '" +
                                     std::string(t) + "'");
    }
    r.key[i] = TitleKey(t == kSeriesType, id->Int64(i));
    auto cents = Cents(popularity->Double(i));
    if (!cents.ok()) return cents.status().WithContext(what + ": row " + std::to_string(i));
    r.cents[i] = *cents;
    if (i > 0 && r.key[i] <= r.key[i - 1]) ascending = false;
  }
  if (!ascending) {
    // Written by the stage in title order; anything else is put in order here.
    std::vector<uint32_t> perm(n);
    std::iota(perm.begin(), perm.end(), 0);
    std::sort(perm.begin(), perm.end(), [&](uint32_t a, uint32_t b) { return r.key[a] < r.key[b]; });
    std::vector<uint64_t> key(n);
    std::vector<int64_t> cents(n);
    for (size_t i = 0; i < n; ++i) {
      key[i] = r.key[perm[i]];
      cents[i] = r.cents[perm[i]];
    }
    r.key.swap(key);
    r.cents.swap(cents);
  }
  for (size_t i = 1; i < n; ++i) {
    if (r.key[i] == r.key[i - 1]) {
      return Status::InvalidArgument(what + ": title " + TmdbPath(r.key[i]) + " appears twice");
    }
  }
  // Rank order: cents descending, then title order (= row index, rows being in title order).
  std::vector<uint64_t> sort_keys(n);
  constexpr uint64_t kCentsTop = (uint64_t{1} << kCentsBits) - 1;
  for (size_t i = 0; i < n; ++i)
    sort_keys[i] = ((kCentsTop - static_cast<uint64_t>(r.cents[i])) << kRowBits) | i;
  RadixSort(&sort_keys);
  r.rank.resize(n);
  r.rank_in_type.resize(n);
  int32_t in_type[2] = {0, 0};
  for (size_t k = 0; k < n; ++k) {
    uint32_t row = static_cast<uint32_t>(sort_keys[k] & ((uint64_t{1} << kRowBits) - 1));
    r.rank[row] = static_cast<int32_t>(k + 1);
    r.rank_in_type[row] = ++in_type[IsSeries(r.key[row]) ? 1 : 0];
  }
  return r;
}

void AppendPath(Column* column, uint64_t key) {
  char buf[32];
  std::string_view prefix = IsSeries(key) ? "tv/" : "movie/";
  std::copy(prefix.begin(), prefix.end(), buf);
  auto res = std::to_chars(buf + prefix.size(), buf + sizeof buf, IdOf(key));
  column->AppendString(std::string_view(buf, static_cast<size_t>(res.ptr - buf)));
}

// A TMDB path as a title key; nullopt when it is neither movie/<n> nor tv/<n>.
std::optional<uint64_t> ParsePath(std::string_view path) {
  bool series;
  if (path.starts_with("movie/")) {
    series = false;
    path.remove_prefix(6);
  } else if (path.starts_with("tv/")) {
    series = true;
    path.remove_prefix(3);
  } else {
    return std::nullopt;
  }
  int64_t id = 0;
  auto res = std::from_chars(path.data(), path.data() + path.size(), id);
  if (res.ec != std::errc() || res.ptr != path.data() + path.size() || id <= 0) return std::nullopt;
  return TitleKey(series, id);
}

}  // namespace

std::string TmdbPath(uint64_t title_key) {
  return std::string(IsSeries(title_key) ? "tv/" : "movie/") + std::to_string(IdOf(title_key));
}

ImdbIdsByTmdb ImdbIdsFromContentIds(const Table& content_ids, Date through) {
  const Column* id = content_ids.FindColumn("id");
  const Column* tmdb = content_ids.FindColumn("tmdb_id");
  const Column* day = content_ids.FindColumn("loadDate");
  ImdbIdsByTmdb out;
  if (id == nullptr || tmdb == nullptr || day == nullptr) return out;
  struct Seen {
    uint64_t key;
    int32_t day;
    std::string_view imdb;
  };
  std::vector<Seen> seen;
  for (size_t i = 0; i < content_ids.num_rows(); ++i) {
    if (id->IsNull(i) || tmdb->IsNull(i) || day->IsNull(i) || day->Int32(i) > through.days) continue;
    auto key = ParsePath(tmdb->String(i));
    if (key) seen.push_back({*key, day->Int32(i), id->String(i)});
  }
  // Per title: the latest day first, then the smallest IMDB id.
  std::sort(seen.begin(), seen.end(), [](const Seen& a, const Seen& b) {
    if (a.key != b.key) return a.key < b.key;
    if (a.day != b.day) return a.day > b.day;
    return a.imdb < b.imdb;
  });
  for (const Seen& s : seen) {
    if (out.empty() || out.back().first != s.key) out.emplace_back(s.key, std::string(s.imdb));
  }
  return out;
}

Result<Table> BuildFactCatalogPopularity(const Table& today, const std::optional<CatalogSnapshot>& previous,
                                         const ImdbIdsByTmdb& imdb_ids, CatalogStats* stats) {
  ASSIGN_OR_RETURN(Ranked now, Rank(today, "tmdb_export snapshot"));
  Ranked before;
  if (previous) {
    if (previous->rows == nullptr) return Status::Internal("previous catalog snapshot without rows");
    ASSIGN_OR_RETURN(before, Rank(*previous->rows, "tmdb_export snapshot " + previous->load_date.ToString()));
  }
  const size_t n = now.key.size();
  // Title-order merges: today's rows against the previous snapshot and the IMDB ids.
  constexpr uint32_t kNone = UINT32_MAX;
  std::vector<uint32_t> prev_row(n, kNone);
  std::vector<uint32_t> leavers;
  {
    size_t j = 0;
    for (size_t i = 0; i < n; ++i) {
      while (j < before.key.size() && before.key[j] < now.key[i])
        leavers.push_back(static_cast<uint32_t>(j++));
      if (j < before.key.size() && before.key[j] == now.key[i]) prev_row[i] = static_cast<uint32_t>(j++);
    }
    while (j < before.key.size()) leavers.push_back(static_cast<uint32_t>(j++));
  }
  std::vector<uint32_t> imdb_of(n, kNone);
  std::vector<uint32_t> imdb_of_leaver(leavers.size(), kNone);
  auto match_imdb = [&](const std::vector<uint64_t>& keys, auto row_of, size_t count,
                        std::vector<uint32_t>* out) {
    size_t m = 0;
    for (size_t i = 0; i < count; ++i) {
      uint64_t k = keys[row_of(i)];
      while (m < imdb_ids.size() && imdb_ids[m].first < k) ++m;
      if (m < imdb_ids.size() && imdb_ids[m].first == k) (*out)[i] = static_cast<uint32_t>(m);
    }
  };
  match_imdb(
      now.key, [](size_t i) { return i; }, n, &imdb_of);
  match_imdb(
      before.key, [&](size_t i) { return leavers[i]; }, leavers.size(), &imdb_of_leaver);

  Table out = ReservedTable(tables::kFactCatalogPopularity, n + leavers.size());
  Column& o_tmdb = out.column("tmdb_id");
  Column& o_imdb = out.column("content_id");
  fact::RankColumns ranks(&out, previous ? std::optional(previous->load_date) : std::nullopt);
  auto append_title = [&](uint64_t key, uint32_t imdb) {
    AppendPath(&o_tmdb, key);
    ranks.content_type.AppendString(IsSeries(key) ? kSeriesType : kMovieType);
    if (imdb == kNone)
      o_imdb.AppendNull();
    else
      o_imdb.AppendString(imdb_ids[imdb].second);
  };

  // One pass in title order (sequential reads) scatters each row into its
  // rank slot, so the emitting pass below reads memory in order too.
  struct RankedRow {
    uint64_t key;
    int64_t cents;
    int32_t rank, rank_in_type, change, change_in_type;
    uint32_t imdb;
    bool joiner;
  };
  std::vector<RankedRow> by_rank(n);
  for (size_t row = 0; row < n; ++row) {
    uint32_t p = prev_row[row];
    bool joiner = p == kNone;
    by_rank[now.rank[row] - 1] = RankedRow{now.key[row],
                                           now.cents[row],
                                           now.rank[row],
                                           now.rank_in_type[row],
                                           joiner ? 0 : now.rank[row] - before.rank[p],
                                           joiner ? 0 : now.rank_in_type[row] - before.rank_in_type[p],
                                           imdb_of[row],
                                           joiner};
  }
  CatalogStats s;
  for (const RankedRow& r : by_rank) {
    append_title(r.key, r.imdb);
    ranks.AppendRanked({.rank = r.rank,
                        .cents = r.cents,
                        .rank_change = r.change,
                        .new_joiner = r.joiner,
                        .rank_in_type = r.rank_in_type,
                        .rank_change_in_type = r.change_in_type});
    s.new_joiners += r.joiner ? 1 : 0;
    s.mapped += r.imdb != kNone ? 1 : 0;
  }
  for (size_t i = 0; i < leavers.size(); ++i) {
    append_title(before.key[leavers[i]], imdb_of_leaver[i]);
    ranks.AppendLeaver();
    s.mapped += imdb_of_leaver[i] != kNone ? 1 : 0;
  }
  s.ranked = static_cast<int64_t>(n);
  s.leavers = static_cast<int64_t>(leavers.size());
  if (stats != nullptr) *stats = s;
  return out;
}

}  // namespace cinelake::catalog_export
