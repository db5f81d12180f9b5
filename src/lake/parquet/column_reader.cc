#include "lake/parquet/column_reader.h"

#include <cmath>
#include <cstring>
#include <iterator>
#include <span>

#include "lake/parquet/compression.h"
#include "lake/parquet/delta_encoding.h"
#include "lake/parquet/format.h"
#include "lake/parquet/plain_encoding.h"
#include "lake/parquet/rle.h"

namespace cinelake::parquet {

namespace {

constexpr int64_t kMaxPageBytes = 512ll << 20;

Status Bad(std::string msg) {
  return Status::Corruption(std::move(msg));
}

// An encoding the format defines (or a later version may) that this reader
// does not decode: the file may be valid, so NotSupported, not Corruption.
Status UnsupportedEncoding(const std::string& what, int32_t encoding) {
  static constexpr const char* kNames[] = {
      "PLAIN",          "GROUP_VAR_INT",       "PLAIN_DICTIONARY",        "RLE",
      "BIT_PACKED",     "DELTA_BINARY_PACKED", "DELTA_LENGTH_BYTE_ARRAY", "DELTA_BYTE_ARRAY",
      "RLE_DICTIONARY", "BYTE_STREAM_SPLIT"};
  const bool known = encoding >= 0 && encoding < static_cast<int32_t>(std::size(kNames));
  return Status::NotSupported(what + " encoding " + std::to_string(encoding) + " (" +
                              (known ? kNames[encoding] : "unknown") + ")");
}

uint32_t LoadU32(const uint8_t* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}

// Decodes n levels (RLE hybrid, no length prefix) into out, checking each
// against max_level.
Status DecodeLevels(const uint8_t* data, size_t size, size_t n, int max_level, const char* what,
                    std::vector<uint8_t>* out) {
  out->resize(n);
  RleDecoder d;
  RETURN_IF_ERROR(RleDecoder::Create(data, size, BitWidth(max_level), &d));
  if (!d.Get(out->data(), n)) return Bad(std::string(what) + " levels: " + d.error());
  for (size_t i = 0; i < n; ++i) {
    if ((*out)[i] > max_level) return Bad(std::string(what) + " level above the column's maximum");
  }
  return Status::OK();
}

}  // namespace

ReadBudget::ReadBudget(size_t file_size)
    : values_((int64_t{1} << 22) + static_cast<int64_t>(file_size) * 1024),
      bytes_((int64_t{256} << 20) + static_cast<int64_t>(file_size) * 256) {}

bool ReadBudget::Take(std::atomic<int64_t>* pool, int64_t n) {
  int64_t cur = pool->load(std::memory_order_relaxed);
  do {
    if (n < 0 || n > cur) return false;
  } while (!pool->compare_exchange_weak(cur, cur - n, std::memory_order_relaxed));
  return true;
}

Status ColumnChunkReader::Inflate(const uint8_t* data, size_t size, size_t out_size, std::string* buf) {
  if (static_cast<int64_t>(out_size) > kMaxPageBytes)
    return Bad("page claims more than 512 MiB uncompressed");
  // Nothing to inflate (a data page v2 whose values are all null, a page of
  // no values): writers leave such a body at 0 bytes, which no codec but
  // UNCOMPRESSED would accept as a stream.
  if (size == 0 && out_size == 0) {
    buf->clear();
    return Status::OK();
  }
  if (codec_ == codec::kUncompressed && size != out_size) {
    return Bad("uncompressed page size does not match its header");
  }
  RETURN_IF_ERROR(CheckDecompressedSize(codec_, data, size, out_size));
  buf->resize(out_size);
  return Decompress(codec_, data, size, reinterpret_cast<uint8_t*>(buf->data()), out_size);
}

Status ColumnChunkReader::Read(const ColumnChunk& chunk, int64_t row_group_rows, Column* out) {
  if (!chunk.meta) return Bad("column chunk without metadata");
  if (!chunk.file_path.empty())
    return Status::NotSupported("column data in another file ('" + chunk.file_path + "')");
  const ColumnMetaData& m = *chunk.meta;
  if (m.type != desc_.physical) {
    return Bad("column chunk type " + std::to_string(m.type) + " differs from the schema's " +
               std::to_string(desc_.physical));
  }
  if (m.num_values < 0 || m.num_values > budget_->values_left()) {
    return Bad("column chunk claims " + std::to_string(m.num_values) +
               " values, more than the file can hold");
  }
  if (m.num_values == 0) {
    // Nothing to locate: writers of empty row groups leave the offsets at 0.
    if (row_group_rows != 0)
      return Bad("column chunk holds no values, its row group " + std::to_string(row_group_rows) + " rows");
    return Status::OK();
  }
  codec_ = m.codec;
  int64_t start = m.data_page_offset;
  if (m.dictionary_page_offset && *m.dictionary_page_offset >= 4 && *m.dictionary_page_offset < start) {
    start = *m.dictionary_page_offset;
  }
  if (start < 4 || static_cast<uint64_t>(start) >= data_end_) {
    return Bad("column chunk offset " + std::to_string(start) + " lies outside the data");
  }
  if (m.total_compressed_size <= 0 || m.total_compressed_size > static_cast<int64_t>(data_end_) - start) {
    return Bad("column chunk size " + std::to_string(m.total_compressed_size) + " runs past the data");
  }
  const auto* base = reinterpret_cast<const uint8_t*>(file_.data());
  size_t pos = static_cast<size_t>(start);
  const size_t end = pos + static_cast<size_t>(m.total_compressed_size);

  has_dict_ = false;
  dict_.Clear();
  dict_size_ = 0;
  rows_ = 0;
  row_state_ = RowState::kNone;
  item_count_ = 0;
  int64_t seen = 0;
  while (seen < m.num_values) {
    if (pos >= end) {
      return Bad("column chunk ends after " + std::to_string(seen) + " of " + std::to_string(m.num_values) +
                 " values");
    }
    PageHeader h;
    size_t hlen = 0;
    RETURN_IF_ERROR(ParsePageHeader(base + pos, end - pos, &h, &hlen).WithContext("page header"));
    pos += hlen;
    if (h.compressed_page_size < 0 || static_cast<size_t>(h.compressed_page_size) > end - pos) {
      return Bad("page size " + std::to_string(h.compressed_page_size) + " runs past the column chunk");
    }
    if (h.uncompressed_page_size < 0) return Bad("negative uncompressed page size");
    const uint8_t* body = base + pos;
    pos += static_cast<size_t>(h.compressed_page_size);
    if (h.type == page::kDictionary) {
      RETURN_IF_ERROR(ReadDictionaryPage(h, body));
    } else if (h.type == page::kData || h.type == page::kDataV2) {
      int32_t n = h.type == page::kData ? (h.data ? h.data->num_values : -1)
                                        : (h.data_v2 ? h.data_v2->num_values : -1);
      if (n < 0) return Bad("data page without a valid data page header");
      if (n > m.num_values - seen) return Bad("data pages hold more values than the column chunk claims");
      if (!budget_->TakeValues(n)) return Bad("data page holds more values than the file can justify");
      RETURN_IF_ERROR(ReadDataPage(h, body, out));
      seen += n;
    }
    // Index pages and unknown page types are skipped.
  }
  if (desc_.max_rep > 0) FinishListRow(out);
  if (rows_ != row_group_rows) {
    return Bad("column chunk holds " + std::to_string(rows_) + " rows, its row group " +
               std::to_string(row_group_rows));
  }
  return Status::OK();
}

Status ColumnChunkReader::ReadDictionaryPage(const PageHeader& h, const uint8_t* body) {
  if (!h.dictionary) return Bad("dictionary page without a dictionary page header");
  if (has_dict_) return Bad("second dictionary page in a column chunk");
  int32_t enc = h.dictionary->encoding;
  if (enc != enc::kPlain && enc != enc::kPlainDictionary) {
    return Bad("dictionary page encoding " + std::to_string(enc) + " is not PLAIN");
  }
  RETURN_IF_ERROR(Inflate(body, static_cast<size_t>(h.compressed_page_size),
                          static_cast<size_t>(h.uncompressed_page_size), &dict_buf_));
  int32_t n = h.dictionary->num_values;
  if (n < 0) return Bad("negative dictionary size");
  size_t consumed;
  dict_.Clear();
  RETURN_IF_ERROR(DecodePlain(desc_.physical, desc_.type_length,
                              reinterpret_cast<const uint8_t*>(dict_buf_.data()), dict_buf_.size(),
                              static_cast<size_t>(n), &dict_, &consumed)
                      .WithContext("dictionary page"));
  has_dict_ = true;
  dict_size_ = static_cast<size_t>(n);
  return Status::OK();
}

Status ColumnChunkReader::ReadDataPage(const PageHeader& h, const uint8_t* body, Column* out) {
  const bool v2 = h.type == page::kDataV2;
  const size_t n = static_cast<size_t>(v2 ? h.data_v2->num_values : h.data->num_values);
  const int32_t encoding = v2 ? h.data_v2->encoding : h.data->encoding;
  const uint8_t* values;
  size_t values_size;
  def_.clear();
  rep_.clear();
  if (!v2) {
    RETURN_IF_ERROR(Inflate(body, static_cast<size_t>(h.compressed_page_size),
                            static_cast<size_t>(h.uncompressed_page_size), &page_buf_));
    const auto* p = reinterpret_cast<const uint8_t*>(page_buf_.data());
    size_t left = page_buf_.size();
    auto levels = [&](int max_level, int32_t level_encoding, const char* what,
                      std::vector<uint8_t>* dst) -> Status {
      if (max_level == 0) return Status::OK();
      if (level_encoding != enc::kRle)
        return UnsupportedEncoding(std::string(what) + " level", level_encoding);
      if (left < 4) return Bad(std::string(what) + " levels truncated");
      uint32_t len = LoadU32(p);
      if (len > left - 4) return Bad(std::string(what) + " level length runs past the page");
      RETURN_IF_ERROR(DecodeLevels(p + 4, len, n, max_level, what, dst));
      p += 4 + len;
      left -= 4 + len;
      return Status::OK();
    };
    RETURN_IF_ERROR(levels(desc_.max_rep, h.data->repetition_level_encoding, "repetition", &rep_));
    RETURN_IF_ERROR(levels(desc_.max_def, h.data->definition_level_encoding, "definition", &def_));
    values = p;
    values_size = left;
  } else {
    const auto& d = *h.data_v2;
    int64_t rl = d.repetition_levels_byte_length, dl = d.definition_levels_byte_length;
    if (rl < 0 || dl < 0 || rl + dl > h.compressed_page_size || rl + dl > h.uncompressed_page_size) {
      return Bad("data page v2 level lengths exceed the page");
    }
    if (desc_.max_rep > 0) RETURN_IF_ERROR(DecodeLevels(body, rl, n, desc_.max_rep, "repetition", &rep_));
    if (desc_.max_def > 0)
      RETURN_IF_ERROR(DecodeLevels(body + rl, dl, n, desc_.max_def, "definition", &def_));
    const uint8_t* vbody = body + rl + dl;
    size_t csize = static_cast<size_t>(h.compressed_page_size - rl - dl);
    size_t usize = static_cast<size_t>(h.uncompressed_page_size - rl - dl);
    if (d.is_compressed && codec_ != codec::kUncompressed) {
      RETURN_IF_ERROR(Inflate(vbody, csize, usize, &page_buf_));
      values = reinterpret_cast<const uint8_t*>(page_buf_.data());
      values_size = page_buf_.size();
    } else {
      if (csize != usize) return Bad("uncompressed page size does not match its header");
      values = vbody;
      values_size = csize;
    }
  }
  size_t present = n;
  if (desc_.max_def > 0) {
    present = 0;
    const uint8_t* def = def_.data();
    const uint8_t max_def = static_cast<uint8_t>(desc_.max_def);
    for (size_t i = 0; i < n; ++i) present += def[i] == max_def;
  }
  values_.Clear();
  RETURN_IF_ERROR(DecodeValues(encoding, values, values_size, present));
  RETURN_IF_ERROR(Normalize());
  if (desc_.max_rep > 0) return EmitList(def_.data(), rep_.data(), n, out);
  return EmitFlat(desc_.max_def > 0 ? def_.data() : nullptr, n, out);
}

Status ColumnChunkReader::DecodeValues(int32_t encoding, const uint8_t* data, size_t size, size_t present) {
  if (present == 0) return Status::OK();
  const int32_t phys = desc_.physical;
  size_t consumed = 0;
  switch (encoding) {
    case enc::kPlain: return DecodePlain(phys, desc_.type_length, data, size, present, &values_, &consumed);
    case enc::kPlainDictionary:
    case enc::kRleDictionary: {
      if (!has_dict_) return Bad("dictionary-encoded page without a dictionary");
      if (size < 1) return Bad("dictionary indices missing");
      int bw = data[0];
      if (bw > 32) return Bad("dictionary index bit width " + std::to_string(bw) + " above 32");
      RleDecoder d;
      RETURN_IF_ERROR(RleDecoder::Create(data + 1, size - 1, bw, &d));
      indices_.resize(present);
      if (!d.Get(indices_.data(), present)) return Bad(std::string("dictionary indices: ") + d.error());
      const uint32_t limit = static_cast<uint32_t>(dict_size_);
      for (size_t i = 0; i < present; ++i) {
        if (indices_[i] >= limit) {
          return Bad("dictionary index " + std::to_string(indices_[i]) + " out of range (dictionary has " +
                     std::to_string(dict_size_) + " values)");
        }
      }
      auto gather = [&](const auto& src, auto* dst) {
        dst->resize(present);
        for (size_t i = 0; i < present; ++i) (*dst)[i] = src[indices_[i]];
      };
      switch (phys) {
        case ptype::kBoolean: gather(dict_.bools, &values_.bools); break;
        case ptype::kInt32: gather(dict_.i32, &values_.i32); break;
        case ptype::kInt64: gather(dict_.i64, &values_.i64); break;
        case ptype::kFloat: gather(dict_.f32, &values_.f32); break;
        case ptype::kDouble: gather(dict_.f64, &values_.f64); break;
        default: gather(dict_.bin, &values_.bin); break;
      }
      return Status::OK();
    }
    case enc::kRle: {
      if (phys != ptype::kBoolean) return Bad("RLE encoding on a non-boolean column");
      if (size < 4) return Bad("RLE booleans truncated");
      uint32_t len = LoadU32(data);
      if (len > size - 4) return Bad("RLE boolean length runs past the page");
      RleDecoder d;
      RETURN_IF_ERROR(RleDecoder::Create(data + 4, len, 1, &d));
      values_.bools.resize(present);
      if (!d.Get(values_.bools.data(), present)) return Bad(std::string("RLE booleans: ") + d.error());
      return Status::OK();
    }
    case enc::kDeltaBinaryPacked: {
      if (phys != ptype::kInt32 && phys != ptype::kInt64)
        return Bad("DELTA_BINARY_PACKED on a non-integer column");
      i64_.resize(present);
      RETURN_IF_ERROR(DecodeDeltaBinaryPacked(data, size, present, i64_.data(), &consumed));
      if (phys == ptype::kInt64) {
        values_.i64.assign(i64_.begin(), i64_.end());
      } else {
        values_.i32.resize(present);
        for (size_t i = 0; i < present; ++i)
          values_.i32[i] = static_cast<int32_t>(static_cast<uint64_t>(i64_[i]));
      }
      return Status::OK();
    }
    case enc::kDeltaLengthByteArray:
      if (phys != ptype::kByteArray) return Bad("DELTA_LENGTH_BYTE_ARRAY on a non-binary column");
      return DecodeDeltaLengthByteArray(data, size, present, &values_, &consumed);
    case enc::kDeltaByteArray: {
      if (phys != ptype::kByteArray && phys != ptype::kFixedLenByteArray) {
        return Bad("DELTA_BYTE_ARRAY on a non-binary column");
      }
      size_t max_bytes = budget_->bytes_left() > 0 ? static_cast<size_t>(budget_->bytes_left()) : 0;
      RETURN_IF_ERROR(DecodeDeltaByteArray(data, size, present, max_bytes, &values_, &consumed));
      if (!budget_->TakeBytes(static_cast<int64_t>(values_.arena.size()))) {
        return Bad("decoded strings exceed what the file can justify");
      }
      return Status::OK();
    }
    case enc::kByteStreamSplit:
      return DecodeByteStreamSplit(phys, desc_.type_length, data, size, present, &values_);
    default: return UnsupportedEncoding("value", encoding);
  }
}

// Converts values_ to the cinelake representation: i32 (INT, DATE), i64_
// (BIGINT, TIMESTAMP, DECIMAL), f64, bools or bin (STRING).
}  // namespace cinelake::parquet
