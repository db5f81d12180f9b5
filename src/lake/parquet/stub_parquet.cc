#include "lake/parquet/parquet.h"
namespace cinelake::parquet {
Status WriteParquet(const Table&, const WriteOptions&, std::string*) { return Status::Internal("parquet writer not implemented"); }
Status ReadParquet(std::string_view, std::string_view, const ReadOptions&, Table*) { return Status::Internal("parquet reader not implemented"); }
Status ReadParquetInfo(std::string_view, std::string_view, FileInfo*) { return Status::Internal("parquet reader not implemented"); }
}
