// SnapshotHolder: the current PreparedGold (a GoldSnapshot and its
// precomputed answers), swapped atomically when the lake changes.
//
// A SnapshotSource says how to fingerprint and load the gold tables; the
// holder reloads only when the fingerprint changes, prepares the new data
// off to the side, and publishes it with one pointer swap.
// Ownership: the holder owns its source and the watcher thread; what
// Current() returns is shared, so request threads keep using their copy
// even while a newer one replaces it.
// Thread-safety: Current() may be called from any thread at any time;
// Refresh() serializes itself (one reload at a time), and the watcher calls
// it from its own thread. Never destroy the holder while a request runs.
// Errors: a failed fingerprint or load keeps the previous data and returns
// (or, from the watcher, logs once) the Status naming what failed;
// LastError() keeps it for the health endpoint. A load that succeeds but
// leaves files out (unreadable, or live gold differing from the commit) logs
// a warning naming them.
#pragma once

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "lake/lake.h"
#include "serve/gold.h"
#include "serve/prepared_gold.h"

namespace cinelake::serve {

// Implementations are called from one thread at a time (the holder's Refresh()).
class SnapshotSource {
 public:
  virtual ~SnapshotSource() = default;
  // Cheap: changes whenever a reload would see different data.
  virtual Result<std::string> Fingerprint() = 0;
  virtual Result<GoldTables> Load() = 0;
};

// Fingerprints a lake folder by the path, size and mtime of every Parquet
// file under gold/ and of the gold commit marker (so a new commit, a new fact
// partition or a rewritten dimension is noticed).
class LakeSource final : public SnapshotSource {
 public:
  explicit LakeSource(std::unique_ptr<Lake> lake) : lake_(std::move(lake)) {}
  Result<std::string> Fingerprint() override;
  Result<GoldTables> Load() override;

 private:
  std::unique_ptr<Lake> lake_;
};

class SnapshotHolder {
 public:
  explicit SnapshotHolder(std::unique_ptr<SnapshotSource> source);
  ~SnapshotHolder();  // stops the watcher

  std::shared_ptr<const PreparedGold> Current() const;
  // Reloads if the fingerprint changed. *reloaded tells whether it did.
  Status Refresh(bool* reloaded = nullptr);
  // The last Refresh()'s failure ("" after a success).
  std::string LastError() const;
  // Calls Refresh() every `period_ms` on a background thread until destroyed.
  void StartWatching(int period_ms);

 private:
  Status Reload(bool* reloaded);  // under refresh_mu_

  std::unique_ptr<SnapshotSource> source_;
  std::mutex refresh_mu_;  // one reload at a time
  std::string fingerprint_;
  mutable std::mutex mu_;
  std::shared_ptr<const PreparedGold> current_;
  std::string last_error_;

  std::mutex stop_mu_;
  std::condition_variable stop_cv_;
  bool stop_ = false;
  std::thread watcher_;
};

}  // namespace cinelake::serve
