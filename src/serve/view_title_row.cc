#include "serve/view_title_row.h"

#include "serve/display_text.h"
#include "serve/rules_title_facts.h"

namespace cinelake::serve {

namespace {

json Names(const GoldSnapshot& s, const std::vector<Credit>& credits, size_t limit) {
  json out = json::array();
  for (size_t i = 0; i < credits.size() && i < limit; ++i) out.push_back(s.people[credits[i].person].name);
  return out;
}

// A machine token the front end maps to a glyph: "up" for a climb.
const char* Arrow(const FactRow& r) {
  int c = r.rank_change.value_or(0);
  if (r.joiner || c == 0) return "flat";
  return c < 0 ? "up" : "down";
}

json CellJson(std::monostate) {
  return nullptr;
}
json CellJson(const std::string& text) {
  return TextOrNull(text);
}  // "" is null, as for every text
template <typename T>
json CellJson(const T& v) {
  return v;
}

}  // namespace

json YearJson(const Title& t) {
  if (t.release) return t.release->year();
  return nullptr;
}

json TitleRowJson(const GoldSnapshot& s, const Title& t, const FactRow* row) {
  json j{{"id", t.id},
         {"title", t.title},
         {"type", t.type},
         {"type_label", TypeLabel(t.type)},
         {"poster", TextOrNull(t.poster)},
         {"genres", t.genres},
         {"rating", OrNull(t.rating)},
         {"votes", OrNull(t.votes)},
         {"year", YearJson(t)},
         {"runtime", OrNull(ListRuntime(t))},
         {"cast", Names(s, t.cast, 3)}};
  std::optional<int> change = row != nullptr && !row->joiner ? row->rank_change : std::nullopt;
  j["rank"] = row != nullptr ? OrNull(row->rank) : json(nullptr);
  j["rank_change"] = OrNull(change);
  j["change_text"] = change ? json(FormatRankChange(*change)) : json(nullptr);
  j["is_new_joiner"] = row != nullptr && row->joiner;
  j["arrow"] = row != nullptr ? json(Arrow(*row)) : json(nullptr);
  j["days_on_list"] = row != nullptr ? OrNull(row->days_on_list) : json(nullptr);
  j["peak_rank"] = row != nullptr ? OrNull(row->peak_rank) : json(nullptr);
  j["peak_date"] = row != nullptr ? DateOrNull(row->peak_date) : json(nullptr);
  return j;
}

void AddTitleFacts(const Title& t, json* j) {
  json& o = *j;
  o["release_date"] = TextOrNull(t.release_date);
  o["language"] = TextOrNull(t.language);
  json details = json::object();
  for (const auto& [column, value] : t.details) {
    json& v = details[column];
    std::visit([&](const auto& x) { v = CellJson(x); }, value);
  }
  o["details"] = std::move(details);
  o["trailer"] = TextOrNull(t.trailer);
  o["interests"] = t.interests;
  o["budget"] = OrNull(t.budget);
  o["revenue"] = OrNull(t.revenue);
}

json PeopleJson(const GoldSnapshot& s, const std::vector<Credit>& credits, bool characters) {
  json out = json::array();
  for (const Credit& c : credits) {
    const Person& p = s.people[c.person];
    json j{{"id", p.id}, {"name", p.name}, {"photo", TextOrNull(p.poster)}, {"role", c.role}};
    if (characters) {
      j["characters"] = c.characters;
      j["order"] = OrNull(c.order);
    }
    out.push_back(std::move(j));
  }
  return out;
}

json OrgsJson(const std::vector<Org>& orgs, const std::vector<int>& ids) {
  json out = json::array();
  for (int i : ids) {
    out.push_back({{"id", orgs[i].id}, {"name", orgs[i].name}, {"logo", TextOrNull(orgs[i].logo)}});
  }
  return out;
}

}  // namespace cinelake::serve
