#include "serve/gold.h"

#include <string_view>

#include "lake/schemas.h"

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
};

}  // namespace

GoldTables GoldTables::Empty() {
  GoldTables g;
  for (const Slot& s : kSlots) g.*(s.member) = Table(TableByName(s.name).schema);
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

Result<GoldTables> LoadGold(const Lake& lake) {
  GoldTables g;
  for (const Slot& s : kSlots) {
    ASSIGN_OR_RETURN(g.*(s.member), lake.ReadOrEmpty(TableByName(s.name)));
  }
  const TableDef& fact = TableByName(tables::kFactPopularity);
  ASSIGN_OR_RETURN(std::vector<Date> dates, lake.Partitions(fact));
  for (Date d : dates) {
    ASSIGN_OR_RETURN(Table t, lake.Read(fact, d));
    g.fact.emplace_back(d, std::move(t));
  }
  return g;
}

Status WriteGold(Lake& lake, const GoldTables& gold) {
  for (const Slot& s : kSlots) {
    RETURN_IF_ERROR(lake.Write(TableByName(s.name), gold.*(s.member)));
  }
  const TableDef& fact = TableByName(tables::kFactPopularity);
  for (const auto& [date, table] : gold.fact) RETURN_IF_ERROR(lake.Write(fact, table, date));
  return Status::OK();
}

}  // namespace cinelake::serve
