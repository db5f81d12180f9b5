#include "serve/rules_title_facts.h"

#include <cmath>

namespace cinelake::serve {

std::optional<int> ListRuntime(const Title& t) {
  if (t.is_series() && t.avg_episode_runtime) return static_cast<int>(std::lround(*t.avg_episode_runtime));
  return t.runtime;
}

std::optional<double> ReturnOnInvestment(const Title& t) {
  if (!t.budget || *t.budget <= 0 || !t.revenue) return std::nullopt;
  return static_cast<double>(*t.revenue - *t.budget) / static_cast<double>(*t.budget);
}

std::optional<double> SeasonAverageRating(const Season& season) {
  double sum = 0;
  int rated = 0;
  for (const Episode& e : season.episodes) {
    if (e.rating) {
      sum += *e.rating;
      ++rated;
    }
  }
  if (rated == 0) return std::nullopt;
  return sum / rated;
}

}  // namespace cinelake::serve
