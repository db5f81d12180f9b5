#include "lake/s3/lease_lock.h"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <random>

#include "common/date.h"
#include "common/log.h"

namespace cinelake::s3 {
namespace {

int64_t LifetimeMicros() {
  const char* v = std::getenv("CINELAKE_S3_LEASE_SECONDS");
  long seconds = v != nullptr ? std::strtol(v, nullptr, 10) : 0;
  return (seconds > 0 ? seconds : 60) * 1'000'000LL;
}

std::string HostName() {
  char host[256] = {0};
  ::gethostname(host, sizeof host - 1);
  return host;
}

std::string RandomToken() {
  std::random_device rd;
  char buf[33];
  std::snprintf(buf, sizeof buf, "%08x%08x%08x%08x", rd(), rd(), rd(), rd());
  return buf;
}

// Whether a lease someone else wrote may be taken over now.
bool Takeable(const nlohmann::json& lease, int64_t now) {
  if (lease.value("released", false)) return true;
  if (lease.value("expires_at_micros", int64_t{0}) < now) return true;
  // A holder on this host whose process is gone will never renew it.
  if (lease.value("host", "") == HostName()) {
    pid_t pid = lease.value("pid", 0);
    if (pid > 0 && ::kill(pid, 0) != 0 && errno == ESRCH) return true;
  }
  return false;
}

}  // namespace

LeaseLock::LeaseLock(S3Storage* storage, std::string etag, std::string record_base, int64_t lifetime_micros)
    : storage_(storage),
      record_base_(std::move(record_base)),
      lifetime_micros_(lifetime_micros),
      etag_(std::move(etag)) {}

std::string LeaseLock::Record(int64_t expires_at, bool released) const {
  nlohmann::json j = nlohmann::json::parse(record_base_);
  j["expires_at_micros"] = expires_at;
  j["released"] = released;
  return j.dump() + "\n";
}

Result<std::unique_ptr<LeaseLock>> LeaseLock::Acquire(S3Storage* storage, const std::string& purpose) {
  int64_t lifetime = LifetimeMicros();
  nlohmann::json base = {{"holder", "pid " + std::to_string(::getpid()) + " on " + HostName() + " since " +
                                        FormatTimestampMicros(NowMicros()) + " (" + purpose + ")"},
                         {"host", HostName()},
                         {"pid", ::getpid()},
                         {"token", RandomToken()}};
  std::unique_ptr<LeaseLock> lock(new LeaseLock(storage, "", base.dump(), lifetime));
  std::string record = lock->Record(NowMicros() + lifetime, false);
  auto created = storage->PutIf(kLeasePath, record, S3Storage::Condition::kIfAbsent, "");
  if (!created.ok() && created.status().code() != Status::Code::kBusy)
    return created.status().WithContext("take the lake lease");
  if (!created.ok()) {
    ASSIGN_OR_RETURN(auto current, storage->ReadWithEtag(kLeasePath));
    nlohmann::json lease = nlohmann::json::parse(current.first, nullptr, false);
    if (lease.is_discarded()) lease = nlohmann::json::object();  // unreadable: treat as expired
    if (lease.value("token", "") == base["token"]) {
      created = current.second;  // our own PUT landed before a retried copy was refused
    } else {
      if (!Takeable(lease, NowMicros())) {
        return Status::Busy("the lake " + storage->Location("") + " is locked by another cinelake process (" +
                            lease.value("holder", std::string("unknown holder")) + ")");
      }
      lock->found_stale_ = !lease.value("released", false);
      created = storage->PutIf(kLeasePath, record, S3Storage::Condition::kIfMatch, current.second);
      if (!created.ok() && created.status().code() == Status::Code::kBusy) {
        return Status::Busy(
            "the lake " + storage->Location("") +
            " was locked by another cinelake process while this one took over its expired lease");
      }
      if (!created.ok()) return created.status().WithContext("take over the lake lease");
    }
  }
  lock->etag_ = *created;
  lock->renewer_ = std::thread([l = lock.get()] { l->RenewLoop(); });
  storage->BeginSoleWriter();
  return lock;
}

void LeaseLock::RenewLoop() {
  std::unique_lock<std::mutex> guard(mu_);
  int64_t last_renewed = NowMicros();
  while (!stopping_) {
    stop_cv_.wait_for(guard, std::chrono::microseconds(lifetime_micros_ / 3), [this] { return stopping_; });
    if (stopping_) break;
    std::string etag = etag_;
    guard.unlock();
    auto renewed = storage_->PutIf(kLeasePath, Record(NowMicros() + lifetime_micros_, false),
                                   S3Storage::Condition::kIfMatch, etag);
    guard.lock();
    if (renewed.ok()) {
      etag_ = *renewed;
      last_renewed = NowMicros();
    } else if (renewed.status().code() == Status::Code::kBusy ||
               NowMicros() - last_renewed > lifetime_micros_) {
      lost_ = true;
      storage_->Fence("the lake lease was lost; another run may hold the lake");
      spdlog::error("lost the lake lease on {}: {}", storage_->Location(""), renewed.status().ToString());
      return;
    } else {
      spdlog::warn("could not renew the lake lease (will retry): {}", renewed.status().ToString());
    }
  }
}

LeaseLock::~LeaseLock() {
  storage_->EndSoleWriter();
  {
    std::lock_guard<std::mutex> guard(mu_);
    stopping_ = true;
  }
  stop_cv_.notify_all();
  if (renewer_.joinable()) renewer_.join();
  if (lost_) return;
  auto released = storage_->PutIf(kLeasePath, Record(0, true), S3Storage::Condition::kIfMatch, etag_);
  if (!released.ok()) spdlog::warn("could not release the lake lease: {}", released.status().ToString());
}

}  // namespace cinelake::s3
