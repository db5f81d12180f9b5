// The layers of the sandbox's request pipeline: Handlers that wrap another
// Handler and add one concern each. server.cc composes them per service,
// outermost first:
//
//   CountingLayer -> AuthLayer -> QuotaLayer -> FaultLayer -> CorruptionLayer
//     -> HiddenIdsLayer (TMDB only) -> the ApiRenderer
//
// (exports skip auth and the quota). So for a request: auth, rate limit,
// latency, fault action, body (404 for TMDB ids the config hides that day),
// body corruption.
//
// Contract: every layer borrows what it is given (the inner Handler, the
// ApiRenderer whose error bodies it answers with, Stats, the quota, the World)
// and must not outlive it. All are thread-safe. Faults are drawn from (seed,
// endpoint kind, sequence number of the request of that kind within this
// layer): reproducible for a serial client, not under concurrency.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>

#include "sandbox/api_renderer.h"
#include "sandbox/request_quota.h"
#include "sandbox/stats.h"

namespace cinelake::sandbox {

// Sleeps that end early when the server stops. Thread-safe.
class StopSignal {
 public:
  // False when the server stopped before `ms` passed.
  bool SleepFor(double ms) {
    std::unique_lock<std::mutex> lock(mu_);
    return !cv_.wait_for(lock, std::chrono::duration<double, std::milli>(ms), [&] { return stopping_; });
  }
  void Stop() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stopping_ = true;
    }
    cv_.notify_all();
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
};

// What every layer holds: the Stats it counts in and the Handler it wraps.
class Layer : public Handler {
 protected:
  Layer(Stats& stats, Handler& inner) : stats_(stats), inner_(inner) {}
  Stats& stats() const { return stats_; }
  Reply Inner(Request& request) { return inner_.Handle(request); }

 private:
  Stats& stats_;
  Handler& inner_;
};

// Counts the request, its service's requests in flight (the service of the
// route, ApiOf) and the answer's status (not for dropped connections).
class CountingLayer final : public Layer {
 public:
  CountingLayer(Stats& stats, Handler& inner) : Layer(stats, inner) {}
  Reply Handle(Request& request) override;
};

// 401 unless the renderer accepts the request's key; leaves it in
// Request::key.
class AuthLayer final : public Layer {
 public:
  AuthLayer(const ApiRenderer& api, Stats& stats, Handler& inner) : Layer(stats, inner), api_(api) {}
  Reply Handle(Request& request) override;

 private:
  const ApiRenderer& api_;
};

// 429 with Retry-After when the key's quota is spent.
class QuotaLayer final : public Layer {
 public:
  QuotaLayer(const ApiRenderer& api, RequestQuota& quota, Stats& stats, Handler& inner)
      : Layer(stats, inner), api_(api), quota_(quota) {}
  Reply Handle(Request& request) override;

 private:
  const ApiRenderer& api_;
  RequestQuota& quota_;
};

// Latency, then the drawn action: 429/500/503 in the renderer's words, a
// reset or a stall (the connection is dropped), or none. Truncation and
// malformation are left in Request::fault for the CorruptionLayer.
class FaultLayer final : public Layer {
 public:
  FaultLayer(uint64_t seed, const ApiRenderer& api, Stats& stats, StopSignal& stop, Handler& inner)
      : Layer(stats, inner), seed_(seed), api_(api), stop_(stop) {}
  Reply Handle(Request& request) override;

 private:
  const uint64_t seed_;
  const ApiRenderer& api_;
  StopSignal& stop_;
  std::atomic<uint64_t> sequence_[kEndpointKinds] = {};
};

// Damages a successful body when the fault layer drew truncate or malformed:
// JSON text loses its second half or its first ':'; a gzip file gets a
// broken deflate stream and CRC, so gunzip fails.
class CorruptionLayer final : public Layer {
 public:
  enum class Body { kJsonText, kGzip };
  CorruptionLayer(Body body, Stats& stats, Handler& inner) : Layer(stats, inner), body_(body) {}
  Reply Handle(Request& request) override;

 private:
  const Body body_;
};

// TMDB ids that FaultConfig::tmdb_not_found_fraction hides on a day (per
// seed, id and day): 404 for their details, empty /find results.
class HiddenIdsLayer final : public Layer {
 public:
  HiddenIdsLayer(const World& world, const ApiRenderer& api, Stats& stats, Handler& inner)
      : Layer(stats, inner), world_(world), api_(api) {}
  Reply Handle(Request& request) override;

 private:
  bool Hidden(Kind kind, int64_t id, Date date, double fraction) const;

  const World& world_;
  const ApiRenderer& api_;
};

}  // namespace cinelake::sandbox
