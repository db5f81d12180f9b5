#include "lake/s3/open_lake.h"

#include "common/version.h"
#include "lake/s3/s3_storage.h"

namespace cinelake {
namespace {

// Lake::Open's rules on a bucket prefix: a prefix holding objects but no
// marker is refused, cinelake never writes among objects it did not create.
Result<std::unique_ptr<Lake>> OpenS3(const std::string& where, Lake::OpenMode mode) {
  ASSIGN_OR_RETURN(auto storage, s3::S3Storage::Open(where));
  std::string marker;
  Status st = storage->Read(Lake::kMarkerFile, &marker);
  if (st.IsNotFound()) {
    if (mode == Lake::OpenMode::kMustExist) {
      return Status::InvalidArgument(storage->Location("") + " is not a cinelake lake (no " +
                                     Lake::kMarkerFile +
                                     "); 'cinelake run' creates a lake under an empty prefix");
    }
    ASSIGN_OR_RETURN(std::vector<std::string> present, storage->List(""));
    if (!present.empty()) {
      return Status::InvalidArgument(storage->Location("") +
                                     " holds objects and is not a cinelake lake (no " + Lake::kMarkerFile +
                                     "); refusing to write there");
    }
    st =
        storage->WriteAtomic(Lake::kMarkerFile, std::string("{\"format\": \"cinelake-lake\", \"version\": 1, "
                                                            "\"created_by\": \"cinelake ") +
                                                    CINELAKE_VERSION + "\"}\n");
  }
  RETURN_IF_ERROR(st);
  return std::make_unique<Lake>(std::move(storage));
}

}  // namespace

Result<std::unique_ptr<Lake>> OpenLake(const std::string& where, Lake::OpenMode mode) {
  if (!s3::IsS3Url(where)) return Lake::Open(where, mode);
  return OpenS3(where, mode);
}

}  // namespace cinelake
