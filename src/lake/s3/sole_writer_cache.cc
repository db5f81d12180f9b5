#include "lake/s3/sole_writer_cache.h"

namespace cinelake::s3 {
namespace {

std::string FolderPrefix(const std::string& dir) {
  return dir.empty() ? dir : dir + "/";
}

bool StartsWith(const std::string& s, const std::string& prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace

SoleWriterCache::SoleWriterCache(const std::vector<std::string>& keys, size_t byte_budget)
    : budget_(byte_budget), keys_(keys.begin(), keys.end()) {}

std::vector<std::string> SoleWriterCache::List(const std::string& dir) const {
  std::string prefix = FolderPrefix(dir);
  std::set<std::string> names;  // keys "a/x" sort after "a-b", names "a" before it
  std::lock_guard<std::mutex> lock(mu_);
  for (auto it = keys_.lower_bound(prefix); it != keys_.end() && StartsWith(*it, prefix); ++it) {
    std::string name = it->substr(prefix.size(), it->find('/', prefix.size()) - prefix.size());
    if (!name.empty() && name[0] != '.') names.insert(std::move(name));
  }
  return std::vector<std::string>(names.begin(), names.end());
}

std::vector<std::string> SoleWriterCache::Below(const std::string& dir) const {
  std::string prefix = FolderPrefix(dir);
  std::vector<std::string> out;
  std::lock_guard<std::mutex> lock(mu_);
  for (auto it = keys_.lower_bound(prefix); it != keys_.end() && StartsWith(*it, prefix); ++it)
    out.push_back(*it);
  return out;
}

bool SoleWriterCache::Exists(const std::string& path) const {
  std::lock_guard<std::mutex> lock(mu_);
  return keys_.count(path) != 0;
}

std::optional<std::string> SoleWriterCache::Bytes(const std::string& path) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = bytes_.find(path);
  if (it == bytes_.end()) return std::nullopt;
  return it->second;
}

void SoleWriterCache::Written(const std::string& path, std::string_view data) {
  std::lock_guard<std::mutex> lock(mu_);
  keys_.insert(path);
  DropBytesLocked(path);
  KeepLocked(path, data);
}

void SoleWriterCache::Read(const std::string& path, std::string_view data) {
  std::lock_guard<std::mutex> lock(mu_);
  if (keys_.count(path) == 0 || bytes_.count(path) != 0) return;
  KeepLocked(path, data);
}

void SoleWriterCache::Copied(const std::string& to) {
  std::lock_guard<std::mutex> lock(mu_);
  keys_.insert(to);
  DropBytesLocked(to);
}

void SoleWriterCache::Removed(const std::string& path) {
  std::lock_guard<std::mutex> lock(mu_);
  keys_.erase(path);
  DropBytesLocked(path);
  std::string prefix = path + "/";
  for (auto it = keys_.lower_bound(prefix); it != keys_.end() && StartsWith(*it, prefix);) {
    DropBytesLocked(*it);
    it = keys_.erase(it);
  }
}

void SoleWriterCache::KeepLocked(const std::string& path, std::string_view data) {
  if (data.size() > budget_ / 4) return;
  while (kept_bytes_ + data.size() > budget_ && !order_.empty()) {
    DropBytesLocked(order_.front());
    order_.pop_front();
  }
  bytes_.emplace(path, std::string(data));
  kept_bytes_ += data.size();
  order_.push_back(path);
}

void SoleWriterCache::DropBytesLocked(const std::string& path) {
  auto it = bytes_.find(path);
  if (it == bytes_.end()) return;
  kept_bytes_ -= it->second.size();
  bytes_.erase(it);
}

}  // namespace cinelake::s3
