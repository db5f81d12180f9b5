#include "sources/api_client_base.h"

#include "sources/api_caller.h"

namespace cinelake {

ApiClientBase::ApiClientBase(std::unique_ptr<ApiCaller> caller) : caller_(std::move(caller)) {}

ApiClientBase::~ApiClientBase() = default;

void ApiClientBase::SetCancelFlag(const std::atomic<bool>* cancel) {
  caller_->SetCancelFlag(cancel);
}
ApiStats ApiClientBase::stats() const {
  return caller_->stats();
}
std::vector<ApiIssue> ApiClientBase::issues() const {
  return caller_->issues();
}
std::vector<std::string> ApiClientBase::warnings() const {
  return caller_->warnings();
}

}  // namespace cinelake
