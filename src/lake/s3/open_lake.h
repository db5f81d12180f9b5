// OpenLake: a lake wherever --lake points: "s3://bucket/prefix" on S3 (see
// s3_storage.h, s3_settings.h for how it is reached), anything else a local
// folder (Lake::Open). Same modes and rules either way.
//
// Ownership: the Lake is the caller's. Thread-safety: as Lake.
// Errors: InvalidArgument for a malformed s3:// URL or settings, or a folder that is not a lake; the
// storage's error when it cannot be reached.
#pragma once

#include <memory>
#include <string>

#include "common/status.h"
#include "lake/lake.h"

namespace cinelake {

Result<std::unique_ptr<Lake>> OpenLake(const std::string& where, Lake::OpenMode mode);

}  // namespace cinelake
