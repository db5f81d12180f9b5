#include "sources/imdb_decode.h"

#include <charconv>

#include "sources/json_reader.h"

namespace cinelake {
namespace {

ImdbPerson ReadPerson(JsonReader& r) {
  ImdbPerson p;
  p.id = r.String("id");
  p.full_name = r.String("fullName");
  p.url = r.String("url");
  return p;
}

ImdbTitle ReadTitle(JsonReader& r) {
  ImdbTitle t;
  t.id = r.String("id");
  t.type = r.String("type");
  t.primary_title = r.String("primaryTitle");
  t.original_title = r.String("originalTitle");
  t.release_date = r.String("releaseDate");
  t.start_year = r.Int32("startYear");
  t.end_year = r.Int32("endYear");
  t.trailer = r.String("trailer");
  t.runtime_minutes = r.Int32("runtimeMinutes");
  t.primary_image = r.String("primaryImage");
  t.average_rating = r.Double("averageRating");
  t.num_votes = r.Int("numVotes");
  t.genres = r.StringArray("genres");
  t.interests = r.StringArray("interests");
  r.ObjectArray("directors", [&](JsonReader& p) { t.directors.push_back(ReadPerson(p)); });
  r.ObjectArray("writers", [&](JsonReader& p) { t.writers.push_back(ReadPerson(p)); });
  r.ObjectArray("cast", [&](JsonReader& c) {
    ImdbCastMember m;
    m.id = c.String("id");
    m.full_name = c.String("fullName");
    m.url = c.String("url");
    m.primary_image = c.String("primaryImage");
    m.job = c.String("job");
    m.characters = c.StringArray("characters");
    t.cast.push_back(std::move(m));
  });
  r.ObjectArray("episodes", [&](JsonReader& e) {
    ImdbEpisode ep;
    ep.id = e.String("id");
    ep.season_number = e.Int32("seasonNumber");
    ep.episode_number = e.Int32("episodeNumber");
    ep.primary_title = e.String("primaryTitle");
    ep.original_title = e.String("originalTitle");
    ep.runtime_minutes = e.Int32("runtimeMinutes");
    ep.average_rating = e.Double("averageRating");
    ep.num_votes = e.Int("numVotes");
    t.episodes.push_back(std::move(ep));
  });
  t.description = r.String("description");
  t.budget = r.Int("budget");
  t.gross_worldwide = r.Int("grossWorldwide");
  return t;
}

}  // namespace

Result<ImdbTitle> DecodeImdbTitle(std::string_view body, const std::string& where,
                                  std::vector<std::string>* warnings) {
  ASSIGN_OR_RETURN(simdjson::dom::element root, ParseJson(body, where));
  simdjson::dom::object object;
  if (root.get_object().get(object) != simdjson::SUCCESS) {
    return Status::Corruption(where + ": expected a JSON object, got " + JsonTypeName(root.type()));
  }
  JsonReader reader(object, where, warnings);
  return ReadTitle(reader);
}

Result<std::vector<ImdbTitle>> DecodeImdbTitleList(std::string_view body, const std::string& where,
                                                   std::vector<std::string>* warnings, size_t max_titles) {
  ASSIGN_OR_RETURN(simdjson::dom::element root, ParseJson(body, where));
  simdjson::dom::array array;
  if (root.get_array().get(array) != simdjson::SUCCESS) {
    return Status::Corruption(where + ": expected a JSON array, got " + JsonTypeName(root.type()));
  }
  if (array.size() > max_titles) {
    return Status::NotSupported(where + ": list of " + std::to_string(array.size()) +
                                " titles refused (more than " + std::to_string(max_titles) +
                                ", imdb.max_list_titles)");
  }
  std::vector<ImdbTitle> out;
  size_t index = 0;
  for (simdjson::dom::element item : array) {
    simdjson::dom::object object;
    std::string item_where = where + "[" + std::to_string(index++) + "]";
    if (item.get_object().get(object) != simdjson::SUCCESS) {
      if (warnings != nullptr) {
        warnings->push_back(item_where + ": list element is " + JsonTypeName(item.type()) + ", skipped");
      }
      continue;
    }
    JsonReader reader(object, item_where, warnings);
    out.push_back(ReadTitle(reader));
  }
  return out;
}

Result<std::optional<TmdbRef>> DecodeImdbTmdbId(std::string_view body, const std::string& imdb_type,
                                                const std::string& where,
                                                std::vector<std::string>* warnings) {
  ASSIGN_OR_RETURN(simdjson::dom::element root, ParseJson(body, where));
  simdjson::dom::object object;
  if (root.get_object().get(object) != simdjson::SUCCESS) {
    return Status::Corruption(where + ": expected a JSON object, got " + JsonTypeName(root.type()));
  }
  JsonReader reader(object, where, warnings);
  std::optional<simdjson::dom::element> value = reader.Raw("tmdbId");
  if (!value) return std::optional<TmdbRef>();

  int64_t number = 0;
  std::string_view text;
  if (value->get_string().get(text) == simdjson::SUCCESS) {
    if (text.empty()) return std::optional<TmdbRef>();
    if (text.find('/') != std::string_view::npos) {
      Result<TmdbRef> ref = TmdbRef::Parse(text);
      if (!ref.ok()) {
        reader.Warn("field 'tmdbId' is not a TMDB path: '" + std::string(text) + "'");
        return std::optional<TmdbRef>();
      }
      return std::optional<TmdbRef>(*ref);
    }
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (ec != std::errc() || end != text.data() + text.size()) {
      reader.Warn("field 'tmdbId' is not a TMDB id: '" + std::string(text) + "'");
      return std::optional<TmdbRef>();
    }
  } else if (std::optional<int64_t> n = reader.Int("tmdbId")) {
    number = *n;
  } else {
    return std::optional<TmdbRef>();  // Int() already warned
  }
  if (number <= 0) {
    reader.Warn("field 'tmdbId' is not a positive id");
    return std::optional<TmdbRef>();
  }
  std::optional<TmdbRef::Kind> kind = TmdbKindForImdbType(imdb_type);
  if (!kind) {
    reader.Warn("bare tmdbId " + std::to_string(number) + " with unknown title type '" + imdb_type + "'");
    return std::optional<TmdbRef>();
  }
  return std::optional<TmdbRef>(TmdbRef{*kind, number});
}

}  // namespace cinelake
