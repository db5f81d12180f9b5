#include "lake/gold_commit.h"

#include <libdeflate.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "lake/json_document.h"

namespace cinelake {

namespace {

using nlohmann::json;

constexpr std::string_view kGoldPrefix = "gold/";

bool IsDataFile(const std::string& name) {
  return name.size() > 8 && name.compare(name.size() - 8, 8, ".parquet") == 0 && name[0] != '_' &&
         name[0] != '.';
}

Status ListDataFiles(const Storage& storage, const TableDef& def, std::optional<Date> partition,
                     const std::string& dir, std::vector<LiveGoldFile>* out) {
  ASSIGN_OR_RETURN(std::vector<std::string> names, storage.List(dir));
  for (const auto& name : names) {
    if (IsDataFile(name)) out->push_back(LiveGoldFile{&def, partition, dir + "/" + name});
  }
  return Status::OK();
}

// The sequence numbers of the snapshot folders present, ascending.
Result<std::vector<int64_t>> SnapshotSequences(const Storage& storage) {
  ASSIGN_OR_RETURN(std::vector<std::string> names, storage.List(kGoldSnapshotsDir));
  std::vector<int64_t> seqs;
  for (const auto& n : names) {
    if (n.empty() || n.size() > 18 || n.find_first_not_of("0123456789") != std::string::npos) continue;
    seqs.push_back(std::stoll(n));
  }
  std::sort(seqs.begin(), seqs.end());
  return seqs;
}

}  // namespace

std::string GoldCommit::SnapshotPath(const std::string& path) const {
  std::string_view rest(path);
  if (rest.substr(0, kGoldPrefix.size()) == kGoldPrefix) rest.remove_prefix(kGoldPrefix.size());
  return std::string(kGoldSnapshotsDir) + "/" + std::to_string(sequence) + "/" + std::string(rest);
}

const GoldFile* GoldCommit::Find(std::string_view path) const {
  auto it = std::lower_bound(files.begin(), files.end(), path,
                             [](const GoldFile& f, std::string_view p) { return f.path < p; });
  return it != files.end() && it->path == path ? &*it : nullptr;
}

std::string GoldCommit::ToJson() const {
  json j;
  j["format"] = "cinelake-gold-commit";
  j["sequence"] = sequence;
  j["run_id"] = run_id;
  j["load_date"] = load_date.ToString();
  json fj = json::array();
  for (const auto& f : files) fj.push_back({{"path", f.path}, {"size", f.size}, {"crc32", f.crc32}});
  j["files"] = std::move(fj);
  json lj = json::array();
  for (const auto& u : left_out) lj.push_back({{"path", u.path}, {"error", u.error}});
  j["left_out"] = std::move(lj);
  return j.dump(2) + "\n";
}

Result<GoldCommit> GoldCommit::FromJson(const std::string& text, const std::string& where) {
  return ReadJsonDocument<GoldCommit>(text, where, "gold commit", [&](const json& j) -> Result<GoldCommit> {
    GoldCommit c;
    c.sequence = j.at("sequence").get<int64_t>();
    c.run_id = j.at("run_id").get<std::string>();
    ASSIGN_OR_RETURN(c.load_date, JsonDate(j, "load_date", where));
    for (const auto& f : j.at("files")) {
      c.files.push_back(GoldFile{f.at("path").get<std::string>(), f.at("size").get<int64_t>(),
                                 f.at("crc32").get<uint32_t>()});
    }
    for (const auto& u : j.value("left_out", json::array())) {
      c.left_out.push_back(UnreadableFile{u.at("path").get<std::string>(), u.value("error", std::string())});
    }
    if (c.sequence < 1) return Status::Corruption(where + ": sequence must be positive");
    std::sort(c.files.begin(), c.files.end(),
              [](const GoldFile& a, const GoldFile& b) { return a.path < b.path; });
    return c;
  });
}

Result<std::vector<LiveGoldFile>> ListLiveGoldFiles(const Storage& storage) {
  std::vector<LiveGoldFile> out;
  for (const TableDef& def : AllTables()) {
    if (def.layer != Layer::kGold) continue;
    if (!def.partitioned) {
      RETURN_IF_ERROR(ListDataFiles(storage, def, std::nullopt, def.path(), &out));
      continue;
    }
    ASSIGN_OR_RETURN(std::vector<std::string> folders, storage.List(def.path()));
    for (const auto& folder : folders) {
      if (folder.rfind("loadDate=", 0) != 0) continue;
      auto date = Date::Parse(std::string_view(folder).substr(9));
      if (!date.ok()) {
        return Status::Corruption(storage.Location(def.path() + "/" + folder) +
                                  ": not a loadDate partition folder");
      }
      RETURN_IF_ERROR(ListDataFiles(storage, def, *date, def.path() + "/" + folder, &out));
    }
  }
  std::sort(out.begin(), out.end(),
            [](const LiveGoldFile& a, const LiveGoldFile& b) { return a.path < b.path; });
  return out;
}

std::optional<LiveGoldFile> GoldFileOf(const std::string& path) {
  for (const TableDef& def : AllTables()) {
    if (def.layer != Layer::kGold) continue;
    std::string dir = def.path() + "/";
    if (path.rfind(dir, 0) != 0) continue;
    std::string_view rest = std::string_view(path).substr(dir.size());
    size_t slash = rest.find('/');
    if (!def.partitioned) {
      if (slash != std::string_view::npos) return std::nullopt;
      return LiveGoldFile{&def, std::nullopt, path};
    }
    if (slash == std::string_view::npos || rest.substr(0, 9) != "loadDate=") return std::nullopt;
    auto date = Date::Parse(rest.substr(9, slash - 9));
    if (!date.ok() || rest.find('/', slash + 1) != std::string_view::npos) return std::nullopt;
    return LiveGoldFile{&def, *date, path};
  }
  return std::nullopt;
}

GoldFile DescribeGoldFile(const std::string& path, std::string_view bytes) {
  return GoldFile{path, static_cast<int64_t>(bytes.size()),
                  static_cast<uint32_t>(libdeflate_crc32(0, bytes.data(), bytes.size()))};
}

Result<GoldCommit> ReadGoldCommit(const Storage& storage) {
  std::string text;
  RETURN_IF_ERROR(storage.Read(kGoldCommitMarker, &text));
  return GoldCommit::FromJson(text, storage.Location(kGoldCommitMarker));
}

Status PublishGoldCommit(Storage& storage, GoldCommit* commit) {
  ASSIGN_OR_RETURN(std::vector<int64_t> seqs, SnapshotSequences(storage));
  int64_t previous = seqs.empty() ? 0 : seqs.back();
  auto marker = ReadGoldCommit(storage);
  if (marker.ok()) previous = std::max(previous, marker->sequence);
  commit->sequence = previous + 1;
  std::sort(commit->files.begin(), commit->files.end(),
            [](const GoldFile& a, const GoldFile& b) { return a.path < b.path; });
  // A folder left by a publish that died before its marker is reused afresh.
  RETURN_IF_ERROR(storage.Remove(std::string(kGoldSnapshotsDir) + "/" + std::to_string(commit->sequence)));
  for (const auto& f : commit->files) RETURN_IF_ERROR(storage.Copy(f.path, commit->SnapshotPath(f.path)));
  RETURN_IF_ERROR(storage.WriteAtomic(kGoldCommitMarker, commit->ToJson()));
  for (int64_t seq : seqs) {
    if (seq < commit->sequence - kKeptSnapshots) {
      RETURN_IF_ERROR(storage.Remove(std::string(kGoldSnapshotsDir) + "/" + std::to_string(seq)));
    }
  }
  return Status::OK();
}

Status CommitLiveGold(Storage& storage, const std::string& run_id, Date load_date) {
  ASSIGN_OR_RETURN(std::vector<LiveGoldFile> live, ListLiveGoldFiles(storage));
  GoldCommit commit;
  commit.run_id = run_id;
  commit.load_date = load_date;
  for (const auto& f : live) {
    std::string bytes;
    RETURN_IF_ERROR(storage.Read(f.path, &bytes));
    commit.files.push_back(DescribeGoldFile(f.path, bytes));
  }
  return PublishGoldCommit(storage, &commit);
}

}  // namespace cinelake
