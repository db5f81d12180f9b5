// Appending an optional value to a Column: the value, or NULL when absent.
// Inline helpers for the stages that build rows; no state, no errors.
//
// Thread-safety: as the Column they append to (not synchronised).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "table/table.h"

namespace cinelake {

inline void AppendOptional(Column& column, const std::optional<std::string>& value) {
  if (value) {
    column.AppendString(*value);
  } else {
    column.AppendNull();
  }
}

inline void AppendOptional(Column& column, const std::optional<int32_t>& value) {
  if (value) {
    column.AppendInt32(*value);
  } else {
    column.AppendNull();
  }
}

}  // namespace cinelake
