// ApiClientBase: what ImdbClient and TmdbClient offer alike over the
// ApiCaller each owns: cancelling the batches in flight, and the counts,
// issues and warnings of every call so far.
//
// Thread-safe (ApiCaller is). Not copyable; a client derives from it and
// keeps its endpoints. Keys never appear in issues or warnings.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "sources/api_issues.h"
#include "sources/api_stats.h"

namespace cinelake {

class ApiCaller;

class ApiClientBase {
 public:
  ApiClientBase(const ApiClientBase&) = delete;
  ApiClientBase& operator=(const ApiClientBase&) = delete;

  // Items that have not started when *cancel becomes true end as kAborted.
  void SetCancelFlag(const std::atomic<bool>* cancel);

  ApiStats stats() const;
  int64_t request_count() const { return stats().requests; }
  // Why calls failed or warned, grouped by (endpoint, cause), most frequent first.
  std::vector<ApiIssue> issues() const;
  // Field-level decode warnings ("imdb /tt1: field 'numVotes' is string, expected number"),
  // the first 1000 kept; stats().warnings counts all.
  std::vector<std::string> warnings() const;

 protected:
  explicit ApiClientBase(std::unique_ptr<ApiCaller> caller);
  ~ApiClientBase();

  std::unique_ptr<ApiCaller> caller_;  // never null
};

}  // namespace cinelake
