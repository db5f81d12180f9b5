#include "serve/view_charts.h"

#include "serve/display_text.h"
#include "serve/rules_charts.h"
#include "serve/view_day.h"
#include "serve/view_title_row.h"

namespace cinelake::serve {

namespace {

json Row(const GoldSnapshot& s, const FactRow* r) {
  json j = TitleRowJson(s, s.titles[r->title], r);
  j["debut_date"] = DateOrNull(r->debut_date);
  j["total_days_on_list"] = OrNull(r->total_days_on_list);
  return j;
}

json Rows(const GoldSnapshot& s, const std::vector<const FactRow*>& rows) {
  json out = json::array();
  for (const FactRow* r : rows) out.push_back(Row(s, r));
  return out;
}

}  // namespace

json ChartsJson(const GoldSnapshot& s, int di, int window_days) {
  ChartsResult c = Charts(s, di, window_days);
  json climbers = json::array();
  for (const Climber& x : c.climbers) {
    json j = Row(s, x.row);
    j["start_rank"] = x.start_rank;
    j["climb"] = x.climb;
    j["climb_text"] = FormatRankChange(-x.climb);
    climbers.push_back(std::move(j));
  }
  json j = DayHeaderJson(s, di);
  j["window_days"] = c.window_days;
  j["start_date"] = c.start != nullptr ? json(c.start->date.ToString()) : json(nullptr);
  j["new_entries"] = Rows(s, c.new_entries);
  j["longest_running"] = Rows(s, c.longest_running);
  j["climbers"] = std::move(climbers);
  return j;
}

}  // namespace cinelake::serve
