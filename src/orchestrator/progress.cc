#include "orchestrator/progress.h"

#include <unistd.h>

#include <cstdio>

namespace cinelake {

ProgressLine::ProgressLine() : tty_(::isatty(STDERR_FILENO) == 1) {}

void ProgressLine::SetDay(size_t n, size_t total) {
  constexpr size_t kWidth = 20;
  size_t filled = total == 0 ? 0 : (n - 1) * kWidth / total;
  std::string bar = "[";
  for (size_t i = 0; i < kWidth; ++i) bar += i < filled ? "█" : "░";
  prefix_ = bar + "] " + std::to_string(n) + "/" + std::to_string(total) + " ";
}

void ProgressLine::Update(const RunManifest& m) {
  if (!tty_) return;
  std::string line = "\r\033[2K" + prefix_ + m.load_date.ToString() + " ";
  for (const auto& s : m.steps) {
    const char* mark = "·";
    switch (s.state) {
      case StepState::kPending: mark = "·"; break;
      case StepState::kRunning: mark = "…"; break;
      case StepState::kSucceeded: mark = "✓"; break;
      case StepState::kFailed: mark = "✗"; break;
      case StepState::kSkipped: mark = "-"; break;
      case StepState::kInterrupted: mark = "⏸"; break;
    }
    line += " " + s.name + " " + mark;
  }
  std::fputs(line.c_str(), stderr);
  std::fflush(stderr);
  drawn_ = true;
}

void ProgressLine::Finish() {
  if (tty_ && drawn_) std::fputs("\n", stderr);
  drawn_ = false;
}

}  // namespace cinelake
