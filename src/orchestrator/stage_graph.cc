#include "orchestrator/stage_graph.h"

#include <map>
#include <set>

namespace cinelake {

namespace {

// Names of the stages `name` runs after, directly or not.
bool RunsAfter(const std::map<std::string, std::set<std::string>>& after, const std::string& name,
               const std::string& earlier, std::set<std::string>* seen) {
  auto it = after.find(name);
  if (it == after.end()) return false;
  for (const auto& dep : it->second) {
    if (dep == earlier) return true;
    if (seen->insert(dep).second && RunsAfter(after, dep, earlier, seen)) return true;
  }
  return false;
}

}  // namespace

Result<StepGraph> DeriveStepGraph(const std::vector<StageDecl>& stages, const RetryPolicy& api_retry) {
  std::map<std::string, std::string> writer;  // table -> stage
  for (const StageDecl& s : stages) {
    for (const auto& table : s.writes) {
      auto [it, fresh] = writer.emplace(table, s.name);
      if (!fresh) {
        return Status::Internal("stages '" + it->second + "' and '" + s.name + "' both write " + table);
      }
    }
  }
  std::map<std::string, std::set<std::string>> after;
  for (const StageDecl& s : stages) {
    auto& deps = after[s.name];
    for (const TableRead& read : s.reads) {
      auto w = writer.find(read.table);
      if (w == writer.end() || w->second == s.name) continue;  // an input from outside, or its own
      if (read.version == TableRead::Version::kToday) deps.insert(w->second);
    }
  }
  for (const StageDecl& s : stages) {
    for (const TableRead& read : s.reads) {
      if (read.version != TableRead::Version::kPrevious) continue;
      auto w = writer.find(read.table);
      if (w == writer.end() || w->second == s.name) continue;
      std::set<std::string> seen;
      if (!RunsAfter(after, w->second, s.name, &seen)) {
        return Status::Internal("stage '" + s.name + "' reads the previous " + read.table +
                                ", but its writer '" + w->second + "' does not run after it");
      }
    }
  }
  StepGraph graph;
  for (const StageDecl& s : stages) {
    StepSpec step;
    step.name = s.name;
    step.after.assign(after[s.name].begin(), after[s.name].end());
    if (!s.calls.empty()) step.retry = api_retry;
    step.run = s.run;
    RETURN_IF_ERROR(graph.Add(std::move(step)));
  }
  RETURN_IF_ERROR(graph.Validate());
  return graph;
}

}  // namespace cinelake
