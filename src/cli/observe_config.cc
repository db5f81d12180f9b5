#include "cli/observe_config.h"

#include <toml++/toml.h>

#include <cstdlib>

namespace cinelake {

namespace {

Status Wrong(const std::string& file, const char* table, const std::string& key, const std::string& why) {
  return Status::InvalidArgument(file + ": [" + table + "] " + key + " " + why);
}

Status ApplyQuality(const toml::table& t, const std::string& file, QualityConfig* q) {
  for (const auto& [key_node, value] : t) {
    const std::string key(key_node.str());
    if (key == "fact_rows_max_change" || key == "key_null_rate_max") {
      std::optional<double> v = value.value<double>();
      if (!v || !(*v >= 0 && *v <= 1e6)) return Wrong(file, "quality", key, "must be a number >= 0");
      (key == "fact_rows_max_change" ? q->fact_rows_max_change : q->key_null_rate_max) = *v;
      continue;
    }
    if (FindQualityCheck(key) == nullptr) {
      std::string known;
      for (const auto& c : QualityChecks()) known += (known.empty() ? "" : ", ") + std::string(c.name);
      return Wrong(file, "quality", key, "is neither a setting nor a check (checks: " + known + ")");
    }
    std::optional<std::string> text = value.value<std::string>();
    if (!text) return Wrong(file, "quality", key, "must be \"fail\" or \"warn\"");
    auto severity = ParseCheckSeverity(*text);
    if (!severity.ok()) return Wrong(file, "quality", key, severity.status().message());
    q->severity[key] = *severity;
  }
  return Status::OK();
}

Status ApplyNotify(const toml::table& t, const std::string& file, NotifyConfig* n) {
  for (const auto& [key_node, value] : t) {
    const std::string key(key_node.str());
    if (key == "command" || key == "webhook_url") {
      std::optional<std::string> v = value.value<std::string>();
      if (!v) return Wrong(file, "notify", key, "must be a string");
      (key == "command" ? n->command : n->webhook_url) = *v;
    } else if (key == "timeout_ms") {
      std::optional<int64_t> v = value.value<int64_t>();
      if (!v || *v < 1 || *v > 600'000)
        return Wrong(file, "notify", key, "must be an integer in [1, 600000]");
      n->timeout_ms = static_cast<int>(*v);
    } else {
      return Wrong(file, "notify", key, "is unknown (command, webhook_url, timeout_ms)");
    }
  }
  return Status::OK();
}

}  // namespace

Result<ObserveConfig> LoadObserveConfig(const std::optional<std::string>& path) {
  ObserveConfig c;
  if (path) {
    toml::table root;
    try {
      root = toml::parse_file(*path);
    } catch (const std::exception& e) {
      // LoadApiConfig reports a file that does not parse; this only guards.
      return Status::InvalidArgument("config " + *path + ": " + e.what());
    }
    if (const toml::table* q = root["quality"].as_table())
      RETURN_IF_ERROR(ApplyQuality(*q, *path, &c.quality));
    if (const toml::table* n = root["notify"].as_table()) RETURN_IF_ERROR(ApplyNotify(*n, *path, &c.notify));
  }
  if (const char* v = std::getenv("CINELAKE_NOTIFY_COMMAND"); v != nullptr) c.notify.command = v;
  if (const char* v = std::getenv("CINELAKE_NOTIFY_WEBHOOK_URL"); v != nullptr) c.notify.webhook_url = v;
  if (!c.notify.webhook_url.empty() && c.notify.webhook_url.rfind("http://", 0) != 0 &&
      c.notify.webhook_url.rfind("https://", 0) != 0) {
    return Status::InvalidArgument("[notify] webhook_url must start with http:// or https://");
  }
  return c;
}

}  // namespace cinelake
