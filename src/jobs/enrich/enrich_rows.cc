#include "jobs/enrich/enrich_rows.h"

#include <limits>
#include <set>

#include "lake/schemas.h"

namespace cinelake {
namespace {

void PutStr(Column& c, const std::optional<std::string>& v) {
  if (v) {
    c.AppendString(*v);
  } else {
    c.AppendNull();
  }
}
template <typename T>
void PutI32(Column& c, const std::optional<T>& v) {
  if (v) {
    int64_t x = *v;
    x = std::min<int64_t>(std::max<int64_t>(x, std::numeric_limits<int32_t>::min()),
                          std::numeric_limits<int32_t>::max());
    c.AppendInt32(static_cast<int32_t>(x));
  } else {
    c.AppendNull();
  }
}
void PutI64(Column& c, const std::optional<int64_t>& v) {
  if (v) {
    c.AppendInt64(*v);
  } else {
    c.AppendNull();
  }
}
void PutF64(Column& c, const std::optional<double>& v) {
  if (v) {
    c.AppendDouble(*v);
  } else {
    c.AppendNull();
  }
}

}  // namespace

std::optional<std::string> TmdbImageUrl(const std::optional<std::string>& path, const char* size) {
  if (!path || path->empty()) return std::nullopt;
  std::string p = *path;
  if (p.rfind("http://", 0) == 0 || p.rfind("https://", 0) == 0) return p;  // already a URL
  if (p[0] != '/') p = "/" + p;
  return std::string("https://image.tmdb.org/t/p/") + size + p;
}

StgTables StgTables::Empty() {
  StgTables s;
  for (auto name : {tables::kContentDetail, tables::kContentPerson, tables::kContentGenre,
                    tables::kContentInterest, tables::kContentProduction, tables::kContentNetwork,
                    tables::kContentSeason, tables::kContentEpisode}) {
    s.tables.emplace(std::string(name), Table(TableByName(name).schema));
  }
  return s;
}

void AppendTitleRows(const std::string& id, const std::string& listed_type, const ImdbTitle& imdb,
                     const TmdbDetails* tmdb, const std::map<EpisodeKey, EpisodeTmdbPart>& tmdb_episodes,
                     int64_t created_at, int64_t updated_at, StgTables* out) {
  const TmdbMovie* movie = tmdb && tmdb->movie ? &*tmdb->movie : nullptr;
  const TmdbTv* tv = tmdb && tmdb->tv ? &*tmdb->tv : nullptr;

  Table& d = (*out)[std::string(tables::kContentDetail)];
  d.column("content_id").AppendString(id);
  d.column("content_type").AppendString(imdb.type.value_or(listed_type));
  PutStr(d.column("primary_title"), imdb.primary_title);
  PutStr(d.column("original_title"), imdb.original_title);
  PutStr(d.column("release_date"), imdb.release_date);
  PutStr(d.column("trailer"), imdb.trailer);
  PutI32(d.column("runtime_minutes"), imdb.runtime_minutes);
  PutStr(d.column("content_poster"), imdb.primary_image);
  PutF64(d.column("average_rating"), imdb.average_rating);
  PutI32(d.column("vote_count"), imdb.num_votes);
  PutStr(d.column("content_homepage"), movie ? movie->homepage : tv ? tv->homepage : std::nullopt);
  PutStr(d.column("overview"), movie ? movie->overview : tv ? tv->overview : std::nullopt);
  PutStr(d.column("original_language"), movie ? movie->original_language
                                        : tv  ? tv->original_language
                                              : std::nullopt);
  PutStr(d.column("status"), movie ? movie->status : tv ? tv->status : std::nullopt);
  PutStr(d.column("tagline"), movie ? movie->tagline : tv ? tv->tagline : std::nullopt);
  PutI64(d.column("budget"), movie ? movie->budget : std::nullopt);
  PutI64(d.column("revenue"), movie ? movie->revenue : std::nullopt);
  d.column("created_at").AppendInt64(created_at);
  d.column("updated_at").AppendInt64(updated_at);

  Table& p = (*out)[std::string(tables::kContentPerson)];
  std::set<std::pair<std::string, std::string>> seen_people;  // (person_id, role)
  auto add_person = [&](const std::string& pid, const std::optional<std::string>& name,
                        const std::optional<std::string>& homepage, const std::optional<std::string>& poster,
                        const std::string& role, const std::vector<std::string>* characters,
                        std::optional<int32_t> order) {
    if (pid.empty() || !seen_people.emplace(pid, role).second) return;
    p.column("content_id").AppendString(id);
    p.column("person_id").AppendString(pid);
    PutStr(p.column("person_name"), name);
    PutStr(p.column("person_homepage"), homepage);
    PutStr(p.column("person_poster"), poster);
    p.column("role_type").AppendString(role);
    if (characters) {
      p.column("character_names").AppendList(*characters);
    } else {
      p.column("character_names").AppendNull();
    }
    PutI32(p.column("order_no"), order);
  };
  for (const auto& dir : imdb.directors) {
    add_person(dir.id.value_or(""), dir.full_name, dir.url, std::nullopt, "director", nullptr, std::nullopt);
  }
  for (const auto& w : imdb.writers) {
    add_person(w.id.value_or(""), w.full_name, w.url, std::nullopt, "writer", nullptr, std::nullopt);
  }
  int32_t billing = 0;
  for (const auto& c : imdb.cast) {
    ++billing;
    add_person(c.id.value_or(""), c.full_name, c.url, c.primary_image, c.job.value_or("actor"), &c.characters,
               billing);
  }
  if (tv) {
    for (const auto& cr : tv->created_by) {
      if (!cr.id) continue;
      add_person("tmdb:" + std::to_string(*cr.id), cr.name, std::nullopt,
                 TmdbImageUrl(cr.profile_path, "w185"), "creator", nullptr, std::nullopt);
    }
  }

  auto add_names = [&](std::string_view table, const char* col, const std::vector<std::string>& names) {
    Table& t = (*out)[std::string(table)];
    std::set<std::string> seen;
    for (const auto& n : names) {
      if (n.empty() || !seen.insert(n).second) continue;
      t.column("content_id").AppendString(id);
      t.column(col).AppendString(n);
    }
  };
  add_names(tables::kContentGenre, "genre_name", imdb.genres);
  add_names(tables::kContentInterest, "interest_name", imdb.interests);

  auto add_companies = [&](std::string_view table, const char* id_col, const char* name_col,
                           const char* poster_col, const std::vector<TmdbCompany>& list) {
    Table& t = (*out)[std::string(table)];
    std::set<int64_t> seen;
    for (const auto& c : list) {
      if (!c.id || !seen.insert(*c.id).second) continue;
      t.column("content_id").AppendString(id);
      t.column(id_col).AppendString(std::to_string(*c.id));
      PutStr(t.column(name_col), c.name);
      PutStr(t.column(poster_col), TmdbImageUrl(c.logo_path, "w92"));
    }
  };
  if (movie) {
    add_companies(tables::kContentProduction, "company_id", "company_name", "company_poster",
                  movie->production_companies);
  }
  if (tv) {
    add_companies(tables::kContentProduction, "company_id", "company_name", "company_poster",
                  tv->production_companies);
    add_companies(tables::kContentNetwork, "network_id", "network_name", "network_poster", tv->networks);
    Table& s = (*out)[std::string(tables::kContentSeason)];
    std::set<int32_t> seen;
    for (const auto& season : tv->seasons) {
      if (!season.season_number || !seen.insert(*season.season_number).second) continue;
      s.column("content_id").AppendString(id);
      s.column("season_number").AppendInt32(*season.season_number);
      PutStr(s.column("air_date"), season.air_date);
      PutI32(s.column("episode_count"), season.episode_count);
      PutStr(s.column("name"), season.name);
      PutStr(s.column("overview"), season.overview);
      PutStr(s.column("poster_path"), TmdbImageUrl(season.poster_path, "w185"));
    }
  }

  // Episodes: IMDB's and TMDB's merged on (season, episode); either side alone
  // still makes a row, with the other side's fields null or filled from the
  // side that has them (a title from TMDB when IMDB has none).
  std::map<EpisodeKey, const ImdbEpisode*> imdb_eps;
  for (const auto& e : imdb.episodes) {
    if (e.season_number && e.episode_number)
      imdb_eps.emplace(EpisodeKey{*e.season_number, *e.episode_number}, &e);
  }
  std::set<EpisodeKey> keys;
  for (const auto& [k, _] : imdb_eps) keys.insert(k);
  for (const auto& [k, _] : tmdb_episodes) keys.insert(k);
  Table& e = (*out)[std::string(tables::kContentEpisode)];
  for (const auto& k : keys) {
    auto ii = imdb_eps.find(k);
    const ImdbEpisode* ie = ii == imdb_eps.end() ? nullptr : ii->second;
    auto ti = tmdb_episodes.find(k);
    const EpisodeTmdbPart* te = ti == tmdb_episodes.end() ? nullptr : &ti->second;
    e.column("content_id").AppendString(id);
    e.column("season_number").AppendInt32(k.first);
    e.column("episode_number").AppendInt32(k.second);
    std::optional<std::string> title = ie ? ie->primary_title : std::nullopt;
    if (!title && te) title = te->name;
    PutStr(e.column("primary_title"), title);
    PutStr(e.column("original_title"), ie && ie->original_title ? ie->original_title : title);
    std::optional<int32_t> runtime = ie ? ie->runtime_minutes : std::nullopt;
    if (!runtime && te) runtime = te->runtime;
    PutI32(e.column("runtime_minutes"), runtime);
    std::optional<double> rating = ie ? ie->average_rating : std::nullopt;
    if (!rating && te) rating = te->vote_average;
    PutF64(e.column("average_rating"), rating);
    PutI32(e.column("vote_count"), ie ? ie->num_votes : std::nullopt);
    PutStr(e.column("still_path"), te ? TmdbImageUrl(te->still_path, "w300") : std::nullopt);
    PutStr(e.column("episode_type"), te ? te->episode_type : std::nullopt);
    PutStr(e.column("air_date"), te ? te->air_date : std::nullopt);
  }
}

}  // namespace cinelake
