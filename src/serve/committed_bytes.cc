#include "serve/committed_bytes.h"

namespace cinelake::serve {

bool MatchesCommitted(const GoldFile& want, const std::string& path, std::string_view bytes) {
  GoldFile got = DescribeGoldFile(path, bytes);
  return got.size == want.size && got.crc32 == want.crc32;
}

Result<std::string> CommittedBytes(const Storage& storage, const GoldCommit& commit, const GoldFile& file) {
  std::string bytes;
  if (storage.Read(commit.SnapshotPath(file.path), &bytes).ok() && MatchesCommitted(file, file.path, bytes))
    return bytes;
  if (storage.Read(file.path, &bytes).ok() && MatchesCommitted(file, file.path, bytes)) return bytes;
  return Status::Corruption(storage.Location(commit.SnapshotPath(file.path)) +
                            ": missing or not the bytes committed (size " + std::to_string(file.size) +
                            ", crc32 " + std::to_string(file.crc32) + "), and so is the live file");
}

}  // namespace cinelake::serve
