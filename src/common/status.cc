#include "common/status.h"

namespace cinelake {

const char* Status::CodeName(Code code) {
  switch (code) {
    case Code::kOk: return "OK";
    case Code::kNotFound: return "NotFound";
    case Code::kInvalidArgument: return "InvalidArgument";
    case Code::kCorruption: return "Corruption";
    case Code::kNotSupported: return "NotSupported";
    case Code::kIOError: return "IOError";
    case Code::kNetwork: return "Network";
    case Code::kRateLimited: return "RateLimited";
    case Code::kUnauthorized: return "Unauthorized";
    case Code::kBusy: return "Busy";
    case Code::kAborted: return "Aborted";
    case Code::kInternal: return "Internal";
    case Code::kQualityFailed: return "QualityFailed";
  }
  return "Unknown";
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  std::string out = CodeName(code_);
  out += ": ";
  out += message_;
  return out;
}

Status Status::WithContext(std::string_view context) const {
  if (ok()) return *this;
  std::string msg(context);
  msg += ": ";
  msg += message_;
  return Status(code_, std::move(msg));
}

}  // namespace cinelake
