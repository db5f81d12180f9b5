#include "sandbox/vocabulary.h"

#include <array>

namespace cinelake::sandbox::vocab {
namespace {

using SV = std::string_view;

constexpr SV kFemale[] = {"Mara",   "Ines",     "Zoë",       "Renée",   "Siobhán", "Amara",   "Lena",
                          "Chloé",  "Hana",     "Priya",     "Noor",    "Greta",   "Ylva",    "Camila",
                          "Tamsin", "Ngozi",    "Mei",       "Solène",  "Ada",     "Freya",   "Lucía",
                          "Dagny",  "Rosalind", "Keiko",     "Marisol", "Ottilie", "Beatriz", "Yara",
                          "Elodie", "Jun-hee",  "Agnieszka", "Théa"};
constexpr SV kMale[] = {"Tomas", "José",   "Søren",  "Łukasz",  "Bjørn",   "Ángel",   "Jürgen",  "Kofi",
                        "Ravi",  "Elias",  "Mateo",  "Idris",   "Callum",  "Hiroshi", "Anton",   "Dmitri",
                        "Felix", "Oren",   "Nuño",   "Caspar",  "Desmond", "Ibrahim", "Lorcan",  "Pascal",
                        "Viggo", "Teodor", "Rafael", "Min-jun", "Emeka",   "Olivier", "Stellan", "Bruno"};
constexpr SV kLast[] = {
    "Okafor",     "Lindqvist", "Moreau",  "Tanaka",   "Kowalski",  "Haddad",      "Brennan",
    "Castillo",   "Nakamura",  "Petrov",  "Oyelaran", "Dubois",    "Müller",      "García",
    "Achterberg", "Quill",     "Varga",   "Sørensen", "Ferreira",  "Nwosu",       "Holloway",
    "Ishikawa",   "Delacroix", "Brandt",  "Ó Briain", "Marchetti", "Abernathy",   "Zielińska",
    "Kaur",       "Lindgren",  "Obi",     "Fontaine", "Reyes",     "Castellanos", "Whitlock",
    "Hartmann",   "Novak",     "Adeyemi", "Sato",     "Kim",       "Park",        "Ruiz",
    "Galloway",   "Mbeki",     "Eriksen", "Rossi",    "Wójcik",    "Thorne",      "Aldana"};
constexpr SV kAdjectives[] = {"Silent",  "Broken", "Last",   "Hidden",   "Crimson",   "Golden",   "Endless",
                              "Lost",    "Frozen", "Wild",   "Dark",     "Bright",    "Hollow",   "Burning",
                              "Quiet",   "Final",  "Secret", "Savage",   "Midnight",  "Electric", "Velvet",
                              "Iron",    "Paper",  "Glass",  "Northern", "Forgotten", "Restless", "Distant",
                              "Scarlet", "Sacred", "Salt",   "Copper",   "Feral",     "Gentle",   "Lonely",
                              "Neon",    "Hungry", "Wicked", "Tender",   "Stolen"};
constexpr SV kNouns[] = {
    "River",    "Empire",  "Garden",     "Signal",    "Harbor",     "Kingdom",  "Mirror",   "Orchard",
    "Frontier", "Shadow",  "Lantern",    "Machine",   "Storm",      "Horizon",  "Archive",  "Circus",
    "Station",  "Compass", "Fortress",   "Tide",      "Witness",    "Echo",     "Desert",   "Crown",
    "Island",   "Engine",  "Labyrinth",  "Summit",    "Voyage",     "Paradox",  "Covenant", "Meridian",
    "Orbit",    "Harvest", "Lighthouse", "Reckoning", "Masquerade", "Undertow", "Atlas",    "Hymn"};
constexpr SV kCompanyPrefixes[] = {"Northlight", "Bluefin",    "Red Kite", "Silverline", "Harborside",
                                   "Ember",      "Paper Moon", "Lumen",    "Cobalt",     "Tall Pine",
                                   "Granite",    "Foxglove",   "Orbital",  "Meridian",   "Atlas Row",
                                   "Driftwood",  "Nimbus",     "Saffron",  "Quarry",     "Polar"};
constexpr SV kCompanySuffixes[] = {"Pictures", "Studios",     "Films",    "Entertainment",
                                   "Media",    "Productions", "Animation"};
constexpr SV kNetworks[] = {"Channel Nine North",
                            "Orbit+",
                            "StreamBox",
                            "Lumen TV",
                            "BlueWave",
                            "Kestrel",
                            "Polaris One",
                            "Arcadia Network",
                            "HBX",
                            "Vantage",
                            "Tidal Screen",
                            "Cinémonde",
                            "Nordlys TV",
                            "Sakura Stream",
                            "Quill & Co.",
                            "Redline",
                            "Atlas Broadcasting",
                            "Ember Go",
                            "Mosaic",
                            "Prism",
                            "Canal Sur Este",
                            "Brightside",
                            "Hollow Pine TV",
                            "Zenith",
                            "Maple Channel",
                            "K-Wave Plus",
                            "Granite Cable",
                            "Nova",
                            "Periscope",
                            "Beacon"};
constexpr SV kRoles[] = {
    "a retired pilot",       "a young archivist",       "a disgraced chef",   "a marine biologist",
    "a small-town mayor",    "a reluctant heir",        "an android nurse",   "a street magician",
    "a war veteran",         "a night-shift detective", "a failed astronaut", "a wedding singer",
    "a forensic accountant", "a teenage hacker",        "an exiled princess", "a lighthouse keeper"};
constexpr SV kDiscoveries[] = {
    "a map hidden in an old radio",          "a conspiracy reaching the city council",
    "that her twin never existed",           "a signal from beneath the ice",
    "a diary that predicts tomorrow",        "a door that was bricked up in 1952",
    "a stranger who knows every secret",     "the last recording of a lost band",
    "a crater where the village used to be", "an heirloom worth killing for",
    "a message in a returned library book",  "a glitch in the city's power grid"};
constexpr SV kGoals[] = {"unravel the truth",          "reunite a scattered family",
                         "outrun a relentless past",   "win one last race",
                         "save the harbor from ruin",  "clear an innocent name",
                         "broadcast the evidence",     "bring the crew home",
                         "keep a promise made at sea", "stop a heist from the inside"};
constexpr SV kDeadlines[] = {
    "the next full moon",  "the storm makes landfall", "the election", "winter closes the pass",
    "the final broadcast", "the tide turns",           "the wedding",  "dawn"};
constexpr SV kExtraSentences[] = {"Meanwhile, old rivals resurface in unexpected places.",
                                  "Along the way, an unlikely friendship changes everything.",
                                  "Inspired by events that were never fully explained.",
                                  "What starts as a favour becomes a fight for survival.",
                                  "Every choice has a price, and someone is keeping count.",
                                  "The closer they get, the less anyone can be trusted.",
                                  "Told over a single sleepless night.",
                                  "Nobody in town is quite who they claim to be, least of all the narrator."};
constexpr SV kTaglines[] = {
    "Some doors should stay closed.", "Every ending is a signal.",    "The tide remembers.",
    "Trust no reflection.",           "One night. No rules.",         "Home is a dangerous place.",
    "The truth has a long memory.",   "Run before the lights go out."};
constexpr SV kEpisodeWords[] = {"Pilot",      "Arrival",        "The Offer",  "Low Tide",   "Fault Lines",
                                "Homecoming", "Ghosts",         "The Vault",  "Crossroads", "Aftermath",
                                "Static",     "The Long Night", "Undertow",   "Reunion",    "Wildfire",
                                "Checkmate",  "Blackout",       "Confession", "Daybreak",   "The Fall"};

constexpr SV kJa[] = {"夜明け", "桜", "影", "約束", "海", "月", "風", "物語", "迷宮", "灯台"};
constexpr SV kKo[] = {"비밀", "바다", "그림자", "약속", "겨울", "도시", "기억", "불꽃"};
constexpr SV kFr[] = {"L'Été", "Éclat", "La Rivière", "Les Ombres", "Mémoire", "Le Phare", "Après", "Écho"};
constexpr SV kEs[] = {"El Silencio", "La Marea", "Niño", "Corazón", "Señales", "La Frontera", "Año Cero"};
constexpr SV kDe[] = {"Der Sturm", "Über", "Schatten", "Die Grenze", "Straße", "Nachtzug"};
constexpr SV kHi[] = {"सपना", "रात", "समुंदर", "दिल"};

constexpr SV kActionI[] = {"Action Epic", "Superhero", "Martial Arts", "Car Action", "Spy"};
constexpr SV kAdventureI[] = {"Adventure Epic", "Quest", "Sea Adventure", "Jungle Adventure"};
constexpr SV kAnimationI[] = {"Anime", "Computer Animation", "Hand-Drawn Animation", "Adult Animation"};
constexpr SV kBiographyI[] = {"Docudrama", "Period Drama"};
constexpr SV kComedyI[] = {"Dark Comedy", "Romantic Comedy", "Satire", "Sitcom", "Slapstick", "Parody"};
constexpr SV kCrimeI[] = {"Heist", "Police Procedural", "Gangster", "True Crime", "Cop Drama"};
constexpr SV kDocumentaryI[] = {"Nature Documentary", "Crime Documentary", "Music Documentary"};
constexpr SV kDramaI[] = {"Psychological Drama", "Coming-of-Age", "Legal Drama",
                          "Medical Drama",       "Tragedy",       "Period Drama"};
constexpr SV kFamilyI[] = {"Family Adventure", "Holiday Family"};
constexpr SV kFantasyI[] = {"Dark Fantasy", "Sword & Sorcery", "Fairy Tale", "Supernatural Fantasy"};
constexpr SV kHistoryI[] = {"Historical Epic", "War Epic"};
constexpr SV kHorrorI[] = {"Psychological Horror", "Slasher Horror", "Supernatural Horror",
                           "Body Horror",          "Folk Horror",    "Zombie Horror"};
constexpr SV kMusicI[] = {"Musical", "Concert"};
constexpr SV kMysteryI[] = {"Whodunnit", "Suspense Mystery", "Bumbling Detective"};
constexpr SV kRomanceI[] = {"Feel-Good Romance", "Steamy Romance", "Tragic Romance"};
constexpr SV kSciFiI[] = {"Space Sci-Fi", "Cyberpunk",      "Dystopian Sci-Fi",
                          "Time Travel",  "Alien Invasion", "Artificial Intelligence"};
constexpr SV kThrillerI[] = {"Psychological Thriller", "Conspiracy Thriller", "Serial Killer",
                             "Political Thriller"};
constexpr SV kWarI[] = {"War Epic", "Military Drama"};
constexpr SV kWesternI[] = {"Western Epic", "Spaghetti Western"};

const Genre kGenres[] = {
    {"Action", "Action", 28, kActionI},
    {"Adventure", "Adventure", 12, kAdventureI},
    {"Animation", "Animation", 16, kAnimationI},
    {"Biography", "History", 36, kBiographyI},
    {"Comedy", "Comedy", 35, kComedyI},
    {"Crime", "Crime", 80, kCrimeI},
    {"Documentary", "Documentary", 99, kDocumentaryI},
    {"Drama", "Drama", 18, kDramaI},
    {"Family", "Family", 10751, kFamilyI},
    {"Fantasy", "Fantasy", 14, kFantasyI},
    {"History", "History", 36, kHistoryI},
    {"Horror", "Horror", 27, kHorrorI},
    {"Music", "Music", 10402, kMusicI},
    {"Mystery", "Mystery", 9648, kMysteryI},
    {"Romance", "Romance", 10749, kRomanceI},
    {"Sci-Fi", "Science Fiction", 878, kSciFiI},
    {"Thriller", "Thriller", 53, kThrillerI},
    {"War", "War", 10752, kWarI},
    {"Western", "Western", 37, kWesternI},
};

}  // namespace

std::span<const SV> FemaleFirstNames() {
  return kFemale;
}
std::span<const SV> MaleFirstNames() {
  return kMale;
}
std::span<const SV> LastNames() {
  return kLast;
}
std::span<const SV> Adjectives() {
  return kAdjectives;
}
std::span<const SV> Nouns() {
  return kNouns;
}
std::span<const SV> CompanyPrefixes() {
  return kCompanyPrefixes;
}
std::span<const SV> CompanySuffixes() {
  return kCompanySuffixes;
}
std::span<const SV> NetworkNames() {
  return kNetworks;
}
std::span<const SV> Roles() {
  return kRoles;
}
std::span<const SV> Discoveries() {
  return kDiscoveries;
}
std::span<const SV> Goals() {
  return kGoals;
}
std::span<const SV> Deadlines() {
  return kDeadlines;
}
std::span<const SV> ExtraSentences() {
  return kExtraSentences;
}
std::span<const SV> Taglines() {
  return kTaglines;
}
std::span<const SV> EpisodeWords() {
  return kEpisodeWords;
}

std::span<const SV> NativeWords(std::string_view language) {
  if (language == "ja") return kJa;
  if (language == "ko") return kKo;
  if (language == "fr") return kFr;
  if (language == "es") return kEs;
  if (language == "de") return kDe;
  if (language == "hi") return kHi;
  return {};
}

std::span<const Genre> Genres() {
  return kGenres;
}

}  // namespace cinelake::sandbox::vocab
