// PreparedGold: what the API answers from, a GoldSnapshot and the answers
// worth computing once per load (every day's /api/landing body).
//
// Ownership: Prepare() builds the snapshot and renders the landing bodies
// before anyone can see the result, and hands it out as a
// shared_ptr<const PreparedGold>; the SnapshotHolder publishes it, request
// threads keep a copy for as long as they answer from it.
// Thread-safety: immutable after Prepare(), so concurrent readers need no locks.
// Errors: none (GoldSnapshot::Build() never fails).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "serve/gold.h"
#include "serve/gold_snapshot.h"

namespace cinelake::serve {

class PreparedGold {
 public:
  static std::shared_ptr<const PreparedGold> Prepare(const GoldTables& gold);

  const GoldSnapshot& snapshot() const { return *snapshot_; }
  // The whole catalog's history (catalog_index.h), shared with the GoldTables.
  const CatalogIndex& catalog() const { return *catalog_; }
  // The serialized /api/landing answer of days[day]; `day` must index days.
  const std::string& LandingBody(int day) const { return landing_[day]; }
  // Rows of every gold table as loaded (fact_popularity over all its
  // partitions), in the lake's table order; for /metrics.
  const std::vector<std::pair<std::string, int64_t>>& table_rows() const { return table_rows_; }

 private:
  PreparedGold() = default;

  std::shared_ptr<const GoldSnapshot> snapshot_;
  std::shared_ptr<const CatalogIndex> catalog_;
  std::vector<std::string> landing_;  // one per day
  std::vector<std::pair<std::string, int64_t>> table_rows_;
};

}  // namespace cinelake::serve
