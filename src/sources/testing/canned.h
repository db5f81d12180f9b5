// Canned API bodies and configs shared by the src/sources tests.
#pragma once

#include <string>

#include "sources/api_config.h"
#include "sources/testing/fake_api_server.h"

namespace cinelake::testing {

inline std::string ImdbTitleJson(const std::string& id, const std::string& type = "movie") {
  return R"J({"id":")J" + id + R"J(","url":"https://www.imdb.com/title/)J" + id + R"J(/","type":")J" + type +
         R"J(","primaryTitle":"Inception","originalTitle":"Inception","releaseDate":"2010-07-16",
  "startYear":2010,"endYear":null,"trailer":"https://www.youtube.com/watch?v=x","runtimeMinutes":148,
  "primaryImage":"https://m.media-amazon.com/images/x.jpg","averageRating":8.8,"numVotes":2600000,
  "genres":["Action","Sci-Fi"],"interests":["Heist","Psychological Thriller"],
  "directors":[{"id":"nm0634240","fullName":"Christopher Nolan","url":"https://www.imdb.com/name/nm0634240/"}],
  "writers":[{"id":"nm0634240","fullName":"Christopher Nolan","url":"https://www.imdb.com/name/nm0634240/"}],
  "cast":[{"id":"nm0000138","fullName":"Leonardo DiCaprio","url":"https://www.imdb.com/name/nm0000138/",
           "primaryImage":"https://m.media-amazon.com/images/l.jpg","job":"actor","characters":["Cobb"]},
          {"id":"nm0330687","fullName":"Joseph Gordon-Levitt","job":"actor","characters":["Arthur","Arthur (young)"]}],
  "episodes":[{"seasonNumber":1,"episodeNumber":1,"primaryTitle":"Pilot","runtimeMinutes":50,"averageRating":8.1,"numVotes":1200}],
  "unknownField":{"nested":[1,2,3]}})J";
}

inline std::string TmdbMovieJson(long id) {
  return R"J({"id":)J" + std::to_string(id) +
         R"J(,"imdb_id":"tt1375666","title":"Inception","popularity":83.95,
  "homepage":"https://www.warnerbros.com/movies/inception","overview":"Cobb steals secrets.","original_language":"en",
  "status":"Released","tagline":"Your mind is the scene of the crime.","budget":160000000,"revenue":825532764,
  "production_companies":[{"id":923,"name":"Legendary Pictures","logo_path":"/8M99Dkt23MjQMTTWukq4m5XsEuo.png"},
                          {"id":9996,"name":"Syncopy","logo_path":null}],"adult":false})J";
}

inline std::string TmdbTvJson(long id) {
  return R"J({"id":)J" + std::to_string(id) +
         R"J(,"name":"Game of Thrones","popularity":250.5,"homepage":"https://www.hbo.com",
  "overview":"Seven noble families.","original_language":"en","status":"Ended","tagline":"Winter is coming",
  "in_production":false,"created_by":[{"id":9813,"name":"David Benioff","profile_path":"/a.jpg"}],
  "networks":[{"id":49,"name":"HBO","logo_path":"/hbo.png"}],"production_companies":[],
  "seasons":[{"season_number":1,"name":"Season 1","overview":"","air_date":"2011-04-17","episode_count":10,"poster_path":"/s1.jpg"}]})J";
}

inline std::string TmdbSeasonJson(int n) {
  return R"J({"id":3624,"season_number":)J" + std::to_string(n) +
         R"J(,"name":"Season 1","air_date":"2011-04-17",
  "episodes":[{"episode_number":1,"season_number":1,"name":"Winter Is Coming","air_date":"2011-04-17",
               "episode_type":"standard","still_path":"/e1.jpg","runtime":62,"vote_average":7.9},
              {"episode_number":10,"season_number":1,"name":"Fire and Blood","episode_type":"finale","runtime":null}]})J";
}

// A config aimed at `server` with fast retries, for tests.
inline ApiConfig TestConfig(const FakeApiServer& server) {
  ApiConfig c;
  c.imdb_base_url = server.imdb_base_url();
  c.tmdb_base_url = server.tmdb_base_url();
  c.imdb_key = "fake-imdb-key-0001";
  c.tmdb_token = "fake-tmdb-bearer-0002";
  c.imdb_limits = {500, 50, 8};
  c.tmdb_limits = {500, 50, 8};
  c.max_attempts = 3;
  c.backoff_base_ms = 5;
  c.backoff_max_ms = 20;
  c.connect_timeout_ms = 2000;
  c.timeout_ms = 3000;
  c.http2 = false;
  return c;
}

}  // namespace cinelake::testing
