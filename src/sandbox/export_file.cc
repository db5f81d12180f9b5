#include "sandbox/export_file.h"

#include <libdeflate.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <memory>
#include <vector>

#include "common/json_text.h"
#include "sandbox/rng.h"
#include "sandbox/vocabulary.h"

namespace cinelake::sandbox {
namespace {

// Shortest round-trip digits (to_chars), as TMDB writes popularity: not
// AppendJsonDouble, whose %.17g would turn 2.87 into 2.8700000000000001.
void AppendShortestDouble(std::string* out, double v) {
  char buf[32];
  auto res = std::to_chars(buf, buf + sizeof buf, v);
  out->append(buf, res.ptr);
}

void AppendLine(std::string* out, Kind kind, int64_t id, std::string_view name, double popularity) {
  if (kind == Kind::kMovie) {
    out->append("{\"adult\":false,\"id\":");
    AppendJsonInt64(out, id);
    out->append(",\"original_title\":");
    AppendJsonString(out, name);
    out->append(",\"popularity\":");
    AppendShortestDouble(out, popularity);
    out->append(",\"video\":false}\n");
  } else {
    out->append("{\"id\":");
    AppendJsonInt64(out, id);
    out->append(",\"original_name\":");
    AppendJsonString(out, name);
    out->append(",\"popularity\":");
    AppendShortestDouble(out, popularity);
    out->append("}\n");
  }
}

// Obscure catalogue entries: cheap to make, never near the top.
void AppendSynthetic(std::string* out, uint64_t seed, Kind kind, int64_t id, int32_t day) {
  uint64_t h = Hash(seed, static_cast<uint64_t>(kind) + 17, static_cast<uint64_t>(id));
  auto adj = vocab::Adjectives();
  auto noun = vocab::Nouns();
  std::string name;
  name.reserve(32);
  if (h & 1) name.append("The ");
  name.append(adj[(h >> 8) % adj.size()]);
  name.push_back(' ');
  name.append(noun[(h >> 20) % noun.size()]);
  if ((h >> 40) % 5 == 0) {
    name.push_back(' ');
    name.append(std::to_string(2 + (h >> 44) % 3));
  }
  // Stable per id, a little daily wobble.
  double base = std::exp(-1.2 + 1.1 * NormalFrom(h));
  double wobble = 1.0 + 0.05 * (Unit(Hash(h, static_cast<uint64_t>(static_cast<int64_t>(day)))) - 0.5);
  double p = std::round(std::min(60.0, 0.6 + base * wobble) * 1000.0) / 1000.0;
  AppendLine(out, kind, id, name, p);
}

}  // namespace

std::string ExportLines(const World& world, Kind kind, Date date, int64_t catalog_size) {
  std::string out;
  if (catalog_size <= 0) return out;
  std::vector<const Title*> listed = world.AnnouncedTitles(kind, date);
  // Every world id of the kind, announced or not, is reserved: a synthetic
  // line must never carry an id that later becomes a world title.
  std::vector<int64_t> reserved;
  for (const Title& t : world.titles()) {
    if (t.kind == kind) reserved.push_back(t.tmdb_id);
  }
  std::sort(reserved.begin(), reserved.end());
  int64_t world_lines = std::min<int64_t>(catalog_size, static_cast<int64_t>(listed.size()));
  int64_t synthetic_left = catalog_size - world_lines;
  out.reserve(static_cast<size_t>(catalog_size) * (kind == Kind::kMovie ? 82 : 60));

  size_t wi = 0, ri = 0;
  uint64_t gap_seed = Hash(world.seed(), 0xe7, static_cast<uint64_t>(kind));
  for (int64_t id = 1; wi < static_cast<size_t>(world_lines) || synthetic_left > 0; ++id) {
    while (ri < reserved.size() && reserved[ri] < id) ++ri;
    bool is_reserved = ri < reserved.size() && reserved[ri] == id;
    if (wi < static_cast<size_t>(world_lines) && listed[wi]->tmdb_id == id) {
      const Title& t = *listed[wi++];
      AppendLine(&out, kind, id, t.original_title, world.Popularity(t, date));
    } else if (!is_reserved && synthetic_left > 0 && Hash(gap_seed, static_cast<uint64_t>(id)) % 10 != 0) {
      AppendSynthetic(&out, world.seed(), kind, id, date.days);
      --synthetic_left;
    }
  }
  return out;
}

Result<std::string> ExportGzip(const World& world, Kind kind, Date date, int64_t catalog_size) {
  std::string text = ExportLines(world, kind, date, catalog_size);
  std::unique_ptr<libdeflate_compressor, decltype(&libdeflate_free_compressor)> c(
      libdeflate_alloc_compressor(1), &libdeflate_free_compressor);
  if (!c) return Status::Internal("export: cannot allocate a gzip compressor");
  std::string out(libdeflate_gzip_compress_bound(c.get(), text.size()), '\0');
  size_t n = libdeflate_gzip_compress(c.get(), text.data(), text.size(), out.data(), out.size());
  if (n == 0) return Status::Internal("export: gzip compression failed");
  out.resize(n);
  return out;
}

std::optional<ExportName> ParseExportName(std::string_view name) {
  Kind kind;
  if (name.rfind("movie_ids_", 0) == 0) {
    kind = Kind::kMovie;
    name.remove_prefix(10);
  } else if (name.rfind("tv_series_ids_", 0) == 0) {
    kind = Kind::kSeries;
    name.remove_prefix(14);
  } else {
    return std::nullopt;
  }
  // MM_DD_YYYY.json.gz
  if (name.size() != 18 || name.substr(10) != ".json.gz" || name[2] != '_' || name[5] != '_') {
    return std::nullopt;
  }
  std::string iso = std::string(name.substr(6, 4)) + "-" + std::string(name.substr(0, 2)) + "-" +
                    std::string(name.substr(3, 2));
  auto date = Date::Parse(iso);
  if (!date.ok()) return std::nullopt;
  return ExportName{kind, *date};
}

std::string ExportFileName(Kind kind, Date date) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s_%02u_%02u_%04d.json.gz",
                kind == Kind::kMovie ? "movie_ids" : "tv_series_ids", date.month(), date.day(), date.year());
  return buf;
}

}  // namespace cinelake::sandbox
