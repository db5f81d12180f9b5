// gtest fixtures for code that makes a lake or a storage, over the test's own
// scratch folder (common/testing/scratch_dir.h, removed after the test):
//
//   ScratchRootTest: root_, a path inside the scratch folder that does not
//     exist yet (a lake or a storage creates its folder).
//   ScratchLakeTest: also lake_, a Lake created at root_ before each test
//     (a failure to create it fails the test).
//
// Test-only; a fixture belongs to its one test (not thread-safe).
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>

#include "common/testing/scratch_dir.h"
#include "lake/lake.h"

namespace cinelake::testing {

class ScratchRootTest : public ::testing::Test {
 protected:
  ScratchDir scratch_{"lake"};
  const std::filesystem::path root_ = scratch_.path() / "root";
};

class ScratchLakeTest : public ScratchRootTest {
 protected:
  void SetUp() override {
    auto lake = Lake::Open(root_.string(), Lake::OpenMode::kCreateIfMissing);
    ASSERT_TRUE(lake.ok()) << lake.status().ToString();
    lake_ = std::move(lake).value();
  }

  std::unique_ptr<Lake> lake_;
};

}  // namespace cinelake::testing
