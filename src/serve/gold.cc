#include "serve/gold.h"

#include <algorithm>
#include <string_view>

#include "common/log.h"
#include "lake/schemas.h"
#include "serve/catalog_load.h"
#include "serve/committed_bytes.h"

namespace cinelake::serve {

namespace {

struct Slot {
  std::string_view name;
  Table GoldTables::*member;
};

constexpr Slot kSlots[] = {
    {tables::kDimContent, &GoldTables::dim_content},
    {tables::kDimSeason, &GoldTables::dim_season},
    {tables::kDimEpisode, &GoldTables::dim_episode},
    {tables::kDimPerson, &GoldTables::dim_person},
    {tables::kDimGenre, &GoldTables::dim_genre},
    {tables::kDimInterest, &GoldTables::dim_interest},
    {tables::kDimNetwork, &GoldTables::dim_network},
    {tables::kDimProductionCompany, &GoldTables::dim_production_company},
    {tables::kBridgeContentGenre, &GoldTables::bridge_content_genre},
    {tables::kBridgeContentPerson, &GoldTables::bridge_content_person},
    {tables::kBridgeContentCompany, &GoldTables::bridge_content_company},
    {tables::kBridgeContentInterest, &GoldTables::bridge_content_interest},
    {tables::kBridgeContentNetwork, &GoldTables::bridge_content_network},
    {tables::kDimWatchProvider, &GoldTables::dim_watch_provider},
    {tables::kBridgeContentWatchProvider, &GoldTables::bridge_content_watch_provider},
};

}  // namespace

GoldTables GoldTables::Empty() {
  GoldTables g;
  for (const Slot& s : kSlots) g.*(s.member) = Table(TableByName(s.name).schema);
  g.catalog = CatalogIndex::Empty();
  return g;
}

std::vector<std::pair<std::string, int64_t>> GoldTableRows(const GoldTables& gold) {
  std::vector<std::pair<std::string, int64_t>> rows;
  for (const Slot& s : kSlots) rows.emplace_back(s.name, static_cast<int64_t>((gold.*(s.member)).num_rows()));
  int64_t fact = 0;
  for (const auto& [date, table] : gold.fact) fact += static_cast<int64_t>(table.num_rows());
  rows.emplace_back(tables::kFactPopularity, fact);
  return rows;
}

namespace {

// Whether the dashboard reads this table: the fact and the dims and bridges
// it has a slot for. The whole catalog's fact is not decoded here: LoadCatalog
// (catalog_load.h) reads its few columns into a compact index.
bool Served(const LiveGoldFile& f) {
  if (f.def->name == tables::kFactPopularity) return true;
  return std::any_of(std::begin(kSlots), std::end(kSlots),
                     [&](const Slot& s) { return s.name == f.def->name; });
}

// Puts one decoded file where it belongs in `g`.
Status Place(GoldTables& g, const LiveGoldFile& f, Table table) {
  if (f.partition) {
    g.fact.emplace_back(*f.partition, std::move(table));
    return Status::OK();
  }
  for (const Slot& s : kSlots) {
    if (s.name != f.def->name) continue;
    Table& slot = g.*(s.member);
    if (slot.num_rows() == 0) {
      slot = std::move(table);
      return Status::OK();
    }
    return slot.Append(table);
  }
  return Status::OK();  // a declared gold table the dashboard does not use
}

void NoteUnreadable(GoldTables& g, const LiveGoldFile& f, std::string error) {
  g.notes.unreadable.push_back(UnreadableFile{f.path, std::move(error)});
  if (f.partition) g.notes.unreadable_days.push_back(*f.partition);
}

void Decode(const Lake& lake, GoldTables& g, const LiveGoldFile& f, std::string_view bytes) {
  auto table = lake.Decode(*f.def, f.path, bytes);
  Status placed = table.ok() ? Place(g, f, std::move(table).value()) : table.status();
  if (!placed.ok()) NoteUnreadable(g, f, Redact(placed.ToString()));
}

Status LoadLive(const Lake& lake, const std::vector<LiveGoldFile>& live, GoldTables& g) {
  for (const LiveGoldFile& f : live) {
    if (!Served(f)) continue;
    std::string bytes;
    Status st = lake.storage().Read(f.path, &bytes);
    if (!st.ok()) {
      NoteUnreadable(g, f, Redact(st.ToString()));
      continue;
    }
    Decode(lake, g, f, bytes);
  }
  return Status::OK();
}

void LoadCommitted(const Lake& lake, const GoldCommit& commit, const std::vector<LiveGoldFile>& live,
                   GoldTables& g) {
  const Storage& storage = lake.storage();
  g.notes.committed = true;
  g.notes.sequence = commit.sequence;
  g.notes.run_id = commit.run_id;
  for (const GoldFile& file : commit.files) {
    std::optional<LiveGoldFile> f = GoldFileOf(file.path);
    if (!f || !Served(*f)) continue;  // not a table the dashboard reads
    auto bytes = CommittedBytes(storage, commit, file);
    if (!bytes.ok()) {
      NoteUnreadable(g, *f, bytes.status().ToString());
      continue;
    }
    Decode(lake, g, *f, *bytes);
  }
  for (const UnreadableFile& u : commit.left_out) {
    std::optional<LiveGoldFile> f = GoldFileOf(u.path);
    if (f && Served(*f))
      NoteUnreadable(g, *f, u.error + " (left out of commit " + std::to_string(commit.sequence) + ")");
  }
  // Whether the live folders still hold exactly what was committed.
  for (const LiveGoldFile& f : live) {
    if (!Served(f)) continue;
    const GoldFile* want = commit.Find(f.path);
    std::string bytes;
    if (want == nullptr || !storage.Read(f.path, &bytes).ok() || !MatchesCommitted(*want, f.path, bytes)) {
      // A file already named as unreadable is not also called mid-change.
      bool known_bad = std::any_of(g.notes.unreadable.begin(), g.notes.unreadable.end(),
                                   [&](const UnreadableFile& u) { return u.path == f.path; });
      if (!known_bad) g.notes.live_changed.push_back(f.path);
    }
  }
  for (const GoldFile& file : commit.files) {
    bool present =
        std::any_of(live.begin(), live.end(), [&](const LiveGoldFile& f) { return f.path == file.path; });
    if (!present) g.notes.live_changed.push_back(file.path);
  }
}

}  // namespace

Result<GoldTables> LoadGold(const Lake& lake) {
  GoldTables g = GoldTables::Empty();
  ASSIGN_OR_RETURN(std::vector<LiveGoldFile> live, ListLiveGoldFiles(lake.storage()));
  auto commit = ReadGoldCommit(lake.storage());
  if (commit.ok()) {
    LoadCommitted(lake, *commit, live, g);
    g.catalog = LoadCatalog(lake, &*commit, live, &g.notes.unreadable);
    // A run that committed meanwhile may have pruned snapshots read above.
    auto again = ReadGoldCommit(lake.storage());
    if (!again.ok() || again->sequence != commit->sequence) {
      return Status::Busy("gold was committed again while it was being read");
    }
  } else {
    if (!commit.status().IsNotFound()) {
      g.notes.unreadable.push_back(UnreadableFile{kGoldCommitMarker, Redact(commit.status().ToString())});
    }
    RETURN_IF_ERROR(LoadLive(lake, live, g));
    g.catalog = LoadCatalog(lake, nullptr, live, &g.notes.unreadable);
  }
  std::sort(g.fact.begin(), g.fact.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::sort(g.notes.unreadable_days.begin(), g.notes.unreadable_days.end());
  return g;
}

Status WriteGold(Lake& lake, const GoldTables& gold) {
  for (const Slot& s : kSlots) {
    RETURN_IF_ERROR(lake.Write(TableByName(s.name), gold.*(s.member)));
  }
  const TableDef& fact = TableByName(tables::kFactPopularity);
  for (const auto& [date, table] : gold.fact) RETURN_IF_ERROR(lake.Write(fact, table, date));
  Date last = gold.fact.empty() ? Date::Today() : gold.fact.back().first;
  return CommitLiveGold(lake.storage(), "fixture", last);
}

}  // namespace cinelake::serve
