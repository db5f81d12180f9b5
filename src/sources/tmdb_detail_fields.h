// The TMDB detail fields that the pipeline copies through unchanged: declared
// once here, and every hop loops over this table instead of naming them.
//
//   TMDB answer --(tmdb_decode)--> TmdbMovie/TmdbTv::details --(record_json)-->
//   raw details_json --(enrich_rows)--> stg content_detail.<column> --(model,
//   by name)--> gold dim_content.<column> --(serve, every column it does not
//   use itself)--> the detail page's "details" object.
//
// Adding such a field is one entry in TmdbDetailFields() plus the column in
// content_detail's and dim_content's schemas (lake/schemas.cc). A field the
// pipeline has logic for (ids, titles, dates, popularity, images, lists, a
// value with an IMDB fallback such as overview or budget) stays a typed
// member of the record instead.
//
// Thread-safety: the table is immutable; DetailScalars is a plain value.
// Errors: none here; the decoders warn about a mistyped field as for any other.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>

namespace cinelake {

enum class DetailKind { kText, kInt64, kDouble, kBool };

struct TmdbDetailField {
  const char* key;     // the JSON key in TMDB's answer, and in raw details_json
  DetailKind kind;     // content_detail's and dim_content's column has the matching type
  bool on_movie;       // sent on /movie/{id}
  bool on_tv;          // sent on /tv/{id}
  const char* column;  // the stg content_detail and gold dim_content column
};

// Every pass-through field, in the order they are declared.
std::span<const TmdbDetailField> TmdbDetailFields();

using DetailValue = std::variant<std::string, int64_t, double, bool>;

// The pass-through fields of one TMDB record, by TmdbDetailField::key. A field
// the answer omitted or sent as null is absent.
struct DetailScalars {
  std::map<std::string, DetailValue, std::less<>> values;

  const DetailValue* Find(std::string_view key) const {
    auto it = values.find(key);
    return it == values.end() ? nullptr : &it->second;
  }
  // The text field `key`, or nullopt when absent (or not text).
  std::optional<std::string> Text(std::string_view key) const {
    const DetailValue* v = Find(key);
    const std::string* s = v ? std::get_if<std::string>(v) : nullptr;
    return s ? std::optional<std::string>(*s) : std::nullopt;
  }
  bool operator==(const DetailScalars&) const = default;
};

}  // namespace cinelake
