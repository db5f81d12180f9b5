#include "orchestrator/step_graph.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "common/log.h"

namespace cinelake {
namespace {

// Sleeps `delay` in short slices; false as soon as the run is cancelled.
bool SleepUnlessCancelled(const JobContext& ctx, std::chrono::milliseconds delay) {
  const auto until = std::chrono::steady_clock::now() + delay;
  while (!ctx.Cancelled()) {
    const auto now = std::chrono::steady_clock::now();
    if (now >= until) return true;
    std::this_thread::sleep_for(
        std::min<std::chrono::steady_clock::duration>(until - now, std::chrono::milliseconds(50)));
  }
  return false;
}

}  // namespace

Status StepGraph::Add(StepSpec step) {
  for (const auto& s : steps_) {
    if (s.name == step.name) return Status::Internal("duplicate step '" + step.name + "'");
  }
  steps_.push_back(std::move(step));
  return Status::OK();
}

Status StepGraph::Validate() const {
  std::map<std::string, const StepSpec*> by_name;
  for (const auto& s : steps_) by_name[s.name] = &s;
  for (const auto& s : steps_) {
    for (const auto& d : s.after) {
      if (!by_name.count(d)) return Status::Internal("step '" + s.name + "' runs after unknown '" + d + "'");
    }
  }
  // Kahn's algorithm: every step must become ready eventually.
  std::set<std::string> done;
  bool progress = true;
  while (progress && done.size() < steps_.size()) {
    progress = false;
    for (const auto& s : steps_) {
      if (done.count(s.name)) continue;
      bool ready = true;
      for (const auto& d : s.after) ready = ready && done.count(d);
      if (ready) {
        done.insert(s.name);
        progress = true;
      }
    }
  }
  if (done.size() < steps_.size()) return Status::Internal("the step graph has a cycle");
  return Status::OK();
}

Status StepGraph::Run(const JobContext& ctx, RunManifest* manifest, Storage* store,
                      const std::function<void(const RunManifest&)>& on_change) const {
  RETURN_IF_ERROR(Validate());
  std::mutex mu;
  std::condition_variable cv;
  Status first_error;
  int running = 0;
  std::vector<std::thread> threads;

  // Ensure every step has a record; completed ones are kept for resume.
  for (const auto& s : steps_) {
    StepRecord* rec = manifest->FindStep(s.name);
    if (rec == nullptr) {
      StepRecord rec_new;
      rec_new.name = s.name;
      manifest->steps.push_back(std::move(rec_new));
    } else if (rec->state != StepState::kSucceeded) {
      rec->state = StepState::kPending;
      rec->error.clear();
    }
  }
  // The observer runs first: it may add run-level figures (request counts)
  // to the manifest before it is saved.
  auto save_locked = [&]() -> Status {
    if (on_change) on_change(*manifest);
    return SaveManifest(*store, *manifest);
  };
  {
    std::lock_guard<std::mutex> lock(mu);
    RETURN_IF_ERROR(save_locked());
  }

  auto state_of = [&](const std::string& name) { return manifest->FindStep(name)->state; };

  std::unique_lock<std::mutex> lock(mu);
  while (true) {
    // Start every ready step (unless we are failing or cancelled).
    bool started = false;
    if (first_error.ok() && !ctx.Cancelled()) {
      for (const auto& spec : steps_) {
        if (state_of(spec.name) != StepState::kPending) continue;
        bool ready = true;
        for (const auto& d : spec.after) ready = ready && state_of(d) == StepState::kSucceeded;
        if (!ready) continue;
        StepRecord* rec = manifest->FindStep(spec.name);
        rec->state = StepState::kRunning;
        rec->started_at = NowMicros();
        Status st = save_locked();
        if (!st.ok()) {
          first_error = st;
          break;
        }
        ++running;
        started = true;
        threads.emplace_back([&, spec_ptr = &spec] {
          const StepSpec& step = *spec_ptr;
          StageMetrics metrics;
          JobContext step_ctx = ctx;
          step_ctx.metrics = &metrics;
          Status result;
          int attempt = 0;
          int backoff = step.retry.backoff_ms;
          while (true) {
            ++attempt;
            spdlog::info("step {}: start (attempt {})", step.name, attempt);
            result = step.run(step_ctx);
            if (result.ok() || attempt >= step.retry.max_attempts ||
                !step.retry.RetryableCode(result.code())) {
              break;
            }
            // A failure that would have been retried is unfinished work, not
            // the step's outcome, when the run is being cancelled.
            if (ctx.Cancelled() || !SleepUnlessCancelled(ctx, std::chrono::milliseconds(backoff))) {
              result =
                  Status::Aborted(step.name + " interrupted before retrying (" + result.ToString() + ")");
              break;
            }
            spdlog::warn("step {}: {}; retried after {} ms", step.name, Redact(result.ToString()), backoff);
            backoff *= 2;
          }
          std::lock_guard<std::mutex> g(mu);
          StepRecord* r = manifest->FindStep(step.name);
          r->attempts += attempt;
          r->finished_at = NowMicros();
          for (const auto& [k, v] : metrics.Snapshot()) r->counters[k] = v;
          r->issues = metrics.Issues();
          r->checks = metrics.Checks();
          if (result.ok()) {
            r->state = StepState::kSucceeded;
            spdlog::info("step {}: done in {} ms", step.name, (r->finished_at - r->started_at) / 1000);
          } else if (result.code() == Status::Code::kAborted) {
            r->state = StepState::kInterrupted;
            r->error = Redact(result.ToString());
            spdlog::warn("step {}: {}", step.name, r->error);
            if (first_error.ok()) first_error = result.WithContext("step " + step.name);
          } else {
            r->state = StepState::kFailed;
            r->error = Redact(result.ToString());
            spdlog::error("step {}: {}", step.name, r->error);
            if (first_error.ok()) first_error = result.WithContext("step " + step.name);
          }
          Status st = save_locked();
          if (!st.ok() && first_error.ok()) first_error = st;
          --running;
          cv.notify_all();
        });
      }
    }
    if (running == 0 && !started) break;
    // Workers decrement `running` under the lock and notify: no lost wakeup.
    if (running > 0) cv.wait(lock);
  }
  lock.unlock();
  for (auto& t : threads) t.join();

  // Interrupted wins over a failure seen meanwhile: the run stopped because
  // it was told to, and every unfinished step runs again on resume.
  if (ctx.Cancelled() && first_error.code() != Status::Code::kAborted) {
    return Status::Aborted(
        "interrupted; run again to resume" +
        (first_error.ok() ? std::string() : " (meanwhile: " + first_error.ToString() + ")"));
  }
  if (!first_error.ok()) return first_error;
  for (const auto& s : steps_) {
    if (state_of(s.name) != StepState::kSucceeded) {
      return Status::Internal("step '" + s.name + "' never became ready");
    }
  }
  return Status::OK();
}

}  // namespace cinelake
