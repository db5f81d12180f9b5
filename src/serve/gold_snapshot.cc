#include "serve/gold_snapshot.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "lake/schemas.h"

namespace cinelake::serve {

namespace {

// Typed, null-aware reads of a named column; an absent column reads as null,
// so a table written by an older schema still loads.
class Cols {
 public:
  explicit Cols(const Table& t) : t_(t) {}
  size_t rows() const { return t_.num_rows(); }

  std::string Str(std::string_view name, size_t r) const {
    const Column* c = t_.FindColumn(name);
    if (c == nullptr || c->IsNull(r)) return "";
    return std::string(c->String(r));
  }
  std::optional<int64_t> Int(std::string_view name, size_t r) const {
    const Column* c = t_.FindColumn(name);
    if (c == nullptr || c->IsNull(r)) return std::nullopt;
    switch (c->type()) {
      case DataType::kInt32:
      case DataType::kDate: return c->Int32(r);
      case DataType::kInt64:
      case DataType::kTimestamp: return c->Int64(r);
      default: return std::nullopt;
    }
  }
  std::optional<double> Num(std::string_view name, size_t r) const {
    const Column* c = t_.FindColumn(name);
    if (c == nullptr || c->IsNull(r)) return std::nullopt;
    switch (c->type()) {
      case DataType::kDouble: return c->Double(r);
      case DataType::kInt32: return c->Int32(r);
      case DataType::kInt64: return static_cast<double>(c->Int64(r));
      case DataType::kDecimal: {
        int idx = t_.schema().FieldIndex(name);
        int scale = t_.schema().field(idx).scale;
        return static_cast<double>(c->Int64(r)) / std::pow(10.0, scale);
      }
      default: return std::nullopt;
    }
  }
  bool Bool(std::string_view name, size_t r) const {
    const Column* c = t_.FindColumn(name);
    return c != nullptr && c->type() == DataType::kBool && c->IsValid(r) && c->Bool(r);
  }
  CellValue Cell(std::string_view name, size_t r) const {
    const Column* c = t_.FindColumn(name);
    if (c == nullptr || c->IsNull(r)) return std::monostate{};
    switch (c->type()) {
      case DataType::kString: return std::string(c->String(r));
      case DataType::kBool: return c->Bool(r);
      case DataType::kDouble:
      case DataType::kDecimal: return *Num(name, r);
      default: {
        std::optional<int64_t> v = Int(name, r);
        return v ? CellValue(*v) : CellValue();
      }
    }
  }
  std::vector<std::string> List(std::string_view name, size_t r) const {
    const Column* c = t_.FindColumn(name);
    if (c == nullptr || c->type() != DataType::kStringList || c->IsNull(r)) return {};
    return c->List(r);
  }

 private:
  const Table& t_;
};

std::optional<int> ToInt(std::optional<int64_t> v) {
  if (!v) return std::nullopt;
  return static_cast<int>(*v);
}

std::optional<Date> ToDate(std::optional<int64_t> days) {
  if (!days) return std::nullopt;
  return Date{static_cast<int32_t>(*days)};
}

// Text columns read straight into string members.
template <typename T>
using TextColumn = std::pair<const char*, std::string T::*>;

template <typename T, size_t N>
void ReadText(const Cols& c, size_t r, const TextColumn<T> (&columns)[N], T* out) {
  for (const auto& [column, member] : columns) out->*member = c.Str(column, r);
}

constexpr TextColumn<Season> kSeasonText[] = {{"name", &Season::name},
                                              {"overview", &Season::overview},
                                              {"air_date", &Season::air_date},
                                              {"poster_path", &Season::poster}};
constexpr TextColumn<Episode> kEpisodeText[] = {{"primary_title", &Episode::title},
                                                {"still_path", &Episode::still},
                                                {"episode_type", &Episode::type},
                                                {"air_date", &Episode::air_date}};

bool CreditLess(const Credit& a, const Credit& b) {
  // Billing order first; unordered credits last, then by person index for stability.
  int ao = a.order.value_or(INT32_MAX), bo = b.order.value_or(INT32_MAX);
  if (ao != bo) return ao < bo;
  return a.person < b.person;
}

}  // namespace

int GoldSnapshot::FindTitle(std::string_view id) const {
  auto it = title_index_.find(std::string(id));
  return it == title_index_.end() ? -1 : it->second;
}

int GoldSnapshot::FindDay(Date date) const {
  auto it = std::lower_bound(days.begin(), days.end(), date, [](const Day& d, Date v) { return d.date < v; });
  if (it == days.end() || it->date != date) return -1;
  return static_cast<int>(it - days.begin());
}

int GoldSnapshot::PrevDay(int day) const {
  const Day& d = days[day];
  return d.prev_date ? FindDay(*d.prev_date) : -1;
}

std::shared_ptr<const GoldSnapshot> GoldSnapshot::Build(const GoldTables& gold) {
  auto snap = std::shared_ptr<GoldSnapshot>(new GoldSnapshot());
  GoldSnapshot& s = *snap;
  s.notes = gold.notes;

  // Titles.
  {
    // The text columns Title holds; the numbers below; then the pass-through rest.
    static constexpr TextColumn<Title> kText[] = {{"content_type", &Title::type},
                                                  {"primary_title", &Title::title},
                                                  {"original_title", &Title::original_title},
                                                  {"overview", &Title::overview},
                                                  {"release_date", &Title::release_date},
                                                  {"status", &Title::status},
                                                  {"original_language", &Title::language},
                                                  {"trailer", &Title::trailer},
                                                  {"content_poster", &Title::poster},
                                                  {"content_homepage", &Title::homepage}};
    std::set<std::string_view> used{"content_id", "runtime_minutes", "average_rating", "vote_count",
                                    "budget",     "revenue",         "created_at",     "updated_at"};
    for (const auto& [column, member] : kText) used.insert(column);
    std::vector<std::string> passthrough;
    for (const Field& f : TableByName(tables::kDimContent).schema.fields()) {
      if (!used.count(f.name)) passthrough.push_back(f.name);
    }
    Cols c(gold.dim_content);
    for (size_t r = 0; r < c.rows(); ++r) {
      Title t;
      t.id = c.Str("content_id", r);
      if (t.id.empty() || s.title_index_.count(t.id)) continue;
      ReadText(c, r, kText, &t);
      t.runtime = ToInt(c.Int("runtime_minutes", r));
      t.rating = c.Num("average_rating", r);
      t.votes = c.Int("vote_count", r);
      t.budget = c.Int("budget", r);
      t.revenue = c.Int("revenue", r);
      for (const std::string& column : passthrough) t.details.emplace_back(column, c.Cell(column, r));
      if (t.release_date.size() >= 10) {
        auto d = Date::Parse(std::string_view(t.release_date).substr(0, 10));
        if (d.ok()) t.release = *d;
      }
      s.title_index_[t.id] = static_cast<int>(s.titles.size());
      s.titles.push_back(std::move(t));
    }
  }
  auto title_of = [&](const std::string& id) { return s.FindTitle(id); };

  // People, networks, companies.
  std::unordered_map<std::string, int> person_index, network_index, company_index;
  {
    Cols c(gold.dim_person);
    for (size_t r = 0; r < c.rows(); ++r) {
      Person p{c.Str("person_id", r), c.Str("person_name", r), c.Str("person_poster", r)};
      if (p.id.empty() || person_index.count(p.id)) continue;
      person_index[p.id] = static_cast<int>(s.people.size());
      s.people.push_back(std::move(p));
    }
  }
  auto load_orgs = [](const Table& t, const char* id, const char* name, const char* logo,
                      std::vector<Org>* out, std::unordered_map<std::string, int>* index) {
    Cols c(t);
    for (size_t r = 0; r < c.rows(); ++r) {
      Org o{c.Str(id, r), c.Str(name, r), c.Str(logo, r)};
      if (o.id.empty() || index->count(o.id)) continue;
      (*index)[o.id] = static_cast<int>(out->size());
      out->push_back(std::move(o));
    }
  };
  load_orgs(gold.dim_network, "network_id", "network_name", "network_poster", &s.networks, &network_index);
  load_orgs(gold.dim_production_company, "company_id", "company_name", "company_poster", &s.companies,
            &company_index);

  // Bridges.
  {
    Cols c(gold.bridge_content_genre);
    for (size_t r = 0; r < c.rows(); ++r) {
      int t = title_of(c.Str("content_id", r));
      if (t >= 0) s.titles[t].genres.push_back(c.Str("genre_name", r));
    }
  }
  {
    Cols c(gold.bridge_content_interest);
    for (size_t r = 0; r < c.rows(); ++r) {
      int t = title_of(c.Str("content_id", r));
      if (t >= 0) s.titles[t].interests.push_back(c.Str("interest_name", r));
    }
  }
  auto link = [&](const Table& table, const char* key, const std::unordered_map<std::string, int>& index,
                  std::vector<int> Title::*member) {
    Cols c(table);
    for (size_t r = 0; r < c.rows(); ++r) {
      int t = title_of(c.Str("content_id", r));
      auto it = index.find(c.Str(key, r));
      if (t >= 0 && it != index.end()) (s.titles[t].*member).push_back(it->second);
    }
  };
  link(gold.bridge_content_network, "network_id", network_index, &Title::networks);
  link(gold.bridge_content_company, "company_id", company_index, &Title::companies);
  {
    Cols c(gold.bridge_content_person);
    for (size_t r = 0; r < c.rows(); ++r) {
      int t = title_of(c.Str("content_id", r));
      auto it = person_index.find(c.Str("person_id", r));
      if (t < 0 || it == person_index.end()) continue;
      Credit cr{it->second, c.Str("role_type", r), c.List("character_names", r), ToInt(c.Int("order_no", r))};
      Title& title = s.titles[t];
      if (cr.role == "director") {
        title.directors.push_back(std::move(cr));
      } else if (cr.role == "creator") {
        title.creators.push_back(std::move(cr));
      } else if (cr.role == "writer") {
        title.writers.push_back(std::move(cr));
      } else if (cr.role == "actor" || cr.role == "actress" || cr.role == "self") {
        title.cast.push_back(std::move(cr));
      }  // other crew (producer, composer, ...) is not shown
    }
  }

  // Seasons and episodes.
  {
    Cols c(gold.dim_season);
    for (size_t r = 0; r < c.rows(); ++r) {
      int t = title_of(c.Str("content_id", r));
      auto n = c.Int("season_number", r);
      if (t < 0 || !n) continue;
      Season se;
      se.number = static_cast<int>(*n);
      ReadText(c, r, kSeasonText, &se);
      se.episode_count = ToInt(c.Int("episode_count", r));
      s.titles[t].seasons.push_back(std::move(se));
    }
  }
  {
    Cols c(gold.dim_episode);
    for (size_t r = 0; r < c.rows(); ++r) {
      int t = title_of(c.Str("content_id", r));
      auto sn = c.Int("season_number", r);
      auto en = c.Int("episode_number", r);
      if (t < 0 || !sn || !en) continue;
      Episode e;
      e.season = static_cast<int>(*sn);
      e.number = static_cast<int>(*en);
      ReadText(c, r, kEpisodeText, &e);
      e.runtime = ToInt(c.Int("runtime_minutes", r));
      e.rating = c.Num("average_rating", r);
      e.votes = c.Int("vote_count", r);
      Title& title = s.titles[t];
      auto it = std::find_if(title.seasons.begin(), title.seasons.end(),
                             [&](const Season& x) { return x.number == e.season; });
      if (it == title.seasons.end()) {  // an episode whose season row is missing
        Season se;
        se.number = e.season;
        title.seasons.push_back(std::move(se));
        it = title.seasons.end() - 1;
      }
      it->episodes.push_back(std::move(e));
    }
  }

  // Per-title ordering and series aggregates.
  for (Title& t : s.titles) {
    std::sort(t.genres.begin(), t.genres.end());
    t.genres.erase(std::unique(t.genres.begin(), t.genres.end()), t.genres.end());
    std::sort(t.interests.begin(), t.interests.end());
    t.interests.erase(std::unique(t.interests.begin(), t.interests.end()), t.interests.end());
    std::sort(t.cast.begin(), t.cast.end(), CreditLess);
    std::sort(t.directors.begin(), t.directors.end(), CreditLess);
    std::sort(t.creators.begin(), t.creators.end(), CreditLess);
    std::sort(t.writers.begin(), t.writers.end(), CreditLess);
    auto by_name = [](const std::vector<Org>& orgs) {
      return [&orgs](int a, int b) {
        return orgs[a].name != orgs[b].name ? orgs[a].name < orgs[b].name : a < b;
      };
    };
    std::sort(t.networks.begin(), t.networks.end(), by_name(s.networks));
    std::sort(t.companies.begin(), t.companies.end(), by_name(s.companies));
    std::sort(t.seasons.begin(), t.seasons.end(),
              [](const Season& a, const Season& b) { return a.number < b.number; });
    int64_t total = 0;
    int with_runtime = 0;
    for (Season& se : t.seasons) {
      std::sort(se.episodes.begin(), se.episodes.end(),
                [](const Episode& a, const Episode& b) { return a.number < b.number; });
      if (se.number > 0) {
        ++t.season_count;
        t.episode_count += static_cast<int>(se.episodes.size());
      }
      for (const Episode& e : se.episodes) {
        if (e.runtime) {
          total += *e.runtime;
          ++with_runtime;
        }
        if (!e.air_date.empty()) {
          if (t.first_air_date.empty() || e.air_date < t.first_air_date) t.first_air_date = e.air_date;
          if (t.last_air_date.empty() || e.air_date > t.last_air_date) t.last_air_date = e.air_date;
        }
      }
    }
    if (with_runtime > 0) {
      t.total_episode_runtime = total;
      t.avg_episode_runtime = static_cast<double>(total) / with_runtime;
    }
  }

  // Fact days.
  for (const auto& [date, table] : gold.fact) {
    Cols c(table);
    Day day;
    day.date = date;
    for (size_t r = 0; r < c.rows(); ++r) {
      std::string id = c.Str("content_id", r);
      if (id.empty()) continue;
      int t = s.FindTitle(id);
      if (t < 0) {  // fact row for a title missing from dim_content: keep it visible
        Title stub;
        stub.id = id;
        stub.title = id;
        stub.type = c.Str("content_type", r);
        t = static_cast<int>(s.titles.size());
        s.title_index_[id] = t;
        s.titles.push_back(std::move(stub));
      }
      if (s.titles[t].type.empty()) s.titles[t].type = c.Str("content_type", r);
      if (!day.prev_date) {
        if (auto prev = c.Int("prev_load_date", r)) day.prev_date = Date{static_cast<int32_t>(*prev)};
      }
      FactRow row;
      row.title = t;
      row.rank = ToInt(c.Int("rank", r));
      row.popularity = c.Num("popularity", r).value_or(0);
      row.rank_change = ToInt(c.Int("rank_change", r));
      row.joiner = c.Bool("is_new_joiner", r);
      row.leaver = c.Bool("is_leaver", r);
      row.days_on_list = ToInt(c.Int("days_on_list", r));
      row.total_days_on_list = ToInt(c.Int("total_days_on_list", r));
      row.peak_rank = ToInt(c.Int("peak_rank", r));
      row.peak_date = ToDate(c.Int("peak_date", r));
      row.debut_date = ToDate(c.Int("debut_date", r));
      if (row.rank && !row.leaver) {
        day.ranked.push_back(row);
      } else {
        day.leavers.push_back(row);
      }
    }
    std::sort(day.ranked.begin(), day.ranked.end(), [&](const FactRow& a, const FactRow& b) {
      if (*a.rank != *b.rank) return *a.rank < *b.rank;
      return s.titles[a.title].id < s.titles[b.title].id;
    });
    for (size_t i = 0; i < day.ranked.size(); ++i) {
      day.by_title.emplace(day.ranked[i].title, static_cast<int>(i));
      double p = day.ranked[i].popularity;
      if (i == 0 || p < day.popularity_min) day.popularity_min = p;
      if (i == 0 || p > day.popularity_max) day.popularity_max = p;
    }
    s.days.push_back(std::move(day));
  }
  std::sort(s.days.begin(), s.days.end(), [](const Day& a, const Day& b) { return a.date < b.date; });
  for (size_t i = 1; i < s.days.size(); ++i) {
    if (!s.days[i].prev_date) s.days[i].prev_date = s.days[i - 1].date;
  }
  s.watch = BuildWatchIndex(gold, [&](std::string_view id) { return s.FindTitle(id); });
  return snap;
}

}  // namespace cinelake::serve
