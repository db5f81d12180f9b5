// libFuzzer target: arbitrary bytes through the Parquet reader. Any input
// must produce OK or an error Status; crashes, leaks, UB, hangs and huge
// allocations are bugs. A successful read must yield a valid table.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "lake/parquet/parquet.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  cinelake::parquet::FileInfo info;
  cinelake::Status st = cinelake::parquet::ReadParquetInfo(bytes, "fuzz.parquet", &info);
  cinelake::Table table;
  cinelake::parquet::ReadOptions all;
  st = cinelake::parquet::ReadParquet(bytes, "fuzz.parquet", all, &table);
  if (st.ok() && !table.Validate().ok()) std::abort();
  // A projection of the last column exercises chunk skipping.
  if (st.ok() && table.num_columns() > 1) {
    cinelake::parquet::ReadOptions one;
    one.columns = {table.schema().fields().back().name};
    cinelake::Table part;
    (void)cinelake::parquet::ReadParquet(bytes, "fuzz.parquet", one, &part);
  }
  return 0;
}
