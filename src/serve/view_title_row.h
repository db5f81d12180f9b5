// The pieces of JSON every title list shares (dashboard-api.md "title row"),
// and the people and organisation lists of the detail and KPI pages.
//
// Pure functions over an immutable GoldSnapshot; the JSON returned owns its
// data. Safe from any thread; no errors.
#pragma once

#include <vector>

#include "serve/gold_snapshot.h"
#include "serve/view_json.h"

namespace cinelake::serve {

// {id, title, type, type_label, poster, genres, rating, votes, year, runtime,
// cast[3], rank, rank_change, change_text, is_new_joiner, arrow}; `row` is the
// title's fact row today, or null when it is not ranked.
json TitleRowJson(const GoldSnapshot& s, const Title& t, const FactRow* row);
// {id, name, photo, role} and, with `characters`, {characters, order}.
json PeopleJson(const GoldSnapshot& s, const std::vector<Credit>& credits, bool characters);
// {id, name, logo} of each index into `orgs`.
json OrgsJson(const std::vector<Org>& orgs, const std::vector<int>& ids);
// Adds the facts the KPI tables and the detail page both show: release_date,
// language, trailer, interests, budget, revenue, and `details`: {column: value}
// of every pass-through column (Title::details; "tagline", ...).
void AddTitleFacts(const Title& t, json* j);
// The release year, or null.
json YearJson(const Title& t);

}  // namespace cinelake::serve
