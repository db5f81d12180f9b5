// ChartHistory: what every title has done on the list so far, folded one
// popularity snapshot at a time, from which the fact's chart measures come
// (README, "Chart measures").
//
// A snapshot is a day with a raw/stg_popularity partition; a day without one
// is not a snapshot and neither breaks nor extends a streak (as prev_load_date
// skips it, defect 2). Snapshots must be started in strictly ascending date
// order; the fact stage folds every snapshot from the first one, so the
// measures of a day depend only on the raw snapshots up to it and a re-run of
// a past day changes the later days exactly as a run in order would.
//
// Not thread-safe; a plain value owned by the fold. Misuse (dates not
// ascending, a title recorded twice in one snapshot) is an Internal error.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/date.h"
#include "common/status.h"

namespace cinelake::fact {

// The measures of one title as of the current snapshot.
struct ChartMeasures {
  int32_t days_on_list = 0;  // ranked on this many consecutive snapshots ending today; 0 if not ranked today
  int32_t total_days_on_list = 0;
  int32_t peak_rank = 0;  // best (lowest) rank; ties: the earliest date keeps it
  Date peak_date;
  Date debut_date;
  std::optional<int32_t> peak_rank_in_type;  // within the given type; none if never ranked in it
  std::optional<Date> peak_date_in_type;
};

class ChartHistory {
 public:
  Status StartSnapshot(Date day);

  // Records that `content_id` is ranked on the current snapshot. `type` and
  // `rank_in_type` are absent together (a title without a content_type).
  Status RecordRanked(std::string_view content_id, std::optional<std::string_view> type, int32_t rank,
                      std::optional<int32_t> rank_in_type);

  // The measures of a title ranked on some snapshot so far, the in-type peak
  // taken within `type`; nullopt for a title never ranked.
  std::optional<ChartMeasures> Measures(std::string_view content_id,
                                        std::optional<std::string_view> type) const;

 private:
  struct TypePeak {
    std::string type;
    int32_t rank;
    Date date;
  };
  struct Title {
    int64_t last_snapshot = -1;  // index of the latest snapshot it was ranked on
    int32_t streak = 0;
    int32_t total = 0;
    int32_t peak_rank = 0;
    Date peak_date;
    Date debut_date;
    std::vector<TypePeak> type_peaks;  // one per type it was ranked in (almost always one)
  };

  struct NameHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };

  int64_t snapshot_ = -1;
  Date day_;
  std::unordered_map<std::string, Title, NameHash, std::equal_to<>> titles_;
};

}  // namespace cinelake::fact
