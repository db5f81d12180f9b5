#include "serve/prepared_gold.h"

#include "serve/view_day.h"

namespace cinelake::serve {

std::shared_ptr<const PreparedGold> PreparedGold::Prepare(const GoldTables& gold) {
  auto p = std::shared_ptr<PreparedGold>(new PreparedGold());
  p->snapshot_ = GoldSnapshot::Build(gold);
  p->catalog_ = gold.catalog ? gold.catalog : CatalogIndex::Empty();
  const GoldSnapshot& s = *p->snapshot_;
  p->landing_.reserve(s.days.size());
  for (size_t i = 0; i < s.days.size(); ++i)
    p->landing_.push_back(BodyText(LandingJson(s, static_cast<int>(i))));
  p->table_rows_ = GoldTableRows(gold);
  return p;
}

}  // namespace cinelake::serve
