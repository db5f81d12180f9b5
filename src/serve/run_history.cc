#include "serve/run_history.h"

#include <limits>

#include "common/log.h"

namespace cinelake::serve {

RunHistory::RunHistory(std::unique_ptr<Lake> lake, int max_age_ms)
    : lake_(std::move(lake)), max_age_(max_age_ms), current_(std::make_shared<RunsView>()) {}

std::shared_ptr<const RunsView> RunHistory::Current() {
  const auto now = std::chrono::steady_clock::now();
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (read_at_ != std::chrono::steady_clock::time_point{} && now - read_at_ < max_age_) return current_;
  }
  std::unique_lock<std::mutex> reload(reload_mu_, std::try_to_lock);
  if (!reload.owns_lock()) {
    std::lock_guard<std::mutex> lock(mu_);
    return current_;
  }
  auto fresh = std::make_shared<RunsView>();
  auto runs = RecentManifests(lake_->storage(), std::numeric_limits<size_t>::max(), &fresh->unreadable);
  std::lock_guard<std::mutex> lock(mu_);
  read_at_ = now;
  if (!runs.ok()) {
    spdlog::warn("serve: reading run manifests: {}", runs.status().ToString());
    return current_;
  }
  fresh->runs = std::move(runs).value();
  current_ = std::move(fresh);
  return current_;
}

std::shared_ptr<const RunsView> MakeRunsView(std::vector<RunManifest> runs) {
  auto v = std::make_shared<RunsView>();
  v->runs = std::move(runs);
  return v;
}

}  // namespace cinelake::serve
