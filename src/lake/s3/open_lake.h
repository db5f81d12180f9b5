// OpenLake: a lake wherever --lake points: "s3://bucket/prefix" on S3 (see
// s3_storage.h, s3_settings.h for how it is reached), anything else a local
// folder (Lake::Open). Same modes and rules either way.
#pragma once

#include <memory>
#include <string>

#include "common/status.h"
#include "lake/lake.h"

namespace cinelake {

Result<std::unique_ptr<Lake>> OpenLake(const std::string& where, Lake::OpenMode mode);

}  // namespace cinelake
