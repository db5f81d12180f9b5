#include "serve/snapshot_holder.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <vector>

#include "common/log.h"
#include "lake/last_run.h"

namespace cinelake::serve {

namespace fs = std::filesystem;

Result<std::string> LakeSource::Fingerprint() {
  // An object store is not walked: one small object says whether a run has
  // finished since the last look.
  if (dynamic_cast<const LocalStorage*>(&lake_->storage()) == nullptr) {
    std::string last;
    Status st = lake_->storage().Read(kLastRunFile, &last);
    if (st.IsNotFound()) return std::string("empty");
    RETURN_IF_ERROR(st);
    return last;
  }
  fs::path gold = fs::path(lake_->Location()) / "gold";
  std::vector<std::string> entries;
  std::error_code ec;
  if (!fs::exists(gold, ec)) return std::string("empty");
  auto it = fs::recursive_directory_iterator(gold, fs::directory_options::skip_permission_denied, ec);
  if (ec) return Status::IOError("listing " + gold.string() + ": " + ec.message());
  constexpr size_t kMaxFiles = 200000;  // bound the walk on a runaway folder
  for (; it != fs::recursive_directory_iterator() && entries.size() < kMaxFiles; it.increment(ec)) {
    if (ec) return Status::IOError("listing " + gold.string() + ": " + ec.message());
    if (!it->is_regular_file(ec)) continue;
    std::string name = it->path().filename().string();
    bool marker = it->path().parent_path() == gold && name == "_committed.json";
    if (!marker && (name.size() < 8 || name.substr(name.size() - 8) != ".parquet")) continue;
    auto size = it->file_size(ec);
    auto mtime = it->last_write_time(ec).time_since_epoch().count();
    entries.push_back(it->path().string() + "|" + std::to_string(size) + "|" + std::to_string(mtime));
  }
  std::sort(entries.begin(), entries.end());
  std::string out;
  for (const auto& e : entries) out += e + "\n";
  return out;
}

Result<GoldTables> LakeSource::Load() {
  return LoadGold(*lake_);
}

SnapshotHolder::SnapshotHolder(std::unique_ptr<SnapshotSource> source)
    : source_(std::move(source)), current_(PreparedGold::Prepare(GoldTables::Empty())) {}

SnapshotHolder::~SnapshotHolder() {
  {
    std::lock_guard<std::mutex> l(stop_mu_);
    stop_ = true;
  }
  stop_cv_.notify_all();
  if (watcher_.joinable()) watcher_.join();
}

std::shared_ptr<const PreparedGold> SnapshotHolder::Current() const {
  std::lock_guard<std::mutex> l(mu_);
  return current_;
}

namespace {

void LogLoadNotes(const GoldLoadNotes& notes) {
  for (const auto& u : notes.unreadable) {
    spdlog::warn("dashboard: not serving {}: {}", u.path, Redact(u.error));
  }
  if (notes.committed && !notes.live_changed.empty()) {
    spdlog::warn("dashboard: serving gold commit {} (run {}); {} live gold file(s) differ from it, e.g. {}",
                 notes.sequence, notes.run_id, notes.live_changed.size(), notes.live_changed.front());
  }
}

}  // namespace

std::string SnapshotHolder::LastError() const {
  std::lock_guard<std::mutex> l(mu_);
  return last_error_;
}

Status SnapshotHolder::Refresh(bool* reloaded) {
  if (reloaded) *reloaded = false;
  std::lock_guard<std::mutex> l(refresh_mu_);
  Status st = Reload(reloaded);
  std::lock_guard<std::mutex> g(mu_);
  last_error_ = st.ok() ? "" : Redact(st.ToString());
  return st;
}

Status SnapshotHolder::Reload(bool* reloaded) {
  ASSIGN_OR_RETURN(std::string fp, source_->Fingerprint());
  if (fp == fingerprint_) return Status::OK();
  Result<GoldTables> gold = source_->Load();
  // A commit landing mid-load may prune what was being read: read again.
  for (int attempt = 0; attempt < 3 && !gold.ok() && gold.status().code() == Status::Code::kBusy; ++attempt) {
    gold = source_->Load();
  }
  if (!gold.ok()) return gold.status();
  // A writer may have replaced files while we read; if so, retry next tick.
  ASSIGN_OR_RETURN(std::string after, source_->Fingerprint());
  LogLoadNotes(gold->notes);
  std::shared_ptr<const PreparedGold> next = PreparedGold::Prepare(*gold);
  {
    std::lock_guard<std::mutex> g(mu_);
    current_ = std::move(next);
  }
  fingerprint_ = (after == fp) ? fp : std::string();
  if (reloaded) *reloaded = true;
  return Status::OK();
}

void SnapshotHolder::StartWatching(int period_ms) {
  watcher_ = std::thread([this, period_ms] {
    std::string last_error;
    std::unique_lock<std::mutex> l(stop_mu_);
    while (!stop_cv_.wait_for(l, std::chrono::milliseconds(period_ms), [this] { return stop_; })) {
      l.unlock();
      bool reloaded = false;
      Status st = Refresh(&reloaded);
      if (!st.ok() && st.ToString() != last_error) {
        spdlog::warn("dashboard: reload failed, keeping the previous data: {}", Redact(st.ToString()));
      }
      last_error = st.ok() ? "" : st.ToString();
      if (reloaded) {
        std::shared_ptr<const PreparedGold> current = Current();
        const GoldSnapshot& s = current->snapshot();
        spdlog::info("dashboard: loaded {} titles, {} days (latest {})", s.titles.size(), s.days.size(),
                     s.days.empty() ? "none" : s.days.back().date.ToString());
      }
      l.lock();
    }
  });
}

}  // namespace cinelake::serve
