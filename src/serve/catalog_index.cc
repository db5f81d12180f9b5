#include "serve/catalog_index.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <limits>

#include "serve/unicode_fold.h"

namespace cinelake::serve {

namespace {

constexpr std::string_view kMoviePrefix = "movie/";
constexpr std::string_view kSeriesPrefix = "tv/";

uint32_t Hundredths(int64_t unscaled) {
  if (unscaled <= 0) return 0;
  constexpr int64_t kMax = std::numeric_limits<uint32_t>::max() - 1;
  return static_cast<uint32_t>(std::min(unscaled, kMax));
}

uint64_t ZigZag(int64_t v) {
  return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63);
}
int64_t UnZigZag(uint64_t v) {
  return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1);
}

const Column* Need(const Table& t, std::string_view name, DataType type, Status* st) {
  const Column* c = t.FindColumn(name);
  if (c == nullptr || c->type() != type) {
    if (!st->ok()) return nullptr;  // name the first one missing
    *st = Status::InvalidArgument("catalog fact: column '" + std::string(name) + "' is missing or not " +
                                  DataTypeName(type));
    return nullptr;
  }
  return c;
}

}  // namespace

std::string CatalogKey::Path() const {
  return std::string(series ? kSeriesPrefix : kMoviePrefix) + std::to_string(id);
}

std::optional<CatalogKey> CatalogKey::ParsePath(std::string_view path) {
  CatalogKey k;
  if (path.substr(0, kMoviePrefix.size()) == kMoviePrefix) {
    path.remove_prefix(kMoviePrefix.size());
  } else if (path.substr(0, kSeriesPrefix.size()) == kSeriesPrefix) {
    path.remove_prefix(kSeriesPrefix.size());
    k.series = true;
  } else {
    return std::nullopt;
  }
  if (path.empty() || path.size() > 10 || path[0] == '0') return std::nullopt;
  uint64_t id = 0;
  auto [p, ec] = std::from_chars(path.data(), path.data() + path.size(), id);
  if (ec != std::errc() || p != path.data() + path.size() || id == 0 ||
      id > std::numeric_limits<uint32_t>::max())
    return std::nullopt;
  k.id = static_cast<uint32_t>(id);
  return k;
}

// ---- building --------------------------------------------------------------

CatalogIndex::Builder::Builder(HistoryOptions options)
    : index_(new CatalogIndex()), spill_(std::move(options)) {}

std::shared_ptr<const CatalogIndex> CatalogIndex::Empty() {
  return std::shared_ptr<const CatalogIndex>(new CatalogIndex());
}

uint32_t CatalogIndex::Builder::Intern(CatalogKey key) {
  auto [it, added] = by_key_.try_emplace(key.packed(), static_cast<uint32_t>(index_->keys_.size()));
  if (added) {
    index_->keys_.push_back(key);
    index_->first_day_.push_back(static_cast<uint32_t>(index_->days_.size() - 1));
    last_rank_.push_back(0);
    last_pop_.push_back(0);
    seen_on_.push_back(static_cast<uint32_t>(index_->days_.size() - 1));  // nothing written yet
    names_.emplace_back();
    ++unnamed_;
  }
  return it->second;
}

Status CatalogIndex::Builder::AddDay(Date date, const Table& fact) {
  if (!index_->days_.empty() && !(index_->days_.back().date < date))
    return Status::InvalidArgument("catalog day " + date.ToString() + " is not after " +
                                   index_->days_.back().date.ToString());
  Status st;
  const Column* ids = Need(fact, "tmdb_id", DataType::kString, &st);
  const Column* ranks = Need(fact, "rank", DataType::kInt32, &st);
  const Column* pops = Need(fact, "popularity", DataType::kDecimal, &st);
  const Column* changes = Need(fact, "rank_change", DataType::kInt32, &st);
  const Column* joiners = Need(fact, "is_new_joiner", DataType::kBool, &st);
  const Column* prevs = Need(fact, "prev_load_date", DataType::kDate, &st);
  const Column* contents = Need(fact, "content_id", DataType::kString, &st);
  if (!st.ok()) return st;

  CatalogDay& day = index_->days_.emplace_back();
  day.date = date;
  const auto d = static_cast<uint32_t>(index_->days_.size() - 1);
  for (size_t r = 0; r < fact.num_rows(); ++r) {
    if (!day.prev_date && prevs->IsValid(r)) day.prev_date = Date{prevs->Int32(r)};
    if (ranks->IsNull(r) || ranks->Int32(r) <= 0) continue;  // a leaver
    std::optional<CatalogKey> key = CatalogKey::ParsePath(ids->String(r));
    if (!key) {
      ++skipped_rows_;
      continue;
    }
    uint32_t t = Intern(*key);
    if (seen_on_[t] == d + 1) {  // the same title twice in one day: keep the first
      ++skipped_rows_;
      continue;
    }
    auto rank = static_cast<uint32_t>(ranks->Int32(r));
    uint32_t pop = Hundredths(pops->Int64(r));
    spill_.Add(t, d - seen_on_[t], ZigZag(static_cast<int64_t>(rank) - last_rank_[t]) + 1,
               ZigZag(static_cast<int64_t>(pop) - last_pop_[t]));
    last_rank_[t] = rank;
    last_pop_[t] = pop;
    seen_on_[t] = d + 1;
    ++day.ranked;
    if (rank <= kTopKept) {
      int32_t change = joiners->Bool(r) ? CatalogTopRow::kJoined : changes->Int32(r);
      day.top.push_back(CatalogTopRow{t, change, pop});
    }
    if (contents->IsValid(r) && !contents->String(r).empty()) {
      index_->content_ids_[t] = std::string(contents->String(r));
    }
  }
  // The fact lists ranked rows by rank; keep the top in rank order whatever
  // the file's order (ranks are distinct within a day).
  std::sort(day.top.begin(), day.top.end(), [&](const CatalogTopRow& a, const CatalogTopRow& b) {
    return last_rank_[a.title] < last_rank_[b.title];
  });
  return Status::OK();
}

bool CatalogIndex::Builder::SetName(CatalogKey key, std::string_view name) {
  auto it = by_key_.find(key.packed());
  if (it == by_key_.end() || !names_[it->second].empty() || name.empty()) return false;
  names_[it->second] = std::string(name);
  --unnamed_;
  return true;
}

Result<std::shared_ptr<const CatalogIndex>> CatalogIndex::Builder::Finish() {
  CatalogIndex& x = *index_;
  const auto n = static_cast<uint32_t>(x.keys_.size());
  const auto last_day = static_cast<uint32_t>(x.days_.size());
  // Each stream padded to the last day.
  std::vector<uint32_t> trailing(n);
  x.latest_rank_.assign(n, 0);
  x.latest_pop_.assign(n, 0);
  for (uint32_t t = 0; t < n; ++t) {
    trailing[t] = last_day - seen_on_[t];
    if (seen_on_[t] == last_day) {
      x.latest_rank_[t] = last_rank_[t];
      x.latest_pop_[t] = last_pop_[t];
    }
  }
  RETURN_IF_ERROR(spill_.status());
  if (n > 0) {
    ASSIGN_OR_RETURN(x.history_, spill_.Finish(n, trailing, &x.stream_start_));
  }
  std::vector<uint32_t>().swap(trailing);
  std::vector<uint32_t>().swap(last_rank_);
  std::vector<uint32_t>().swap(last_pop_);
  std::vector<uint32_t>().swap(seen_on_);

  x.sorted_.resize(n);
  for (uint32_t t = 0; t < n; ++t) x.sorted_[t] = t;
  std::sort(x.sorted_.begin(), x.sorted_.end(),
            [&](uint32_t a, uint32_t b) { return x.keys_[a].packed() < x.keys_[b].packed(); });

  x.name_start_.reserve(n + 1);
  for (uint32_t t = 0; t < n; ++t) {
    x.name_start_.push_back(static_cast<uint32_t>(x.names_.size()));
    x.names_ += names_[t];
  }
  x.name_start_.push_back(static_cast<uint32_t>(x.names_.size()));

  // Search records in latest-rank order, so the first matches are the best.
  std::vector<uint32_t> order(n);
  for (uint32_t t = 0; t < n; ++t) order[t] = t;
  auto rank_or_last = [&](uint32_t t) {
    return x.latest_rank_[t] == 0 ? std::numeric_limits<uint32_t>::max() : x.latest_rank_[t];
  };
  std::stable_sort(order.begin(), order.end(),
                   [&](uint32_t a, uint32_t b) { return rank_or_last(a) < rank_or_last(b); });
  for (uint32_t t : order) {
    if (names_[t].empty()) continue;
    std::string folded = UnicodeFold(names_[t]);
    std::replace(folded.begin(), folded.end(), '\n', ' ');
    x.folded_start_.push_back(static_cast<uint32_t>(x.folded_.size()));
    x.folded_title_.push_back(t);
    x.folded_ += folded;
    x.folded_ += '\n';
  }
  std::vector<std::string>().swap(names_);
  x.folded_.shrink_to_fit();
  x.names_.shrink_to_fit();

  for (const auto& [t, id] : x.content_ids_) {
    auto [it, added] = x.by_content_.try_emplace(id, t);
    // Two catalog titles mapped to one IMDB id: the better ranked one.
    if (!added && x.latest_rank_[t] != 0 &&
        (x.latest_rank_[it->second] == 0 || x.latest_rank_[t] < x.latest_rank_[it->second]))
      it->second = t;
  }
  by_key_ = {};
  return std::shared_ptr<const CatalogIndex>(std::move(index_));
}

// ---- reading ---------------------------------------------------------------

int CatalogIndex::FindDay(Date date) const {
  auto it = std::lower_bound(days_.begin(), days_.end(), date,
                             [](const CatalogDay& d, Date x) { return d.date < x; });
  return it != days_.end() && it->date == date ? static_cast<int>(it - days_.begin()) : -1;
}

int64_t CatalogIndex::FindTitle(CatalogKey key) const {
  uint64_t want = key.packed();
  auto it = std::lower_bound(sorted_.begin(), sorted_.end(), want,
                             [&](uint32_t t, uint64_t k) { return keys_[t].packed() < k; });
  return it != sorted_.end() && keys_[*it].packed() == want ? static_cast<int64_t>(*it) : -1;
}

int64_t CatalogIndex::FindContent(std::string_view content_id) const {
  auto it = by_content_.find(std::string(content_id));
  return it == by_content_.end() ? -1 : static_cast<int64_t>(it->second);
}

std::string_view CatalogIndex::name(uint32_t title) const {
  return std::string_view(names_).substr(name_start_[title], name_start_[title + 1] - name_start_[title]);
}

std::string_view CatalogIndex::content_id(uint32_t title) const {
  auto it = content_ids_.find(title);
  return it == content_ids_.end() ? std::string_view() : std::string_view(it->second);
}

Status CatalogIndex::ReadStream(uint32_t title, std::vector<uint8_t>* bytes) const {
  bytes->resize(stream_start_[title + 1] - stream_start_[title]);
  return history_->Read(stream_start_[title], bytes->size(), bytes->data());
}

namespace {

// Decodes a title's stream from day `first` through day `last`; calls
// point(day, rank, pop) for every day (rank 0 = absent).
template <typename Point>
Status Decode(const std::vector<uint8_t>& bytes, size_t first, size_t last, Point point) {
  const uint8_t* p = bytes.data();
  const uint8_t* end = p + bytes.size();
  int64_t rank = 0, pop = 0;
  for (size_t d = first; d <= last; ++d) {
    uint64_t tag = 0, delta = 0;
    if (!GetVarint(p, end, &tag)) return Status::Corruption("catalog history: a stream ends early");
    if (tag == 0) {
      point(d, 0, 0);
      continue;
    }
    if (!GetVarint(p, end, &delta)) return Status::Corruption("catalog history: a stream ends early");
    rank += UnZigZag(tag - 1);
    pop += UnZigZag(delta);
    point(d, static_cast<uint32_t>(rank), static_cast<uint32_t>(pop));
  }
  return Status::OK();
}

}  // namespace

Result<std::vector<CatalogPoint>> CatalogIndex::Trend(uint32_t title) const {
  std::vector<CatalogPoint> points(days_.size());
  for (size_t d = 0; d < days_.size(); ++d) points[d].date = days_[d].date;
  if (days_.empty()) return points;
  std::vector<uint8_t> bytes;
  RETURN_IF_ERROR(ReadStream(title, &bytes));
  RETURN_IF_ERROR(
      Decode(bytes, first_day_[title], days_.size() - 1, [&](size_t d, uint32_t rank, uint32_t pop) {
        points[d].rank = rank;
        points[d].popularity = pop;
      }));
  return points;
}

Result<CatalogPoint> CatalogIndex::At(uint32_t title, int day) const {
  CatalogPoint point{days_[day].date, 0, 0};
  if (day < static_cast<int>(first_day_[title])) return point;
  std::vector<uint8_t> bytes;
  RETURN_IF_ERROR(ReadStream(title, &bytes));
  RETURN_IF_ERROR(
      Decode(bytes, first_day_[title], static_cast<size_t>(day), [&](size_t, uint32_t rank, uint32_t pop) {
        point.rank = rank;
        point.popularity = pop;
      }));
  return point;
}

std::vector<uint32_t> CatalogIndex::Search(std::string_view needle, size_t limit, bool* more) const {
  *more = false;
  std::vector<uint32_t> found;
  std::string folded = UnicodeFold(needle);
  if (folded.empty() || folded.find('\n') != std::string::npos) return found;
  const char* base = folded_.data();
  const char* end = base + folded_.size();
  const char* from = base;
  while (from < end) {
    const void* hit = memmem(from, static_cast<size_t>(end - from), folded.data(), folded.size());
    if (hit == nullptr) break;
    auto offset = static_cast<uint32_t>(static_cast<const char*>(hit) - base);
    size_t record =
        std::upper_bound(folded_start_.begin(), folded_start_.end(), offset) - folded_start_.begin() - 1;
    if (found.size() == limit) {
      *more = true;
      break;
    }
    found.push_back(folded_title_[record]);
    from = record + 1 < folded_start_.size() ? base + folded_start_[record + 1] : end;
  }
  return found;
}

size_t CatalogIndex::MemoryBytes() const {
  size_t bytes = names_.capacity() + folded_.capacity();
  bytes += (keys_.capacity()) * sizeof(CatalogKey);
  bytes += (sorted_.capacity() + first_day_.capacity() + latest_rank_.capacity() + latest_pop_.capacity() +
            name_start_.capacity() + folded_start_.capacity() + folded_title_.capacity()) *
           sizeof(uint32_t);
  bytes += stream_start_.capacity() * sizeof(uint64_t);
  for (const CatalogDay& d : days_) bytes += sizeof(CatalogDay) + d.top.capacity() * sizeof(CatalogTopRow);
  bytes += (content_ids_.size() + by_content_.size()) * 64;
  return bytes;
}

}  // namespace cinelake::serve
