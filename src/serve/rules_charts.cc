#include "serve/rules_charts.h"

#include <algorithm>

#include "serve/rules_top10.h"

namespace cinelake::serve {

namespace {

template <typename T, typename Less>
void KeepBest(std::vector<T>* rows, Less less) {
  std::sort(rows->begin(), rows->end(), less);
  if (rows->size() > static_cast<size_t>(kTopN)) rows->resize(kTopN);
}

}  // namespace

ChartsResult Charts(const GoldSnapshot& s, int di, int window_days) {
  const Day& day = s.days[di];
  ChartsResult out;
  out.window_days = window_days;
  const Date start_limit = day.date - window_days;
  for (int i = di - 1; i >= 0; --i) {
    if (s.days[i].date <= start_limit) {
      out.start = &s.days[i];
      break;
    }
  }
  for (const FactRow& r : day.ranked) {
    if (r.debut_date && *r.debut_date > start_limit) out.new_entries.push_back(&r);
    if (r.days_on_list) out.longest_running.push_back(&r);
    const FactRow* before = out.start != nullptr ? out.start->Find(r.title) : nullptr;
    if (before != nullptr && *before->rank > *r.rank)
      out.climbers.push_back({&r, *before->rank, *before->rank - *r.rank});
  }
  auto by_rank = [](const FactRow* a, const FactRow* b) { return *a->rank < *b->rank; };
  KeepBest(&out.new_entries, by_rank);
  KeepBest(&out.longest_running, [](const FactRow* a, const FactRow* b) {
    if (*a->days_on_list != *b->days_on_list) return *a->days_on_list > *b->days_on_list;
    return *a->rank < *b->rank;
  });
  KeepBest(&out.climbers, [](const Climber& a, const Climber& b) {
    if (a.climb != b.climb) return a.climb > b.climb;
    return *a.row->rank < *b.row->rank;
  });
  return out;
}

std::optional<double> MovingAveragePopularity(const GoldSnapshot& s, int title, int di) {
  const Date first = s.days[di].date - (kMovingAverageDays - 1);
  double sum = 0;
  int n = 0;
  for (int i = di; i >= 0 && s.days[i].date >= first; --i) {
    if (const FactRow* r = s.days[i].Find(title)) {
      sum += r->popularity;
      ++n;
    }
  }
  if (n == 0) return std::nullopt;
  return sum / n;
}

}  // namespace cinelake::serve
