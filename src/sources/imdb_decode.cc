#include "sources/imdb_decode.h"

#include <charconv>

#include "sources/json_reader.h"

namespace cinelake {
namespace {

ImdbPerson ReadPerson(JsonReader& r) {
  using P = ImdbPerson;
  ImdbPerson p;
  r.Fields(&p, Bind{"id", &P::id}, Bind{"fullName", &P::full_name}, Bind{"url", &P::url});
  return p;
}

ImdbTitle ReadTitle(JsonReader& r) {
  using T = ImdbTitle;
  ImdbTitle t;
  r.Fields(&t, Bind{"id", &T::id}, Bind{"type", &T::type}, Bind{"primaryTitle", &T::primary_title},
           Bind{"originalTitle", &T::original_title}, Bind{"releaseDate", &T::release_date},
           Bind{"startYear", &T::start_year}, Bind{"endYear", &T::end_year}, Bind{"trailer", &T::trailer},
           Bind{"runtimeMinutes", &T::runtime_minutes}, Bind{"primaryImage", &T::primary_image},
           Bind{"averageRating", &T::average_rating}, Bind{"numVotes", &T::num_votes},
           Bind{"genres", &T::genres}, Bind{"interests", &T::interests});
  r.ObjectArray("directors", [&](JsonReader& p) { t.directors.push_back(ReadPerson(p)); });
  r.ObjectArray("writers", [&](JsonReader& p) { t.writers.push_back(ReadPerson(p)); });
  r.ObjectArray("cast", [&](JsonReader& c) {
    using C = ImdbCastMember;
    ImdbCastMember m;
    c.Fields(&m, Bind{"id", &C::id}, Bind{"fullName", &C::full_name}, Bind{"url", &C::url},
             Bind{"primaryImage", &C::primary_image}, Bind{"job", &C::job},
             Bind{"characters", &C::characters});
    t.cast.push_back(std::move(m));
  });
  r.ObjectArray("episodes", [&](JsonReader& e) {
    using E = ImdbEpisode;
    ImdbEpisode ep;
    e.Fields(&ep, Bind{"id", &E::id}, Bind{"seasonNumber", &E::season_number},
             Bind{"episodeNumber", &E::episode_number}, Bind{"primaryTitle", &E::primary_title},
             Bind{"originalTitle", &E::original_title}, Bind{"runtimeMinutes", &E::runtime_minutes},
             Bind{"averageRating", &E::average_rating}, Bind{"numVotes", &E::num_votes});
    t.episodes.push_back(std::move(ep));
  });
  r.Fields(&t, Bind{"description", &T::description}, Bind{"budget", &T::budget},
           Bind{"grossWorldwide", &T::gross_worldwide});
  return t;
}

}  // namespace

Result<ImdbTitle> DecodeImdbTitle(std::string_view body, const std::string& where,
                                  std::vector<std::string>* warnings) {
  return ReadJsonObject(body, where, warnings, ReadTitle);
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
  ASSIGN_OR_RETURN(simdjson::dom::object object, ParseJsonObject(body, where));
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
