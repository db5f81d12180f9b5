#include "lake/parquet/column_writer.h"

#include <cstring>
#include <type_traits>
#include <vector>

#include "lake/parquet/compression.h"
#include "lake/parquet/dictionary.h"
#include "lake/parquet/format.h"
#include "lake/parquet/plain_encoding.h"
#include "lake/parquet/rle.h"
#include "lake/parquet/statistics.h"

namespace cinelake::parquet {

namespace {

// Readers allocate per page by value count; keep pages moderate even when
// values are nearly free (single-entry dictionaries, all-null runs).
constexpr size_t kMaxPageValues = 1 << 20;

void PutU32(uint32_t v, char* p) {
  p[0] = static_cast<char>(v);
  p[1] = static_cast<char>(v >> 8);
  p[2] = static_cast<char>(v >> 16);
  p[3] = static_cast<char>(v >> 24);
}

// Bounds of a chunk's values: over its dictionary when it has one (every
// value is in it, fewer to scan), else over values[vbegin, vend) that are valid.
template <typename T>
MinMax<T> ChunkMinMax(bool dictionary, const std::vector<T>& dict, const T* values, const uint8_t* valid,
                      size_t vbegin, size_t vend) {
  if constexpr (std::is_same_v<T, double>) {
    return dictionary ? ComputeMinMaxDouble(dict.data(), nullptr, 0, dict.size())
                      : ComputeMinMaxDouble(values, valid, vbegin, vend);
  } else {
    return dictionary ? ComputeMinMax(dict.data(), nullptr, 0, dict.size())
                      : ComputeMinMax(values, valid, vbegin, vend);
  }
}

// Appends 4-byte length + RLE hybrid levels (data page v1 layout).
void AppendLevels(const uint8_t* levels, size_t n, int max_level, std::string* out) {
  size_t at = out->size();
  out->append(4, '\0');
  EncodeRleHybrid(levels, n, BitWidth(max_level), out);
  PutU32(static_cast<uint32_t>(out->size() - at - 4), out->data() + at);
}

bool IsFixedWidth(DataType t) {
  return t != DataType::kString && t != DataType::kStringList;
}

}  // namespace

struct ColumnWriter::ChunkState {
  int64_t uncompressed = 0;
  int64_t compressed = 0;
  int64_t first_data_page = -1;
  int64_t dictionary_page = -1;
};

bool ColumnWriter::TryDictionary(const Column& c, const LeafLayout& leaf, size_t vbegin, size_t vend) {
  const size_t max = options_.dictionary_max_bytes;
  const uint8_t* valid = c.type() == DataType::kStringList ? nullptr : c.validity().data();
  switch (c.type()) {
    case DataType::kBool: return false;
    case DataType::kInt32:
    case DataType::kDate:
      return BuildFixedDictionary(c.int32_data().data(), valid, vbegin, vend, max, &dict_i32_, &indices_);
    case DataType::kInt64:
    case DataType::kTimestamp:
    case DataType::kDecimal: {
      // FLBA decimals cost type_length bytes per dictionary entry, not 8.
      size_t budget = leaf.physical == ptype::kFixedLenByteArray ? max / leaf.type_length * 8 : max;
      return BuildFixedDictionary(c.int64_data().data(), valid, vbegin, vend, budget, &dict_i64_, &indices_);
    }
    case DataType::kDouble:
      return BuildFixedDictionary(c.double_data().data(), valid, vbegin, vend, max, &dict_f64_, &indices_);
    case DataType::kString:
    case DataType::kStringList:
      return BuildStringDictionary(c.string_offsets().data(), c.string_bytes().data(), valid, vbegin, vend,
                                   max, &dict_str_, &indices_);
  }
  return false;
}

void ColumnWriter::EncodeDictionaryPage(const Column& c, const LeafLayout& leaf) {
  page_.clear();
  switch (c.type()) {
    case DataType::kInt32:
    case DataType::kDate:
      page_.append(reinterpret_cast<const char*>(dict_i32_.data()), dict_i32_.size() * 4);
      break;
    case DataType::kInt64:
    case DataType::kTimestamp:
    case DataType::kDecimal:
      if (leaf.physical == ptype::kFixedLenByteArray) {
        for (int64_t v : dict_i64_) page_ += BigEndianBytes(v, leaf.type_length);
      } else {
        page_.append(reinterpret_cast<const char*>(dict_i64_.data()), dict_i64_.size() * 8);
      }
      break;
    case DataType::kDouble:
      page_.append(reinterpret_cast<const char*>(dict_f64_.data()), dict_f64_.size() * 8);
      break;
    case DataType::kString:
    case DataType::kStringList:
      for (auto v : dict_str_) EncodePlainBinary(v, &page_);
      break;
    case DataType::kBool: break;
  }
}

void ColumnWriter::ComputeStatistics(const Column& c, const LeafLayout& leaf, size_t vbegin, size_t vend,
                                     int64_t null_count, Statistics* stats) {
  stats->null_count = null_count;
  const uint8_t* valid = c.type() == DataType::kStringList ? nullptr : c.validity().data();
  auto set = [&](std::string min, std::string max) {
    stats->min_value = std::move(min);
    stats->max_value = std::move(max);
  };
  switch (c.type()) {
    case DataType::kBool: {
      auto m = ComputeMinMax(c.bool_data().data(), valid, vbegin, vend);
      if (m.has_value)
        set(std::string(1, static_cast<char>(m.min != 0)), std::string(1, static_cast<char>(m.max != 0)));
      break;
    }
    case DataType::kInt32:
    case DataType::kDate: {
      auto m = ChunkMinMax(dict_, dict_i32_, c.int32_data().data(), valid, vbegin, vend);
      if (m.has_value) set(PlainBytes(m.min), PlainBytes(m.max));
      break;
    }
    case DataType::kInt64:
    case DataType::kTimestamp:
    case DataType::kDecimal: {
      auto m = ChunkMinMax(dict_, dict_i64_, c.int64_data().data(), valid, vbegin, vend);
      if (!m.has_value) break;
      if (leaf.physical == ptype::kFixedLenByteArray) {
        set(BigEndianBytes(m.min, leaf.type_length), BigEndianBytes(m.max, leaf.type_length));
      } else {
        set(PlainBytes(m.min), PlainBytes(m.max));
      }
      break;
    }
    case DataType::kDouble: {
      auto m = ChunkMinMax(dict_, dict_f64_, c.double_data().data(), valid, vbegin, vend);
      if (m.has_value) set(PlainBytesDouble(m.min), PlainBytesDouble(m.max));
      break;
    }
    case DataType::kString:
    case DataType::kStringList: {
      auto m = dict_ ? ComputeMinMaxViews(dict_str_.data(), dict_str_.size())
                     : ComputeMinMaxString(c.string_offsets().data(), c.string_bytes().data(), valid, vbegin,
                                           vend);
      if (m.has_value) set(std::string(m.min), std::string(m.max));
      break;
    }
  }
}

// The end of the page starting at `row`: whole rows, about page_bytes of
// encoded values. index_bits > 0 means values are dictionary indices.
size_t ColumnWriter::PageEnd(const Column& c, size_t row, size_t end, int index_bits) const {
  const uint64_t budget_bits = static_cast<uint64_t>(options_.page_bytes ? options_.page_bytes : 1) * 8;
  const bool list = c.type() == DataType::kStringList;
  if (!list && (index_bits > 0 || IsFixedWidth(c.type()))) {
    uint64_t bits_per_row = index_bits > 0 ? index_bits : 8;
    switch (c.type()) {
      case DataType::kBool: bits_per_row = index_bits > 0 ? index_bits : 1; break;
      case DataType::kInt32:
      case DataType::kDate:
        if (!index_bits) bits_per_row = 32;
        break;
      default:
        if (!index_bits) bits_per_row = 64;
        break;
    }
    uint64_t rows = budget_bits / bits_per_row;
    if (rows < 1) rows = 1;
    if (rows > kMaxPageValues) rows = kMaxPageValues;
    return end - row < rows ? end : row + rows;
  }
  const uint64_t* off = c.string_offsets().data();
  const uint64_t* lo = list ? c.list_offsets().data() : nullptr;
  uint64_t bits = 0;
  size_t entries = 0;
  size_t r = row;
  while (r < end) {
    uint64_t cost;
    size_t n;
    if (list) {
      uint64_t a = lo[r], b = lo[r + 1];
      n = b > a ? b - a : 1;
      cost = index_bits > 0 ? (b - a) * index_bits : (off[b] - off[a] + 4 * (b - a)) * 8;
      cost += 2;
    } else {
      n = 1;
      cost = (off[r + 1] - off[r] + 4) * 8;
    }
    if (r > row && (bits + cost > budget_bits || entries + n > kMaxPageValues)) break;
    bits += cost;
    entries += n;
    ++r;
  }
  return r;
}

void ColumnWriter::EncodePlainValues(const Column& c, const LeafLayout& leaf, size_t vbegin, size_t vend) {
  const uint8_t* valid = c.validity().data();
  auto fixed = [&](const auto* data) {
    using T = std::remove_cv_t<std::remove_pointer_t<decltype(data)>>;
    size_t at = page_.size();
    page_.resize(at + (vend - vbegin) * sizeof(T));
    char* dst = page_.data() + at;
    size_t n = 0;
    for (size_t i = vbegin; i < vend; ++i) {
      if (!valid[i]) continue;
      std::memcpy(dst + n * sizeof(T), &data[i], sizeof(T));
      ++n;
    }
    page_.resize(at + n * sizeof(T));
  };
  switch (c.type()) {
    case DataType::kBool: {
      // Booleans are bit-packed; gather the valid ones first.
      def_.clear();  // reused as scratch: levels were already encoded
      for (size_t i = vbegin; i < vend; ++i) {
        if (valid[i]) def_.push_back(c.bool_data()[i]);
      }
      EncodePlainBools(def_.data(), def_.size(), &page_);
      break;
    }
    case DataType::kInt32:
    case DataType::kDate: fixed(c.int32_data().data()); break;
    case DataType::kInt64:
    case DataType::kTimestamp:
    case DataType::kDecimal:
      if (leaf.physical == ptype::kFixedLenByteArray) {
        for (size_t i = vbegin; i < vend; ++i) {
          if (valid[i]) page_ += BigEndianBytes(c.int64_data()[i], leaf.type_length);
        }
      } else {
        fixed(c.int64_data().data());
      }
      break;
    case DataType::kDouble: fixed(c.double_data().data()); break;
    case DataType::kString:
    case DataType::kStringList: {
      const uint64_t* off = c.string_offsets().data();
      const char* bytes = c.string_bytes().data();
      const bool list = c.type() == DataType::kStringList;
      for (size_t i = vbegin; i < vend; ++i) {
        if (!list && !valid[i]) continue;
        EncodePlainBinary(std::string_view(bytes + off[i], off[i + 1] - off[i]), &page_);
      }
      break;
    }
  }
}

Status ColumnWriter::FlushPage(int32_t page_type, int32_t encoding, int32_t num_values, std::string* file,
                               ChunkState* st) {
  const std::string* body = &page_;
  if (options_.codec != Codec::kUncompressed) {
    compressed_.clear();
    RETURN_IF_ERROR(Compress(options_.codec, options_.zstd_level, page_.data(), page_.size(), &compressed_));
    body = &compressed_;
  }
  if (page_.size() > INT32_MAX || body->size() > INT32_MAX) {
    return Status::InvalidArgument("a Parquet page exceeds 2 GiB; lower page_bytes");
  }
  PageHeader h;
  h.type = page_type;
  h.uncompressed_page_size = static_cast<int32_t>(page_.size());
  h.compressed_page_size = static_cast<int32_t>(body->size());
  if (page_type == page::kDictionary) {
    h.dictionary = DictionaryPageHeader{num_values, encoding};
  } else {
    h.data = DataPageHeader{num_values, encoding, enc::kRle, enc::kRle};
  }
  header_.clear();
  SerializePageHeader(h, &header_);
  int64_t offset = static_cast<int64_t>(file->size());
  if (page_type == page::kDictionary) {
    st->dictionary_page = offset;
  } else if (st->first_data_page < 0) {
    st->first_data_page = offset;
  }
  file->append(header_);
  file->append(*body);
  st->uncompressed += static_cast<int64_t>(header_.size() + page_.size());
  st->compressed += static_cast<int64_t>(header_.size() + body->size());
  return Status::OK();
}

Status ColumnWriter::WriteChunk(const Column& c, const LeafLayout& leaf, size_t begin, size_t end,
                                std::string* file, ColumnChunk* chunk) {
  const bool list = c.type() == DataType::kStringList;
  const uint8_t* valid = c.validity().data();
  // Value slots covered: rows for flat columns, list items for lists.
  const size_t vbegin = list ? c.list_offsets()[begin] : begin;
  const size_t vend = list ? c.list_offsets()[end] : end;

  dict_i32_.clear();
  dict_i64_.clear();
  dict_f64_.clear();
  dict_str_.clear();
  indices_.clear();
  dict_ = options_.dictionary && TryDictionary(c, leaf, vbegin, vend);
  ChunkState st;
  size_t num_dict = 0;
  if (dict_) {
    num_dict = dict_i32_.size() + dict_i64_.size() + dict_f64_.size() + dict_str_.size();
    // An empty dictionary (all null) buys nothing; PLAIN pages are simpler.
    if (num_dict == 0) dict_ = false;
  }
  int index_bits = 0;
  if (dict_) {
    index_bits = BitWidth(num_dict > 1 ? num_dict - 1 : 1);
    EncodeDictionaryPage(c, leaf);
    RETURN_IF_ERROR(FlushPage(page::kDictionary, enc::kPlain, static_cast<int32_t>(num_dict), file, &st));
  }

  int64_t num_values = 0;  // level entries
  int64_t non_null = 0;    // values present
  size_t index_pos = 0;    // into indices_
  for (size_t row = begin; row < end;) {
    size_t page_end = PageEnd(c, row, end, index_bits);
    page_.clear();
    size_t entries;
    size_t pv_begin, pv_end;  // value slots of this page
    if (list) {
      const uint64_t* lo = c.list_offsets().data();
      rep_.clear();
      def_.clear();
      const uint8_t list_def = leaf.max_def - 2;  // 1 when nullable, else 0
      for (size_t r = row; r < page_end; ++r) {
        size_t n = lo[r + 1] - lo[r];
        if (!valid[r]) {
          rep_.push_back(0);
          def_.push_back(0);
        } else if (n == 0) {
          rep_.push_back(0);
          def_.push_back(list_def);
        } else {
          rep_.push_back(0);
          def_.push_back(static_cast<uint8_t>(leaf.max_def));
          rep_.insert(rep_.end(), n - 1, 1);
          def_.insert(def_.end(), n - 1, static_cast<uint8_t>(leaf.max_def));
        }
      }
      entries = def_.size();
      AppendLevels(rep_.data(), rep_.size(), leaf.max_rep, &page_);
      AppendLevels(def_.data(), def_.size(), leaf.max_def, &page_);
      pv_begin = lo[row];
      pv_end = lo[page_end];
    } else {
      entries = page_end - row;
      if (leaf.max_def > 0) AppendLevels(valid + row, entries, 1, &page_);
      pv_begin = row;
      pv_end = page_end;
    }
    size_t present;
    if (list) {
      present = pv_end - pv_begin;
    } else {
      present = 0;
      for (size_t i = pv_begin; i < pv_end; ++i) present += valid[i];
    }
    int32_t encoding;
    if (dict_) {
      page_.push_back(static_cast<char>(index_bits));
      EncodeRleHybrid(indices_.data() + index_pos, present, index_bits, &page_);
      index_pos += present;
      encoding = enc::kRleDictionary;
    } else {
      EncodePlainValues(c, leaf, pv_begin, pv_end);
      encoding = enc::kPlain;
    }
    RETURN_IF_ERROR(FlushPage(page::kData, encoding, static_cast<int32_t>(entries), file, &st));
    num_values += static_cast<int64_t>(entries);
    non_null += static_cast<int64_t>(present);
    row = page_end;
  }

  ColumnMetaData m;
  m.type = leaf.physical;
  if (dict_) {
    m.encodings = {enc::kPlain, enc::kRle, enc::kRleDictionary};
  } else {
    m.encodings = {enc::kPlain, enc::kRle};
  }
  m.path = leaf.path;
  m.codec = CodecId(options_.codec);
  m.num_values = num_values;
  m.total_uncompressed_size = st.uncompressed;
  m.total_compressed_size = st.compressed;
  m.data_page_offset = st.first_data_page;
  if (st.dictionary_page >= 0) m.dictionary_page_offset = st.dictionary_page;
  Statistics stats;
  ComputeStatistics(c, leaf, vbegin, vend, num_values - non_null, &stats);
  m.statistics = std::move(stats);
  chunk->file_path.clear();
  chunk->file_offset = st.dictionary_page >= 0 ? st.dictionary_page : st.first_data_page;
  chunk->meta = std::move(m);
  return Status::OK();
}

}  // namespace cinelake::parquet
