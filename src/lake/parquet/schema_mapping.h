// Mapping between a cinelake Schema and a Parquet schema (the flattened
// SchemaElement tree in the footer).
//
// Writing: each cinelake field becomes one leaf column (lists use the standard
// 3-level LIST structure), described by a LeafLayout.
// Reading: each top-level Parquet field becomes a ColumnDesc. Fields cinelake
// cannot represent (structs, maps, nested lists, lists of non-strings,
// unsigned 64-bit integers) are kept with `unsupported` set so an error is
// raised only when projected. Unsigned integers that fit are widened as
// needed: UINT_8/UINT_16 read as INT, UINT_32 as BIGINT; FLOAT16 reads as
// DOUBLE (exactly: every half is a double). A malformed tree
// (bad child counts, too deep) is Corruption.
//
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/status.h"
#include "lake/parquet/metadata.h"
#include "table/table.h"

namespace cinelake::parquet {

struct LeafLayout {
  int32_t physical = 0;
  int32_t type_length = 0;  // FIXED_LEN_BYTE_ARRAY width
  int max_def = 0;
  int max_rep = 0;
  std::vector<std::string> path;
};

// Fails (InvalidArgument) for decimals whose precision/scale Parquet cannot hold.
Status BuildWriteSchema(const Schema& schema, std::vector<SchemaElement>* elements,
                        std::vector<LeafLayout>* leaves);

// How stored values become cinelake values.
enum class Conversion : uint8_t {
  kNone,
  kUint32ToInt64,  // INT32 annotated unsigned
  kMillisToMicros,
  kNanosToMicros,
  kInt96ToMicros,
  kBigEndianDecimal,  // FIXED_LEN_BYTE_ARRAY / BYTE_ARRAY decimal
  kFloatToDouble,
  kFloat16ToDouble,  // FIXED_LEN_BYTE_ARRAY(2) annotated FLOAT16, little-endian IEEE half
};

struct ColumnDesc {
  Field field;
  std::string unsupported;  // non-empty: why this field cannot be read
  int leaf = -1;            // its column chunk index within a row group
  int32_t physical = 0;
  int32_t type_length = 0;
  int max_def = 0;
  int max_rep = 0;
  int list_def = 0;  // lists: definition level at which the list is present
  int item_def = 0;  // lists: definition level at which an item exists
  Conversion conversion = Conversion::kNone;
};

Status MapReadSchema(const std::vector<SchemaElement>& elements, std::vector<ColumnDesc>* columns,
                     int* num_leaves);

}  // namespace cinelake::parquet
