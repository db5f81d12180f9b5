// ApiDeadlineScope: a time by which the API calls a thread makes must end.
//
// A stage opens one at its start with the step budget
// (ApiConfig::step_budget_ms); every client call on that thread, and on the
// batch workers it starts (ApiCaller::Batch carries the deadline over),
// bounds each request's timeout by the time left and fails with kNetwork
// "step budget ... used up" instead of starting an attempt or a backoff
// sleep past it. Scopes nest (the inner one wins until it ends); thread-local,
// so no locking.
#pragma once

#include <chrono>
#include <optional>

namespace cinelake {

using ApiDeadline = std::optional<std::chrono::steady_clock::time_point>;

class ApiDeadlineScope {
 public:
  explicit ApiDeadlineScope(std::chrono::milliseconds budget);
  explicit ApiDeadlineScope(ApiDeadline deadline);
  ~ApiDeadlineScope();
  ApiDeadlineScope(const ApiDeadlineScope&) = delete;
  ApiDeadlineScope& operator=(const ApiDeadlineScope&) = delete;

 private:
  ApiDeadline previous_;
};

// This thread's deadline; nullopt = none.
ApiDeadline CurrentApiDeadline();

}  // namespace cinelake
