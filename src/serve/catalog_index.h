// CatalogIndex: the whole TMDB catalog's history (gold/fact_catalog_popularity,
// every kept day) in a compact, read-only form for the Catalog page.
//
// Production holds about 1.4 million titles a day, so the index keeps no
// table rows, and in memory only O(titles) plus the day lists. Per title, in
// memory: its TMDB path as one integer, its name (and the name case-folded for
// search), the IMDB id cinelake mapped to it, its latest rank and popularity
// and where its history starts in the history file. The history itself is one
// byte stream per title, title-major, in a temporary file
// (catalog_index_history.h; read with one pread per call, so it lives in the
// page cache, not in the process): per day since the title first appeared, a
// varint of the rank's zigzag delta (0 = not ranked that day) and, when
// ranked, a varint of the popularity's zigzag delta in hundredths. A title's
// whole trend is one read and one sequential decode. Per day the index keeps
// in memory only what the page lists: the top kTopKept rows (title, rank
// change, popularity), the ranked count and the snapshot the changes were
// computed against.
//
// Popularity is held in hundredths (the fact's DECIMAL(10,2)), saturated at
// 42,949,672.94 (TMDB's highest is a few thousand).
//
// Ownership: a CatalogIndex::Builder collects the days in ascending date
// order and Finish() hands back a shared_ptr<const CatalogIndex>, which owns
// its history file (closed, and so gone, with the last reference).
// Thread-safety: immutable once built; any number of readers, no locks.
// Errors: Builder::AddDay refuses a table without the fact's columns and
// counts (skips) rows whose tmdb_id is not `movie/<n>` or `tv/<n>`. An I/O
// error of the history files (cannot create, write or read them) is kept by
// the Builder (history_status()) and returned by Finish(); Trend() and At()
// return the read's IOError.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/date.h"
#include "common/status.h"
#include "serve/catalog_index_history.h"
#include "table/table.h"

namespace cinelake::serve {

// A TMDB title as the catalog names it: type and id.
struct CatalogKey {
  bool series = false;  // tv/<n>; movie/<n> otherwise
  uint32_t id = 0;
  uint64_t packed() const { return (static_cast<uint64_t>(series) << 32) | id; }
  std::string Path() const;  // "movie/603", "tv/1399"
  // "movie/<n>" / "tv/<n>" with 1 <= n < 2^32; nullopt otherwise.
  static std::optional<CatalogKey> ParsePath(std::string_view path);
};

// One ranked row of a day's top list.
struct CatalogTopRow {
  uint32_t title = 0;
  int32_t rank_change = 0;  // as the fact states it; kJoined for a new joiner
  uint32_t popularity = 0;  // hundredths
  static constexpr int32_t kJoined = INT32_MIN;
};

struct CatalogDay {
  Date date;
  std::optional<Date> prev_date;   // the fact's prev_load_date
  uint32_t ranked = 0;             // titles ranked that day
  std::vector<CatalogTopRow> top;  // ranks 1..min(ranked, kTopKept), in rank order
};

// One point of a title's trend; rank 0 = not ranked that day.
struct CatalogPoint {
  Date date;
  uint32_t rank = 0;
  uint32_t popularity = 0;  // hundredths; meaningful when rank > 0
};

class CatalogIndex {
 public:
  static constexpr uint32_t kTopKept = 10000;

  // No days, no titles, no file.
  static std::shared_ptr<const CatalogIndex> Empty();

  class Builder {
   public:
    // options: where the history files go, and how many titles a spill
    // bucket holds (catalog_index_history.h).
    explicit Builder(HistoryOptions options = {});
    // One day's fact rows (columns tmdb_id, rank, popularity, rank_change,
    // is_new_joiner, prev_load_date, content_id). Days must come in ascending
    // date order.
    Status AddDay(Date date, const Table& fact);
    // The name of a title the days hold; titles not among them are ignored.
    // Returns whether the title was known and still unnamed.
    bool SetName(CatalogKey key, std::string_view name);
    // Titles still without a name.
    size_t unnamed() const { return unnamed_; }
    int64_t skipped_rows() const { return skipped_rows_; }
    // The first I/O error of the history files, if any (Finish returns it).
    const Status& history_status() const { return spill_.status(); }
    [[nodiscard]] Result<std::shared_ptr<const CatalogIndex>> Finish();

   private:
    uint32_t Intern(CatalogKey key);
    std::shared_ptr<CatalogIndex> index_;
    std::unordered_map<uint64_t, uint32_t> by_key_;
    HistorySpill spill_;
    std::vector<uint32_t> last_rank_, last_pop_;
    std::vector<uint32_t> seen_on_;  // the day index a title was last added, +1
    std::vector<std::string> names_;
    size_t unnamed_ = 0;
    int64_t skipped_rows_ = 0;
  };

  const std::vector<CatalogDay>& days() const { return days_; }
  size_t title_count() const { return keys_.size(); }
  // -1 when absent.
  int FindDay(Date date) const;
  int64_t FindTitle(CatalogKey key) const;
  // The catalog title cinelake mapped to this IMDB id (the latest day's
  // mapping), or -1.
  int64_t FindContent(std::string_view content_id) const;

  CatalogKey key(uint32_t title) const { return keys_[title]; }
  // The exported title; "" when no kept raw day named it.
  std::string_view name(uint32_t title) const;
  // The mapped IMDB id, "" when none.
  std::string_view content_id(uint32_t title) const;
  // Rank and popularity on the latest day (rank 0 = not ranked then).
  uint32_t latest_rank(uint32_t title) const { return latest_rank_[title]; }
  uint32_t latest_popularity(uint32_t title) const { return latest_pop_[title]; }

  // Every kept day, ascending (rank 0 before the title appeared or while
  // absent). IOError when the history file cannot be read.
  [[nodiscard]] Result<std::vector<CatalogPoint>> Trend(uint32_t title) const;
  // The title's point on days()[day].
  [[nodiscard]] Result<CatalogPoint> At(uint32_t title, int day) const;

  // Titles whose folded name contains UnicodeFold(needle), best latest rank
  // first (unranked titles after, in no promised order); at most `limit`.
  // *more is set when further titles match.
  std::vector<uint32_t> Search(std::string_view needle, size_t limit, bool* more) const;

  // Bytes held in memory, for the benchmark and /api/health.
  size_t MemoryBytes() const;
  // Bytes of the history file (page cache, not counted above).
  uint64_t HistoryBytes() const { return history_ ? history_->size() : 0; }

 private:
  friend class Builder;
  CatalogIndex() = default;
  // The title's stream bytes, or the read's error.
  Status ReadStream(uint32_t title, std::vector<uint8_t>* bytes) const;

  std::vector<CatalogDay> days_;
  std::vector<CatalogKey> keys_;        // by title
  std::vector<uint32_t> sorted_;        // titles by packed key
  std::vector<uint32_t> first_day_;     // by title: the day its stream starts
  std::vector<uint64_t> stream_start_;  // by title, +1 entry: offsets in history_
  std::unique_ptr<HistoryFile> history_;
  std::vector<uint32_t> latest_rank_, latest_pop_;
  std::string names_;                   // concatenated
  std::vector<uint32_t> name_start_;    // by title, +1 entry
  std::string folded_;                  // folded names, '\n'-terminated, in search order
  std::vector<uint32_t> folded_start_;  // per record
  std::vector<uint32_t> folded_title_;  // per record
  std::unordered_map<uint32_t, std::string> content_ids_;
  std::unordered_map<std::string, uint32_t> by_content_;
};

}  // namespace cinelake::serve
