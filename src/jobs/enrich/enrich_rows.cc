#include "jobs/enrich/enrich_rows.h"

#include <limits>
#include <set>

#include "lake/schemas.h"
#include "sources/tmdb_detail_fields.h"

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

// Each pass-through field (sources/tmdb_detail_fields.h) into its column;
// null when the record is missing or did not carry it.
void PutDetailScalars(const DetailScalars* details, Table* detail) {
  for (const TmdbDetailField& f : TmdbDetailFields()) {
    Column& c = detail->column(f.column);
    const DetailValue* v = details ? details->Find(f.key) : nullptr;
    if (v == nullptr) {
      c.AppendNull();
      continue;
    }
    switch (f.kind) {
      case DetailKind::kText: c.AppendString(std::get<std::string>(*v)); break;
      case DetailKind::kInt64: c.AppendInt64(std::get<int64_t>(*v)); break;
      case DetailKind::kDouble: c.AppendDouble(std::get<double>(*v)); break;
      case DetailKind::kBool: c.AppendBool(std::get<bool>(*v)); break;
    }
  }
}

}  // namespace

bool IsActingJob(std::string_view job) {
  return job == "actor" || job == "actress" || job == "self";
}

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

void AppendDetailRow(const std::string& id, const std::string& listed_type, const ImdbTitle& imdb,
                     const TmdbDetails* tmdb, int64_t created_at, std::optional<int64_t> updated_at,
                     Table* detail) {
  const TmdbMovie* movie = tmdb && tmdb->movie ? &*tmdb->movie : nullptr;
  const TmdbTv* tv = tmdb && tmdb->tv ? &*tmdb->tv : nullptr;
  Table& d = *detail;
  d.column("content_id").AppendString(id);
  d.column("content_type").AppendString(imdb.type.value_or(listed_type));
  PutStr(d.column("primary_title"), imdb.primary_title);
  PutStr(d.column("original_title"), imdb.original_title);
  PutStr(d.column("release_date"), imdb.release_date);
  PutStr(d.column("trailer"), imdb.trailer);
  std::optional<int32_t> runtime = imdb.runtime_minutes;
  if (!runtime && tv && !tv->episode_run_time.empty()) runtime = tv->episode_run_time.front();
  PutI32(d.column("runtime_minutes"), runtime);
  PutStr(d.column("content_poster"), imdb.primary_image);
  PutF64(d.column("average_rating"), imdb.average_rating);
  PutI32(d.column("vote_count"), imdb.num_votes);
  std::optional<std::string> overview = movie ? movie->overview : tv ? tv->overview : std::nullopt;
  if (!overview || overview->empty()) overview = imdb.description;
  PutStr(d.column("overview"), overview);
  PutDetailScalars(movie ? &movie->details : tv ? &tv->details : nullptr, &d);
  // TMDB says 0 for an unknown budget or revenue; IMDB's figure then.
  auto positive_or = [](std::optional<int64_t> v, std::optional<int64_t> fallback) {
    return v && *v > 0 ? v : fallback;
  };
  PutI64(d.column("budget"), positive_or(movie ? movie->budget : std::nullopt, imdb.budget));
  PutI64(d.column("revenue"), positive_or(movie ? movie->revenue : std::nullopt, imdb.gross_worldwide));
  d.column("created_at").AppendInt64(created_at);
  PutI64(d.column("updated_at"), updated_at);
}

void AppendTitleRows(const std::string& id, const std::string& listed_type, const ImdbTitle& imdb,
                     const TmdbDetails* tmdb, const std::map<EpisodeKey, EpisodeTmdbPart>& tmdb_episodes,
                     int64_t created_at, int64_t updated_at, StgTables* out) {
  const TmdbMovie* movie = tmdb && tmdb->movie ? &*tmdb->movie : nullptr;
  const TmdbTv* tv = tmdb && tmdb->tv ? &*tmdb->tv : nullptr;
  AppendDetailRow(id, listed_type, imdb, tmdb, created_at, updated_at,
                  &(*out)[std::string(tables::kContentDetail)]);

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
  // imdb236's `cast` carries the crew, one entry per job: only actors and
  // actresses are the cast (billing order counts them alone); the other jobs
  // are kept as their roles. A crew member's photo is only in its cast entry,
  // so the directors and writers arrays take it from there.
  std::map<std::string, std::optional<std::string>> photo_of;
  for (const auto& c : imdb.cast) {
    if (c.id && c.primary_image && !photo_of[*c.id]) photo_of[*c.id] = c.primary_image;
  }
  auto photo = [&](const std::optional<std::string>& pid) -> std::optional<std::string> {
    if (!pid) return std::nullopt;
    auto it = photo_of.find(*pid);
    return it == photo_of.end() ? std::nullopt : it->second;
  };
  for (const auto& dir : imdb.directors) {
    add_person(dir.id.value_or(""), dir.full_name, dir.url, photo(dir.id), "director", nullptr, std::nullopt);
  }
  for (const auto& w : imdb.writers) {
    add_person(w.id.value_or(""), w.full_name, w.url, photo(w.id), "writer", nullptr, std::nullopt);
  }
  int32_t billing = 0;
  for (const auto& c : imdb.cast) {
    std::string job = c.job && !c.job->empty() ? *c.job : "actor";
    if (IsActingJob(job)) {
      add_person(c.id.value_or(""), c.full_name, c.url, c.primary_image, job, &c.characters, ++billing);
    } else {
      add_person(c.id.value_or(""), c.full_name, c.url, photo(c.id), job, nullptr, std::nullopt);
    }
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
  }
  AppendSeriesRows(id, tv, imdb.episodes, tmdb_episodes, out);
}

void AppendSeriesRows(const std::string& id, const TmdbTv* tv, const std::vector<ImdbEpisode>& imdb_episodes,
                      const std::map<EpisodeKey, EpisodeTmdbPart>& tmdb_episodes, StgTables* out) {
  if (tv) {
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

  // Episodes: TMDB's seasons are the source (real IMDB details carry none);
  // IMDB's are merged on (season, episode) when an answer has them, and
  // either side alone still makes a row.
  std::map<EpisodeKey, const ImdbEpisode*> imdb_eps;
  for (const auto& e : imdb_episodes) {
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
    // TMDB has no original episode title: only IMDB's, when it has one.
    PutStr(e.column("original_title"), ie ? ie->original_title : std::nullopt);
    std::optional<int32_t> runtime = ie ? ie->runtime_minutes : std::nullopt;
    if (!runtime && te) runtime = te->runtime;
    PutI32(e.column("runtime_minutes"), runtime);
    std::optional<double> rating = ie ? ie->average_rating : std::nullopt;
    // TMDB's 0 of an episode nobody voted on is no rating.
    if (!rating && te && te->vote_count.value_or(1) > 0) rating = te->vote_average;
    PutF64(e.column("average_rating"), rating);
    std::optional<int64_t> votes = ie ? ie->num_votes : std::nullopt;
    if (!votes && te) votes = te->vote_count;
    PutI32(e.column("vote_count"), votes);
    PutStr(e.column("still_path"), te ? TmdbImageUrl(te->still_path, "w300") : std::nullopt);
    PutStr(e.column("episode_type"), te ? te->episode_type : std::nullopt);
    PutStr(e.column("air_date"), te ? te->air_date : std::nullopt);
  }
}

void FillFromListEntry(const ImdbTitle& entry, ImdbTitle* title) {
  auto fill = [](auto& mine, const auto& listed) {
    if (!mine) mine = listed;
  };
  fill(title->id, entry.id);
  fill(title->type, entry.type);
  fill(title->primary_title, entry.primary_title);
  fill(title->original_title, entry.original_title);
  fill(title->release_date, entry.release_date);
  fill(title->start_year, entry.start_year);
  fill(title->end_year, entry.end_year);
  fill(title->trailer, entry.trailer);
  fill(title->runtime_minutes, entry.runtime_minutes);
  fill(title->primary_image, entry.primary_image);
  fill(title->average_rating, entry.average_rating);
  fill(title->num_votes, entry.num_votes);
  fill(title->description, entry.description);
  fill(title->budget, entry.budget);
  fill(title->gross_worldwide, entry.gross_worldwide);
  if (title->genres.empty()) title->genres = entry.genres;
  if (title->interests.empty()) title->interests = entry.interests;
}

void AppendPatchedRow(const Table& base, size_t row, const Table& patch, size_t patch_row, Table* out) {
  for (size_t c = 0; c < out->num_columns(); ++c) {
    if (patch.column(c).IsNull(patch_row)) {
      out->column(c).AppendFrom(base.column(c), row);
    } else {
      out->column(c).AppendFrom(patch.column(c), patch_row);
    }
  }
}

}  // namespace cinelake
