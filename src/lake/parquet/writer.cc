// WriteParquet: lays out "PAR1", row groups of column chunks, the Thrift
// footer, its length and "PAR1" again. Column chunks come from ColumnWriter;
// this file owns the file-level metadata (schema, row groups, key-values).
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "common/version.h"
#include "lake/parquet/column_writer.h"
#include "lake/parquet/metadata.h"
#include "lake/parquet/parallel.h"
#include "lake/parquet/parquet.h"
#include "lake/parquet/schema_mapping.h"

namespace cinelake::parquet {

std::string CreatedBy() {
  return std::string("cinelake version ") + CINELAKE_VERSION + " (build " CINELAKE_VERSION ")";
}

Status WriteParquet(const Table& table, const WriteOptions& options, std::string* out) {
  RETURN_IF_ERROR(table.Validate());
  FileMetaData md;
  std::vector<LeafLayout> leaves;
  RETURN_IF_ERROR(BuildWriteSchema(table.schema(), &md.schema, &leaves));
  const size_t rows = table.num_rows();
  const size_t group_rows = options.row_group_rows ? options.row_group_rows : rows;

  out->clear();
  out->append("PAR1");
  const size_t ncols = table.num_columns();
  // Columns of a row group are encoded independently (in parallel when the
  // table is big enough) into their own buffers, then laid out in order.
  size_t table_bytes = 0;
  for (const auto& c : table.columns()) table_bytes += c.size() * 8 + c.string_bytes().size();
  const size_t threads = ThreadsFor(ncols, table_bytes);
  std::vector<ColumnWriter> writers;
  writers.reserve(threads);
  for (size_t t = 0; t < std::max<size_t>(threads, 1); ++t) writers.emplace_back(options);
  std::vector<std::string> buffers(ncols);
  std::vector<ColumnChunk> chunks(ncols);
  std::vector<Status> errors(ncols);
  for (size_t begin = 0; begin < rows; begin += group_rows) {
    size_t end = rows - begin < group_rows ? rows : begin + group_rows;
    ParallelFor(ncols, threads, [&](size_t c, size_t worker) {
      buffers[c].clear();
      errors[c] = writers[worker].WriteChunk(table.column(c), leaves[c], begin, end, &buffers[c], &chunks[c]);
    });
    RowGroup rg;
    rg.num_rows = static_cast<int64_t>(end - begin);
    rg.file_offset = static_cast<int64_t>(out->size());
    int64_t compressed = 0;
    for (size_t c = 0; c < ncols; ++c) {
      if (!errors[c].ok()) return errors[c].WithContext("column '" + table.schema().field(c).name + "'");
      int64_t base = static_cast<int64_t>(out->size());
      out->append(buffers[c]);
      ColumnChunk chunk = std::move(chunks[c]);
      chunk.file_offset += base;
      chunk.meta->data_page_offset += base;
      if (chunk.meta->dictionary_page_offset) *chunk.meta->dictionary_page_offset += base;
      rg.total_byte_size += chunk.meta->total_uncompressed_size;
      compressed += chunk.meta->total_compressed_size;
      rg.columns.push_back(std::move(chunk));
    }
    rg.total_compressed_size = compressed;
    rg.ordinal = static_cast<int16_t>(md.row_groups.size() < 32767 ? md.row_groups.size() : 32767);
    md.row_groups.push_back(std::move(rg));
  }
  md.version = 1;
  md.num_rows = static_cast<int64_t>(rows);
  md.created_by = CreatedBy();
  md.key_value_metadata.emplace_back("created_by", *md.created_by);
  md.key_value_metadata.emplace_back("cinelake.version", CINELAKE_VERSION);
  for (const auto& kv : options.metadata) {
    if (kv.first == "cinelake.version" || kv.first == "created_by") continue;
    md.key_value_metadata.push_back(kv);
  }
  md.num_type_defined_orders = static_cast<int32_t>(leaves.size());

  size_t footer_start = out->size();
  SerializeFileMetaData(md, out);
  uint32_t len = static_cast<uint32_t>(out->size() - footer_start);
  char buf[4] = {static_cast<char>(len), static_cast<char>(len >> 8), static_cast<char>(len >> 16),
                 static_cast<char>(len >> 24)};
  out->append(buf, 4);
  out->append("PAR1");
  return Status::OK();
}

}  // namespace cinelake::parquet
