#include "sources/api_deadline.h"

namespace cinelake {
namespace {

thread_local ApiDeadline t_deadline;

}  // namespace

ApiDeadlineScope::ApiDeadlineScope(std::chrono::milliseconds budget)
    : ApiDeadlineScope(ApiDeadline(std::chrono::steady_clock::now() + budget)) {}

ApiDeadlineScope::ApiDeadlineScope(ApiDeadline deadline) : previous_(t_deadline) {
  t_deadline = deadline;
}

ApiDeadlineScope::~ApiDeadlineScope() {
  t_deadline = previous_;
}

ApiDeadline CurrentApiDeadline() {
  return t_deadline;
}

}  // namespace cinelake
