#include "jobs/testing/scratch_lake.h"

#include <stdexcept>
#include <string>

namespace cinelake::testing {

ScratchLake::ScratchLake(std::string_view tag) : dir_(tag) {
  auto lake = Lake::Open(dir_.str(), Lake::OpenMode::kCreateIfMissing);
  if (!lake.ok())
    throw std::runtime_error("cannot open a lake in " + dir_.str() + ": " + lake.status().ToString());
  lake_ = std::move(lake).value();
}

}  // namespace cinelake::testing
