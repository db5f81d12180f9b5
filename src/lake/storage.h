// Storage: the seam between the lake and where its bytes live.
//
// Paths are relative keys with '/' separators ("gold/dim_content/part-00000.parquet").
// WriteAtomic makes a file visible only when complete: a crash mid-write leaves
// the previous version (or nothing) and no partial file a reader would pick up.
// LocalStorage does it with write-beside, fsync, rename, fsync of the folder;
// an object store would do it with a single PUT. Writers never change a
// file's bytes in place: a write replaces the file, so a Copy() taken
// earlier keeps the bytes it had (the gold commit's snapshots rely on it).
//
// Ownership: callers own the buffers they pass and get back. Thread-safety: implementations take concurrent
// calls on distinct paths; concurrent writes of one path leave one of them whole. Errors: NotFound for an
// absent path; IOError naming the path and the OS/HTTP cause.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace cinelake {

class Storage {
 public:
  virtual ~Storage() = default;

  // NotFound if absent.
  virtual Status Read(const std::string& path, std::string* out) const = 0;
  virtual Status WriteAtomic(const std::string& path, std::string_view data) = 0;
  // Makes `to` a file holding `from`'s current bytes, replacing any `to`;
  // later writes of `from` do not change `to`. NotFound if `from` is absent.
  // LocalStorage hard-links (copying where links are refused); an object
  // store would copy server-side.
  virtual Status Copy(const std::string& from, const std::string& to) = 0;
  // Names of the immediate children of a folder (files and folders), sorted;
  // hidden names (starting with '.') are skipped. Empty if the folder is absent.
  virtual Result<std::vector<std::string>> List(const std::string& dir) const = 0;
  virtual bool Exists(const std::string& path) const = 0;
  // Removes a file, or a folder and everything below it. Absent is OK.
  virtual Status Remove(const std::string& path) = 0;
  // Where a path lives, for messages and for engines: "/abs/lake/gold/x".
  virtual std::string Location(const std::string& path) const = 0;
  // Deletes temporary files that writers killed mid-write left behind; only
  // safe while holding the lake lock. Returns how many were removed.
  virtual Result<int> RemoveTemporaryFiles() = 0;
};

class LocalStorage final : public Storage {
 public:
  explicit LocalStorage(std::string root) : root_(std::move(root)) {}

  Status Read(const std::string& path, std::string* out) const override;
  Status WriteAtomic(const std::string& path, std::string_view data) override;
  Status Copy(const std::string& from, const std::string& to) override;
  Result<std::vector<std::string>> List(const std::string& dir) const override;
  bool Exists(const std::string& path) const override;
  Status Remove(const std::string& path) override;
  std::string Location(const std::string& path) const override;
  Result<int> RemoveTemporaryFiles() override;

 private:
  std::string root_;
};

}  // namespace cinelake
