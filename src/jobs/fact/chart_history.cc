#include "jobs/fact/chart_history.h"

namespace cinelake::fact {

Status ChartHistory::StartSnapshot(Date day) {
  if (snapshot_ >= 0 && day <= day_) {
    return Status::Internal("chart history: snapshot " + day.ToString() + " after " + day_.ToString());
  }
  ++snapshot_;
  day_ = day;
  return Status::OK();
}

Status ChartHistory::RecordRanked(std::string_view content_id, std::optional<std::string_view> type,
                                  int32_t rank, std::optional<int32_t> rank_in_type) {
  if (snapshot_ < 0) return Status::Internal("chart history: a rank recorded before any snapshot");
  auto it = titles_.find(content_id);
  if (it == titles_.end()) it = titles_.emplace(std::string(content_id), Title{}).first;
  Title& t = it->second;
  if (t.last_snapshot == snapshot_) {
    return Status::Internal("chart history: " + std::string(content_id) + " ranked twice on " +
                            day_.ToString());
  }
  if (t.total == 0) t.debut_date = day_;
  t.streak = t.last_snapshot == snapshot_ - 1 ? t.streak + 1 : 1;
  ++t.total;
  t.last_snapshot = snapshot_;
  // Strictly better only: on a tie the earlier date keeps the peak.
  if (t.total == 1 || rank < t.peak_rank) {
    t.peak_rank = rank;
    t.peak_date = day_;
  }
  if (type && rank_in_type) {
    TypePeak* peak = nullptr;
    for (auto& p : t.type_peaks) {
      if (p.type == *type) peak = &p;
    }
    if (peak == nullptr) {
      t.type_peaks.push_back({std::string(*type), *rank_in_type, day_});
    } else if (*rank_in_type < peak->rank) {
      peak->rank = *rank_in_type;
      peak->date = day_;
    }
  }
  return Status::OK();
}

std::optional<ChartMeasures> ChartHistory::Measures(std::string_view content_id,
                                                    std::optional<std::string_view> type) const {
  auto it = titles_.find(content_id);
  if (it == titles_.end()) return std::nullopt;
  const Title& t = it->second;
  ChartMeasures m;
  m.days_on_list = t.last_snapshot == snapshot_ ? t.streak : 0;
  m.total_days_on_list = t.total;
  m.peak_rank = t.peak_rank;
  m.peak_date = t.peak_date;
  m.debut_date = t.debut_date;
  if (type) {
    for (const auto& p : t.type_peaks) {
      if (p.type == *type) {
        m.peak_rank_in_type = p.rank;
        m.peak_date_in_type = p.date;
      }
    }
  }
  return m;
}

}  // namespace cinelake::fact
