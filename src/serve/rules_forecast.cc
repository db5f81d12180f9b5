#include "serve/rules_forecast.h"

#include <algorithm>
#include <cmath>

namespace cinelake::serve {

std::vector<ForecastPoint> ForecastRank(Date today, const std::vector<std::pair<int, int>>& known) {
  std::vector<ForecastPoint> out;
  size_t n0 = known.size() > static_cast<size_t>(kForecastFit) ? known.size() - kForecastFit : 0;
  size_t n = known.size() - n0;
  if (n < 3) return out;
  double sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (size_t i = n0; i < known.size(); ++i) {
    double x = known[i].first, y = std::log(known[i].second);
    sx += x;
    sy += y;
    sxx += x * x;
    sxy += x * y;
  }
  double den = n * sxx - sx * sx;
  double b = den != 0 ? (n * sxy - sx * sy) / den : 0;
  double a = (sy - b * sx) / n;
  double ss = 0;
  for (size_t i = n0; i < known.size(); ++i) {
    double e = std::log(known[i].second) - (a + b * known[i].first);
    ss += e * e;
  }
  double sigma = std::max(0.05, std::sqrt(ss / std::max<size_t>(1, n - 2)));
  auto rank = [](double v) { return std::max(1.0, std::exp(v)); };
  for (int h = 1; h <= kForecastDays; ++h) {
    double mid = a + b * h;
    double w = 1.28 * sigma * std::sqrt(1.0 + static_cast<double>(h) / n);
    out.push_back({today + h, rank(mid), rank(mid - w), rank(mid + w)});
  }
  return out;
}

}  // namespace cinelake::serve
