#include "serve/display_text.h"

#include <algorithm>
#include <chrono>

namespace cinelake::serve {

std::string TypeLabel(std::string_view type) {
  if (type == "movie") return "Movie";
  if (type == "tvSeries") return "TV-Series";
  if (type == "tvMiniSeries") return "TV-Mini-Series";
  if (type == "tvMovie") return "TV-Movie";
  if (type == "tvSpecial") return "TV-Special";
  if (type == "short") return "Short";
  if (type == "video") return "Video";
  return std::string(type);
}

std::string EpisodeTypeLabel(const Title& t, const Season& season, std::string_view type) {
  if (type.empty()) return "-";
  if (type == "standard") return "Normal";
  if (type == "mid_season") return "Mid-Season";
  if (type == "finale") {
    int last = 0;
    for (const Season& s : t.seasons) last = std::max(last, s.number);
    return (t.status == "Ended" && season.number == last) ? "Final" : "Season Final";
  }
  return std::string(type);
}

namespace {
// `d` moved by n calendar months, the day clamped to the month's length.
Date AddMonths(Date d, int n) {
  using namespace std::chrono;
  int total = d.year() * 12 + static_cast<int>(d.month()) - 1 + n;
  year_month_day first{year{total / 12}, month{static_cast<unsigned>(total % 12 + 1)}, day{1}};
  unsigned last =
      static_cast<unsigned>(year_month_day_last{first.year(), month_day_last{first.month()}}.day());
  return Date::FromYmd(total / 12, total % 12 + 1, std::min(d.day(), last));
}
}  // namespace

std::string TimeLeft(Date from, Date to) {
  // Whole years, then whole months, then days, each as far as it fits.
  int months = (to.year() - from.year()) * 12 + static_cast<int>(to.month()) - static_cast<int>(from.month());
  while (months > 0 && AddMonths(from, months) > to) --months;
  months = std::max(months, 0);
  int days = to - AddMonths(from, months);
  return std::to_string(months / 12) + " yrs " + std::to_string(months % 12) + " mths " +
         std::to_string(days) + " days";
}

std::string FormatRankChange(int rank_change) {
  if (rank_change < 0) return "+" + std::to_string(-rank_change);
  if (rank_change > 0) return "\u2212" + std::to_string(rank_change);
  return "0";
}

}  // namespace cinelake::serve
