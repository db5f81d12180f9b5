#include "serve/route_table.h"

#include "serve/view_json.h"

namespace cinelake::serve {

namespace {

std::vector<std::string_view> Segments(std::string_view path) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    out.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return out;
}

bool Match(std::string_view pattern, const std::vector<std::string_view>& path,
           std::vector<std::string>* args) {
  std::vector<std::string_view> want = Segments(pattern);
  if (want.size() != path.size()) return false;
  args->clear();
  for (size_t i = 0; i < want.size(); ++i) {
    bool capture = want[i].size() > 2 && want[i].front() == '{' && want[i].back() == '}';
    if (capture) {
      if (path[i].empty()) return false;
      args->emplace_back(path[i]);
    } else if (want[i] != path[i]) {
      return false;
    }
  }
  return true;
}

bool Answers(std::string_view route_method, std::string_view method) {
  return method == route_method || (route_method == "GET" && method == "HEAD");
}

void AddAllowed(std::string_view method, std::string* allow) {
  auto add = [&](std::string_view m) {
    if (allow->find(m) != std::string::npos) return;
    if (!allow->empty()) *allow += ", ";
    *allow += m;
  };
  add(method);
  if (method == "GET") add("HEAD");
}

}  // namespace

std::string_view RouteTable::PatternFor(std::string_view path) const {
  std::vector<std::string_view> segments = Segments(path);
  std::vector<std::string> args;
  for (const Route& r : routes_) {
    if (Match(r.pattern, segments, &args)) return r.pattern;
  }
  return {};
}

ApiResponse RouteTable::Dispatch(const PreparedGold& gold, std::string_view method, std::string path,
                                 Query query) const {
  std::vector<std::string_view> segments = Segments(path);
  std::vector<std::string> args;
  std::string allow;
  for (const Route& r : routes_) {
    if (!Match(r.pattern, segments, &args)) continue;
    if (!Answers(r.method, method)) {
      AddAllowed(r.method, &allow);
      continue;
    }
    return r.handler(gold, ApiRequest{std::move(path), std::move(query), std::move(args)});
  }
  if (!allow.empty()) {
    return {405,
            ErrorBodyText("method " + std::string(method) + " not allowed on " + path + "; use " + allow),
            allow};
  }
  return {404, ErrorBodyText("unknown API path '" + path + "'"), ""};
}

}  // namespace cinelake::serve
