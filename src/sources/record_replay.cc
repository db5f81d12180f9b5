#include "sources/record_replay.h"

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "common/log.h"
#include "sources/url_util.h"

namespace cinelake {
namespace {

namespace fs = std::filesystem;

// Response headers worth keeping: the ones the clients act on or that help
// a reader of the recording. Never anything that could echo a credential.
constexpr const char* kKeptHeaders[] = {"content-type", "retry-after", "date", "x-ratelimit-remaining",
                                        "x-ratelimit-limit"};

uint64_t Fnv1a64(std::string_view text) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

std::string RecordingKey(const HttpRequest& request) {
  return request.method + " " + UrlPathAndQuery(StripKeyParams(request.url));
}

}  // namespace

std::string RecordingFileName(const HttpRequest& request) {
  std::string key = RecordingKey(request);
  std::string slug;
  for (char c : key) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    char out = keep ? static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c) : '_';
    if (out == '_' && !slug.empty() && slug.back() == '_') continue;
    slug += out;
    if (slug.size() >= 80) break;
  }
  while (!slug.empty() && slug.back() == '_') slug.pop_back();
  char hash[17];
  std::snprintf(hash, sizeof(hash), "%016llx", static_cast<unsigned long long>(Fnv1a64(key)));
  return slug + "-" + hash + ".rec";
}

RecordingTransport::RecordingTransport(std::shared_ptr<Transport> inner, std::string dir)
    : inner_(std::move(inner)), dir_(std::move(dir)) {}

Result<HttpResponse> RecordingTransport::Perform(const HttpRequest& request) {
  Result<HttpResponse> result = inner_->Perform(request);
  if (!result.ok()) return result;
  const HttpResponse& resp = result.value();
  nlohmann::json meta;
  meta["method"] = request.method;
  meta["url"] = StripKeyParams(request.url);
  meta["status"] = resp.status;
  nlohmann::json headers = nlohmann::json::object();
  for (const char* name : kKeptHeaders) {
    auto it = resp.headers.find(name);
    if (it != resp.headers.end()) headers[name] = Redact(it->second);
  }
  meta["headers"] = headers;
  std::string line = Redact(meta.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  std::string body = Redact(resp.body);

  std::error_code ec;
  fs::create_directories(dir_, ec);
  fs::path final_path = fs::path(dir_) / RecordingFileName(request);
  static std::atomic<uint64_t> counter{0};
  fs::path tmp = final_path;
  tmp += ".tmp" + std::to_string(counter.fetch_add(1));
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << line << '\n';
    out.write(body.data(), static_cast<std::streamsize>(body.size()));
    if (!out) return Status::IOError("recording " + final_path.string() + ": write failed");
  }
  fs::rename(tmp, final_path, ec);
  if (ec) return Status::IOError("recording " + final_path.string() + ": " + ec.message());
  return result;
}

ReplayTransport::ReplayTransport(std::string dir) : dir_(std::move(dir)) {}

Result<HttpResponse> ReplayTransport::Perform(const HttpRequest& request) {
  fs::path path = fs::path(dir_) / RecordingFileName(request);
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status::IOError("replay: no recording for " + Redact(RecordingKey(request)) + " (expected " +
                           path.string() + ")");
  }
  std::string line;
  std::getline(in, line);
  std::ostringstream rest;
  rest << in.rdbuf();
  HttpResponse resp;
  try {
    nlohmann::json meta = nlohmann::json::parse(line);
    resp.status = meta.at("status").get<int>();
    for (auto& [name, value] : meta.at("headers").items()) resp.headers[name] = value.get<std::string>();
  } catch (const std::exception& e) {
    return Status::Corruption("replay: " + path.string() + ": bad header line: " + e.what());
  }
  resp.body = rest.str();
  return resp;
}

}  // namespace cinelake
