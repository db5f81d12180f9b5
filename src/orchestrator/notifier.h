// Notifier: delivers a run's notice (run_notice.h) to the operator.
//
// Two channels, either or both configured ([notify] in the config file):
// a command, run with /bin/sh -c, that receives the JSON summary on stdin;
// and a webhook URL that receives it as the body of a POST
// (Content-Type: application/json). Each is bounded by timeout_ms (the
// command is killed after it). The command runs without the API keys in its
// environment, and the webhook URL (which often embeds a token) is
// registered as a secret, so no log line shows it.
//
// Delivery never fails the run: Send() logs every failure (non-zero exit,
// HTTP status >= 300, timeout, unreachable host) as a warning and returns
// how many channels took the notice. Thread-compatible; blocks until done.
#pragma once

#include <string>

namespace cinelake {

struct NotifyConfig {
  std::string command;      // run with the summary on stdin; empty = none
  std::string webhook_url;  // POSTed the summary; empty = none
  int timeout_ms = 10'000;  // per channel

  bool enabled() const { return !command.empty() || !webhook_url.empty(); }
};

class Notifier {
 public:
  explicit Notifier(NotifyConfig config);

  // Delivers `json` to every configured channel; the number that succeeded.
  int Send(const std::string& json) const;

 private:
  bool RunCommand(const std::string& json) const;
  bool PostWebhook(const std::string& json) const;

  NotifyConfig config_;
};

}  // namespace cinelake
