// ReadParquet / ReadParquetInfo: validates the file's frame (magic, footer
// length), parses the footer, maps the schema and drives ColumnChunkReader
// over the projected columns only. Every error carries the file's name, and
// a damaged file ("corrupt: ...") reads differently from a valid one using
// what cinelake cannot read ("unsupported: ...").
#include <algorithm>
#include <cstring>

#include "lake/parquet/column_reader.h"
#include "lake/parquet/metadata.h"
#include "lake/parquet/parallel.h"
#include "lake/parquet/parquet.h"
#include "lake/parquet/schema_mapping.h"

namespace cinelake::parquet {

namespace {

struct OpenFile {
  FileMetaData md;
  std::vector<ColumnDesc> columns;
  int num_leaves = 0;
  size_t footer_start = 0;
};

Status Open(std::string_view bytes, OpenFile* f) {
  if (bytes.size() < 12) {
    return Status::Corruption("too small to be a Parquet file (" + std::to_string(bytes.size()) + " bytes)");
  }
  if (std::memcmp(bytes.data(), "PAR1", 4) != 0)
    return Status::Corruption("bad magic at the start (not Parquet)");
  std::string_view tail = bytes.substr(bytes.size() - 4);
  if (tail == "PARE") return Status::NotSupported("encrypted Parquet files (footer magic PARE)");
  if (tail != "PAR1") return Status::Corruption("bad magic at the end (truncated or not Parquet)");
  uint32_t len;
  std::memcpy(&len, bytes.data() + bytes.size() - 8, 4);
  if (len > bytes.size() - 12) {
    return Status::Corruption("footer length " + std::to_string(len) + " exceeds the file");
  }
  f->footer_start = bytes.size() - 8 - len;
  RETURN_IF_ERROR(
      ParseFileMetaData(reinterpret_cast<const uint8_t*>(bytes.data()) + f->footer_start, len, &f->md)
          .WithContext("footer"));
  RETURN_IF_ERROR(MapReadSchema(f->md.schema, &f->columns, &f->num_leaves).WithContext("schema"));
  for (size_t i = 0; i < f->md.row_groups.size(); ++i) {
    const RowGroup& rg = f->md.row_groups[i];
    if (rg.columns.size() != static_cast<size_t>(f->num_leaves)) {
      return Status::Corruption("row group " + std::to_string(i) + " has " +
                                std::to_string(rg.columns.size()) + " column chunks, the schema " +
                                std::to_string(f->num_leaves) + " leaves");
    }
    if (rg.num_rows < 0)
      return Status::Corruption("row group " + std::to_string(i) + " has a negative row count");
  }
  return Status::OK();
}

// Prefixes a failure with the file's name and, for the two kinds a reader
// of someone else's file must tell apart, what kind it is: the code says it
// to programs, the words to people.
Status Describe(const Status& st, std::string_view name) {
  if (st.code() == Status::Code::kCorruption) return st.WithContext("corrupt").WithContext(name);
  if (st.code() == Status::Code::kNotSupported) return st.WithContext("unsupported").WithContext(name);
  return st.WithContext(name);
}

}  // namespace

Status ReadParquetInfo(std::string_view bytes, std::string_view name, FileInfo* out) {
  OpenFile f;
  RETURN_IF_ERROR(Describe(Open(bytes, &f), name));
  *out = FileInfo();
  std::vector<Field> fields;
  for (const auto& c : f.columns) {
    if (c.unsupported.empty()) {
      fields.push_back(c.field);
    } else {
      out->unsupported_columns.push_back(c.field.name);
    }
  }
  out->schema = Schema(std::move(fields));
  out->num_rows = 0;
  for (const auto& rg : f.md.row_groups) out->num_rows += rg.num_rows;
  out->num_row_groups = static_cast<int>(f.md.row_groups.size());
  out->metadata = f.md.key_value_metadata;
  out->created_by = f.md.created_by.value_or("");
  return Status::OK();
}

Status ReadParquet(std::string_view bytes, std::string_view name, const ReadOptions& options, Table* out) {
  OpenFile f;
  RETURN_IF_ERROR(Describe(Open(bytes, &f), name));
  std::vector<const ColumnDesc*> wanted;
  if (options.columns.empty()) {
    for (const auto& c : f.columns) wanted.push_back(&c);
  } else {
    for (const auto& n : options.columns) {
      const ColumnDesc* found = nullptr;
      for (const auto& c : f.columns) {
        if (c.field.name == n) {
          found = &c;
          break;
        }
      }
      if (!found) return Status::InvalidArgument(std::string(name) + ": no column '" + n + "'");
      wanted.push_back(found);
    }
  }
  for (const ColumnDesc* c : wanted) {
    if (!c->unsupported.empty()) {
      return Status::InvalidArgument(std::string(name) + ": column '" + c->field.name +
                                     "': " + c->unsupported);
    }
  }

  ReadBudget budget(bytes.size());
  std::vector<Field> fields;
  std::vector<Column> columns;
  std::vector<Status> errors(wanted.size());
  int64_t projected_bytes = 0;
  for (const ColumnDesc* c : wanted) {
    fields.push_back(c->field);
    columns.emplace_back(c->field.type);
    for (const auto& rg : f.md.row_groups) {
      const auto& cc = rg.columns[c->leaf];
      if (cc.meta && cc.meta->total_compressed_size > 0) projected_bytes += cc.meta->total_compressed_size;
    }
  }
  projected_bytes = std::min<int64_t>(projected_bytes, static_cast<int64_t>(bytes.size()));
  ParallelFor(
      wanted.size(), ThreadsFor(wanted.size(), static_cast<size_t>(projected_bytes)), [&](size_t i, size_t) {
        const ColumnDesc* c = wanted[i];
        Column& col = columns[i];
        // Reserve what the file plausibly holds, never what it merely claims.
        int64_t rows = 0, bytes_in_file = 0;
        for (const auto& rg : f.md.row_groups) {
          rows += rg.num_rows;
          const auto& cc = rg.columns[c->leaf];
          if (cc.meta && cc.meta->total_compressed_size > 0) bytes_in_file += cc.meta->total_compressed_size;
        }
        int64_t plausible = std::min<int64_t>(bytes_in_file, static_cast<int64_t>(bytes.size())) * 64 + 4096;
        col.Reserve(static_cast<size_t>(std::max<int64_t>(0, std::min(rows, plausible))));
        ColumnChunkReader reader(bytes, f.footer_start, *c, &budget);
        for (size_t g = 0; g < f.md.row_groups.size(); ++g) {
          const RowGroup& rg = f.md.row_groups[g];
          Status st = reader.Read(rg.columns[c->leaf], rg.num_rows, &col);
          if (!st.ok()) {
            errors[i] = Describe(
                st.WithContext("column '" + c->field.name + "', row group " + std::to_string(g)), name);
            return;
          }
        }
      });
  for (auto& st : errors) {
    if (!st.ok()) return st;
  }
  *out = Table(Schema(std::move(fields)), std::move(columns));
  return Status::OK();
}

}  // namespace cinelake::parquet
