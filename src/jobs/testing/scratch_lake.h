// ScratchLake: a Lake of a test's own, created empty in a ScratchDir and
// removed with it, for stage tests that write tables and read them back.
//
// Test-only; not thread-safe (one owner). Failing to open the lake throws,
// as ScratchDir does (gtest reports it as the test's failure).
#pragma once

#include <filesystem>
#include <memory>
#include <string_view>

#include "common/testing/scratch_dir.h"
#include "lake/lake.h"

namespace cinelake::testing {

class ScratchLake {
 public:
  explicit ScratchLake(std::string_view tag);

  Lake* get() const { return lake_.get(); }
  Lake* operator->() const { return lake_.get(); }
  const std::filesystem::path& root() const { return dir_.path(); }

 private:
  ScratchDir dir_;
  std::unique_ptr<Lake> lake_;
};

}  // namespace cinelake::testing
