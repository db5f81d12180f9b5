#include "serve/catalog_load.h"

#include <malloc.h>

#include <algorithm>

#include "common/log.h"
#include "lake/schemas.h"
#include "serve/committed_bytes.h"

namespace cinelake::serve {

namespace {

const std::vector<std::string>& FactColumns() {
  static const std::vector<std::string> kColumns = {
      "tmdb_id", "rank", "popularity", "rank_change", "is_new_joiner", "prev_load_date", "content_id"};
  return kColumns;
}

struct DayFile {
  Date date;
  std::string path;
  const GoldFile* committed = nullptr;  // null: read the live file
};

std::vector<DayFile> CatalogFiles(const GoldCommit* commit, const std::vector<LiveGoldFile>& live) {
  std::vector<DayFile> files;
  auto wanted = [](const LiveGoldFile& f) {
    return f.def->name == tables::kFactCatalogPopularity && f.partition.has_value();
  };
  if (commit != nullptr) {
    for (const GoldFile& file : commit->files) {
      std::optional<LiveGoldFile> f = GoldFileOf(file.path);
      if (f && wanted(*f)) files.push_back(DayFile{*f->partition, file.path, &file});
    }
  } else {
    for (const LiveGoldFile& f : live)
      if (wanted(f)) files.push_back(DayFile{*f.partition, f.path, nullptr});
  }
  std::sort(files.begin(), files.end(), [](const DayFile& a, const DayFile& b) {
    return a.date < b.date || (a.date == b.date && a.path < b.path);
  });
  return files;
}

Result<Table> ReadDay(const Lake& lake, const GoldCommit* commit, const DayFile& f) {
  std::string bytes;
  if (f.committed != nullptr) {
    ASSIGN_OR_RETURN(bytes, CommittedBytes(lake.storage(), *commit, *f.committed));
  } else {
    RETURN_IF_ERROR(lake.storage().Read(f.path, &bytes));
  }
  return lake.Decode(TableByName(tables::kFactCatalogPopularity), f.path, bytes, FactColumns());
}

void NameTitles(const Lake& lake, Date latest, CatalogIndex::Builder& builder) {
  const TableDef& raw = TableByName(tables::kTmdbExport);
  auto dates = lake.Partitions(raw);
  if (!dates.ok()) {
    spdlog::warn("catalog titles: {}", Redact(dates.status().ToString()));
    return;
  }
  int read = 0;
  for (auto it = dates->rbegin(); it != dates->rend() && read < kNameDays && builder.unnamed() > 0; ++it) {
    if (latest < *it) continue;
    ++read;
    auto t = lake.Read(raw, *it, {"id", "content_type", "title"});
    if (!t.ok()) {
      spdlog::warn("catalog titles: {}", Redact(t.status().ToString()));
      continue;
    }
    const Column& ids = t->column("id");
    const Column& types = t->column("content_type");
    const Column& titles = t->column("title");
    for (size_t r = 0; r < t->num_rows(); ++r) {
      int64_t id = ids.Int64(r);
      if (ids.IsNull(r) || id <= 0 || id > UINT32_MAX || titles.IsNull(r)) continue;
      CatalogKey key{types.String(r) == "tvSeries", static_cast<uint32_t>(id)};
      builder.SetName(key, titles.String(r));
    }
  }
}

Result<std::shared_ptr<const CatalogIndex>> Build(const Lake& lake, const GoldCommit* commit,
                                                  const std::vector<LiveGoldFile>& live,
                                                  CatalogIndex::Builder& builder,
                                                  std::vector<UnreadableFile>* unreadable) {
  std::optional<Date> last;
  for (const DayFile& f : CatalogFiles(commit, live)) {
    if (last && !(*last < f.date)) {
      unreadable->push_back(UnreadableFile{f.path, "a second file for loadDate " + f.date.ToString()});
      continue;
    }
    Result<Table> day = ReadDay(lake, commit, f);
    Status st = day.ok() ? builder.AddDay(f.date, *day) : day.status();
    if (!st.ok()) {
      unreadable->push_back(UnreadableFile{f.path, Redact(st.ToString())});
      continue;
    }
    last = f.date;
    if (!builder.history_status().ok()) break;  // Finish() names it
  }
  if (commit != nullptr) {
    for (const UnreadableFile& u : commit->left_out) {
      std::optional<LiveGoldFile> f = GoldFileOf(u.path);
      if (f && f->def->name == tables::kFactCatalogPopularity)
        unreadable->push_back(UnreadableFile{
            u.path, u.error + " (left out of commit " + std::to_string(commit->sequence) + ")"});
    }
  }
  if (last) NameTitles(lake, *last, builder);
  if (builder.skipped_rows() > 0)
    spdlog::warn("catalog: {} rows without a movie/<n> or tv/<n> tmdb_id were skipped",
                 builder.skipped_rows());
  return builder.Finish();
}

}  // namespace

std::shared_ptr<const CatalogIndex> LoadCatalog(const Lake& lake, const GoldCommit* commit,
                                                const std::vector<LiveGoldFile>& live,
                                                std::vector<UnreadableFile>* unreadable) {
  Result<std::shared_ptr<const CatalogIndex>> index = Status::Internal("not built");
  {
    CatalogIndex::Builder builder;
    index = Build(lake, commit, live, builder, unreadable);
  }  // the builder's maps and names freed here
#ifdef __GLIBC__
  malloc_trim(0);  // and their many small blocks given back to the system
#endif
  if (!index.ok()) {
    unreadable->push_back(UnreadableFile{"catalog history files", Redact(index.status().ToString())});
    return CatalogIndex::Empty();
  }
  if (!(*index)->days().empty()) {
    spdlog::info("catalog: {} days, {} titles, index {} bytes in memory, history {} bytes on disk",
                 (*index)->days().size(), (*index)->title_count(), (*index)->MemoryBytes(),
                 (*index)->HistoryBytes());
  }
  return std::move(*index);
}

}  // namespace cinelake::serve
