// Word pools the sandbox world draws names, titles and prose from.
//
// Invented words only (no real films, people or brands), with some accented
// and non-Latin entries so that every consumer meets multi-byte UTF-8.
// Static, immutable data (the spans point into it, valid for the program's
// life); thread-safe; nothing fails (an unknown language has no words).
#pragma once

#include <span>
#include <string_view>

namespace cinelake::sandbox::vocab {

std::span<const std::string_view> FemaleFirstNames();
std::span<const std::string_view> MaleFirstNames();
std::span<const std::string_view> LastNames();
std::span<const std::string_view> Adjectives();
std::span<const std::string_view> Nouns();
std::span<const std::string_view> CompanyPrefixes();
std::span<const std::string_view> CompanySuffixes();
std::span<const std::string_view> NetworkNames();
std::span<const std::string_view> Roles();        // "a retired pilot"
std::span<const std::string_view> Discoveries();  // "a map hidden in an old radio"
std::span<const std::string_view> Goals();        // "unravel the truth"
std::span<const std::string_view> Deadlines();    // "the next full moon"
std::span<const std::string_view> ExtraSentences();
std::span<const std::string_view> Taglines();
std::span<const std::string_view> EpisodeWords();

// Native-script or accented title words per language, for original titles.
std::span<const std::string_view> NativeWords(std::string_view language);

struct Genre {
  std::string_view imdb_name;  // "Sci-Fi"
  std::string_view tmdb_name;  // "Science Fiction"
  int tmdb_id;
  std::span<const std::string_view> interests;  // IMDB sub-genres
};
std::span<const Genre> Genres();

inline constexpr std::string_view kBase62 = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

}  // namespace cinelake::sandbox::vocab
