// GoldCommit: which gold files make up one consistent state of the gold
// layer, so that readers never see two runs' dimensions, bridges and facts
// mixed.
//
// A run replaces gold tables one file at a time; a failure between two of
// those writes (a full disk, a kill) leaves the live folders half old, half
// new. So a run's last gold step publishes a commit:
//
//   1. every Parquet file of the declared gold tables, as the run left them,
//      is copied (Storage::Copy: a hard link on disk, a server-side copy on an
//      object store) into gold/_committed/<sequence>/<table>/...;
//   2. gold/_committed.json (the marker) is written atomically: the
//      sequence, the run, and each file's lake path, size and CRC-32. That
//      write is the commit;
//   3. snapshots older than the previous kKeptSnapshots are removed.
//
// The live table folders (gold/<table>/) stay where Athena, DuckDB and the
// catalog read them; "_committed" starts with '_', so neither the catalog nor
// the engines take it for a table. A reader loads the files the marker lists
// from the snapshot folder and checks each one's size and CRC, so it sees
// exactly the committed state whatever is happening to the live files;
// comparing the live files with the marker tells whether they are mid-change
// (a run in progress, or one that failed midway and left them mixed).
//
// Thread-safety: plain functions over a Storage; publishing is for the one
// writer holding the lake lock. Errors: Storage errors, and Corruption naming
// the marker when it cannot be parsed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "common/status.h"
#include "lake/schemas.h"
#include "lake/storage.h"

namespace cinelake {

inline constexpr const char* kGoldCommitMarker = "gold/_committed.json";
inline constexpr const char* kGoldSnapshotsDir = "gold/_committed";
// Snapshots kept besides the current one, so a reader still loading the
// previous commit finds its files.
inline constexpr int kKeptSnapshots = 2;

struct GoldFile {
  std::string path;  // lake path: "gold/dim_content/part-00000.parquet"
  int64_t size = 0;
  uint32_t crc32 = 0;
};

// A file left out of a commit because it could not be read back.
struct UnreadableFile {
  std::string path;
  std::string error;
};

struct GoldCommit {
  int64_t sequence = 0;  // 1, 2, ... one per commit
  std::string run_id;
  Date load_date;                        // the committing run's logical date
  std::vector<GoldFile> files;           // sorted by path
  std::vector<UnreadableFile> left_out;  // gold files present but unreadable

  // Where the snapshot copy of a committed lake path lives.
  std::string SnapshotPath(const std::string& path) const;
  const GoldFile* Find(std::string_view path) const;
  std::string ToJson() const;
  static Result<GoldCommit> FromJson(const std::string& text, const std::string& where);
};

// One live Parquet file of a declared gold table.
struct LiveGoldFile {
  const TableDef* def = nullptr;
  std::optional<Date> partition;  // set for fact_popularity's loadDate folders
  std::string path;
};

// Every Parquet file of the declared gold tables as the live folders hold
// them now, sorted by path. A malformed partition folder name is Corruption.
Result<std::vector<LiveGoldFile>> ListLiveGoldFiles(const Storage& storage);

GoldFile DescribeGoldFile(const std::string& path, std::string_view bytes);

// The declared gold table a lake path belongs to (and its partition), or
// nullopt for a path outside them.
std::optional<LiveGoldFile> GoldFileOf(const std::string& path);

// The current commit; NotFound when gold was never committed.
Result<GoldCommit> ReadGoldCommit(const Storage& storage);

// Publishes `commit` (its files must be the live files just described):
// sets its sequence after the previous commit's (or after the newest
// snapshot folder when the marker is unreadable), copies the files, writes
// the marker and prunes old snapshots.
Status PublishGoldCommit(Storage& storage, GoldCommit* commit);

// Commits the live gold files as they are, without decoding them: for
// writers of whole fixture lakes, which have no pipeline run.
Status CommitLiveGold(Storage& storage, const std::string& run_id, Date load_date);

}  // namespace cinelake
