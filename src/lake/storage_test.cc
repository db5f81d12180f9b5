#include "lake/storage.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "lake/testing/scratch_lake.h"

namespace cinelake {
namespace {

class StorageTest : public testing::ScratchRootTest {
 protected:
  std::unique_ptr<LocalStorage> storage_ = std::make_unique<LocalStorage>(root_.string());
};

TEST_F(StorageTest, WritesReplaceAtomicallyAndListSkipsHiddenFiles) {
  ASSERT_TRUE(storage_->WriteAtomic("gold/t/part-00000.parquet", "one").ok());
  ASSERT_TRUE(storage_->WriteAtomic("gold/t/part-00000.parquet", "two").ok());
  std::string got;
  ASSERT_TRUE(storage_->Read("gold/t/part-00000.parquet", &got).ok());
  EXPECT_EQ(got, "two");
  auto names = storage_->List("gold/t");
  ASSERT_TRUE(names.ok());
  EXPECT_EQ(*names, std::vector<std::string>{"part-00000.parquet"}) << "no temporary file is left";
  EXPECT_TRUE(storage_->Read("gold/none", &got).IsNotFound());
  EXPECT_TRUE(storage_->List("absent")->empty());
  ASSERT_TRUE(storage_->Remove("gold/t").ok());
  EXPECT_FALSE(storage_->Exists("gold/t/part-00000.parquet"));
}

TEST_F(StorageTest, AWriterKilledMidWriteLeavesThePreviousVersion) {
  ASSERT_TRUE(storage_->WriteAtomic("stg/x/part-00000.parquet", "previous").ok());
  pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    // The crash hook fires on this process's first write, before the rename.
    ::setenv("CINELAKE_CRASH_AT_WRITE", "1", 1);
    LocalStorage s(root_.string());
    (void)s.WriteAtomic("stg/x/part-00000.parquet", "half written");
    ::_exit(0);
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the child should have been SIGKILLed";
  EXPECT_EQ(WTERMSIG(status), SIGKILL);
  std::string got;
  ASSERT_TRUE(storage_->Read("stg/x/part-00000.parquet", &got).ok());
  EXPECT_EQ(got, "previous");
  EXPECT_EQ(*storage_->List("stg/x"), std::vector<std::string>{"part-00000.parquet"})
      << "the temporary file is hidden from listings";
  auto removed = storage_->RemoveTemporaryFiles();
  ASSERT_TRUE(removed.ok());
  EXPECT_EQ(*removed, 1);
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(root_ / "stg/x"), {}), 1);
}

TEST_F(StorageTest, ACopyKeepsItsBytesWhenTheOriginalIsReplaced) {
  ASSERT_TRUE(storage_->WriteAtomic("gold/t/part-00000.parquet", "committed").ok());
  ASSERT_TRUE(storage_->Copy("gold/t/part-00000.parquet", "gold/_committed/1/t/part-00000.parquet").ok());
  ASSERT_TRUE(storage_->WriteAtomic("gold/t/part-00000.parquet", "next run").ok());
  std::string got;
  ASSERT_TRUE(storage_->Read("gold/_committed/1/t/part-00000.parquet", &got).ok());
  EXPECT_EQ(got, "committed");
  EXPECT_TRUE(storage_->Copy("gold/none", "gold/x").IsNotFound());
  EXPECT_EQ(*storage_->List("gold/_committed/1/t"), std::vector<std::string>{"part-00000.parquet"});
}

TEST_F(StorageTest, TheFullDiskHookFailsOneWriteOfTheNamedFile) {
  pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    ::setenv("CINELAKE_FAIL_WRITE", "gold/b/part-00000.parquet", 1);
    LocalStorage s(root_.string());
    bool other = s.WriteAtomic("gold/a/part-00000.parquet", "a").ok();
    Status hit = s.WriteAtomic("gold/b/part-00000.parquet", "b");
    bool once = s.WriteAtomic("gold/b/part-00000.parquet", "b").ok();
    bool says =
        hit.code() == Status::Code::kIOError && hit.message().find("No space left") != std::string::npos;
    ::_exit(other && says && once ? 0 : 1);
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << "only the named file's first write fails, as ENOSPC";
}

}  // namespace
}  // namespace cinelake
