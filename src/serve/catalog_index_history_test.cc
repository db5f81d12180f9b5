// HistorySpill and HistoryFile: records spilled by title range come back as
// each title's stream, padded, whatever the bucket size; a file that cannot
// be created or read is an IOError naming its directory.
#include "serve/catalog_index_history.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

namespace cinelake::serve {
namespace {

namespace fs = std::filesystem;

// Title t has a point on days where (t + d) % 3 != 0, tag t + d + 1, pop
// 1000 * t + d (large enough for two-byte varints); 4 days.
constexpr uint32_t kTitles = 11, kDays = 4;
bool Ranked(uint32_t t, uint32_t d) {
  return (t + d) % 3 != 0;
}

std::vector<uint8_t> Expected(uint32_t t) {
  std::vector<uint8_t> s;
  bool started = false;
  for (uint32_t d = 0; d < kDays; ++d) {
    if (!Ranked(t, d)) {
      if (started) s.push_back(0);
      continue;
    }
    started = true;
    uint8_t buf[20];
    uint8_t* end = PutVarint(PutVarint(buf, t + d + 1), 1000 * t + d);
    s.insert(s.end(), buf, end);
  }
  return s;
}

Result<std::unique_ptr<HistoryFile>> Build(uint32_t bucket, const std::string& dir,
                                           std::vector<uint64_t>* starts) {
  HistorySpill spill(HistoryOptions{dir, bucket});
  std::vector<int> last(kTitles, -1);
  for (uint32_t d = 0; d < kDays; ++d) {
    for (uint32_t t = kTitles; t-- > 0;) {  // any order within a day
      if (!Ranked(t, d)) continue;
      spill.Add(t, last[t] < 0 ? 0 : d - static_cast<uint32_t>(last[t]) - 1, t + d + 1, 1000 * t + d);
      last[t] = static_cast<int>(d);
    }
  }
  std::vector<uint32_t> trailing(kTitles);
  for (uint32_t t = 0; t < kTitles; ++t) trailing[t] = kDays - 1 - static_cast<uint32_t>(last[t]);
  return spill.Finish(kTitles, trailing, starts);
}

TEST(CatalogHistory, EveryBucketSizeGivesTheSameStreams) {
  for (uint32_t bucket : {1u, 2u, 4u, 100u}) {
    std::vector<uint64_t> starts;
    auto file = Build(bucket, ::testing::TempDir(), &starts);
    ASSERT_TRUE(file.ok()) << file.status().ToString();
    ASSERT_EQ(starts.size(), kTitles + 1);
    EXPECT_EQ(starts.back(), (*file)->size());
    for (uint32_t t = 0; t < kTitles; ++t) {
      std::vector<uint8_t> got(starts[t + 1] - starts[t]);
      ASSERT_TRUE((*file)->Read(starts[t], got.size(), got.data()).ok());
      EXPECT_EQ(got, Expected(t)) << "bucket " << bucket << " title " << t;
    }
    uint8_t byte = 0;
    EXPECT_FALSE((*file)->Read((*file)->size(), 1, &byte).ok());  // past the end
  }
}

TEST(CatalogHistory, AMissingDirectoryIsAnIOErrorNamingIt) {
  std::vector<uint64_t> starts;
  auto file = Build(2, "/nonexistent/cinelake-spill", &starts);
  ASSERT_FALSE(file.ok());
  EXPECT_EQ(file.status().code(), Status::Code::kIOError);
  EXPECT_NE(file.status().message().find("/nonexistent/cinelake-spill"), std::string::npos);
}

// The file cut short under the reader (a full disk's hole, an outside hand):
// a read is an IOError, not garbage.
TEST(CatalogHistory, AFileCutShortIsAnIOErrorOnRead) {
  fs::path dir = fs::path(::testing::TempDir()) / ("cinelake-history-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::vector<uint64_t> starts;
  auto file = Build(3, dir.string(), &starts);
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  int cut = 0;
  for (const auto& fd : fs::directory_iterator("/proc/self/fd")) {
    std::error_code ec;
    fs::path target = fs::read_symlink(fd.path(), ec);
    if (ec || target.string().rfind((dir / "cinelake-catalog-").string(), 0) != 0) continue;
    ASSERT_EQ(::ftruncate(std::stoi(fd.path().filename().string()), 0), 0);
    ++cut;
  }
  ASSERT_EQ(cut, 1);  // the spill's bucket files are gone already
  std::vector<uint8_t> got(starts[kTitles] - starts[kTitles - 1]);
  Status st = (*file)->Read(starts[kTitles - 1], got.size(), got.data());
  EXPECT_EQ(st.code(), Status::Code::kIOError);
  EXPECT_NE(st.message().find(dir.string()), std::string::npos) << st.ToString();
  fs::remove_all(dir);
}

}  // namespace
}  // namespace cinelake::serve
