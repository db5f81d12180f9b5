#include "sources/api_issues.h"

#include <algorithm>
#include <cctype>

#include "common/log.h"

namespace cinelake {

std::string EndpointOf(std::string_view path) {
  path = path.substr(0, path.find('?'));
  std::string out;
  size_t start = 0;
  while (start < path.size()) {
    size_t slash = path.find('/', start + 1);
    std::string_view segment = path.substr(start, slash == std::string_view::npos ? slash : slash - start);
    bool has_digit =
        std::any_of(segment.begin(), segment.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
    out += has_digit ? std::string("/{id}") : std::string(segment);
    if (slash == std::string_view::npos) break;
    start = slash;
  }
  return out;
}

std::string CauseOf(std::string_view message) {
  size_t colon = message.find(": ");
  if (colon != std::string_view::npos) message.remove_prefix(colon + 2);
  size_t cut = std::min(message.find(" ("), message.find(": '"));
  return EscapeForLog(Redact(message.substr(0, cut)), 200);
}

void ApiIssueTally::Add(const ApiIssue& issue) {
  auto key = std::make_tuple(issue.api, issue.endpoint, issue.cause);
  auto it = by_key_.find(key);
  if (it == by_key_.end() && by_key_.size() >= kMaxIssues) {
    key = std::make_tuple(issue.api, std::string("*"), std::string("other"));
    it = by_key_.find(key);
  }
  if (it == by_key_.end()) {
    ApiIssue first = issue;
    std::tie(first.api, first.endpoint, first.cause) = key;
    by_key_.emplace(key, std::move(first));
    return;
  }
  it->second.count += issue.count;
}

void ApiIssueTally::AddAll(const std::vector<ApiIssue>& issues) {
  for (const auto& i : issues) Add(i);
}

std::vector<ApiIssue> ApiIssueTally::Sorted() const {
  std::vector<ApiIssue> out;
  out.reserve(by_key_.size());
  for (const auto& [key, issue] : by_key_) out.push_back(issue);
  std::stable_sort(out.begin(), out.end(),
                   [](const ApiIssue& a, const ApiIssue& b) { return a.count > b.count; });
  return out;
}

std::string ApiIssueTally::Describe(size_t limit) const {
  std::vector<ApiIssue> sorted = Sorted();
  if (sorted.empty()) return std::string();
  std::string out = "causes: ";
  for (size_t i = 0; i < sorted.size() && i < limit; ++i) {
    const ApiIssue& is = sorted[i];
    if (i > 0) out += "; ";
    out += is.api + " " + is.endpoint + ": " + is.cause + " (" + std::to_string(is.count) + "x, e.g. " +
           is.example + ")";
  }
  if (sorted.size() > limit) out += "; and " + std::to_string(sorted.size() - limit) + " more";
  return out;
}

}  // namespace cinelake
