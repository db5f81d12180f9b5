// Data-driven golden cases for the model and fact stages (test/cases/).
//
// Each folder test/cases/<case>/ holds:
//   README.md                       what the case pins
//   input/<layer>/<table>[@YYYY-MM-DD].psv   written into a fresh temp lake
//   run.txt                         steps, one a line ('#' comments):
//                                     YYYY-MM-DD        run model then fact for that day
//                                     rerun YYYY-MM-DD  the same, for a day whose fact
//                                                       partition must already exist
//                                     load <folder>     write <case>/<folder>/<layer>/...
//                                                       into the lake (e.g. corrected raw)
//   expected/gold/<table>[@YYYY-MM-DD].psv   compared after the last step; the
//                                   header may list a subset of the columns
// Every fact_popularity partition in the lake must have an expected file.
// CINELAKE_UPDATE_GOLDEN=1 rewrites expected/gold/ from the lake instead of
// comparing (then every file must be checked by hand before committing).
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "jobs/fact/fact_stage.h"
#include "jobs/job_context.h"
#include "jobs/model/model_stage.h"
#include "jobs/testing/psv.h"
#include "lake/lake.h"
#include "lake/schemas.h"

namespace cinelake {
namespace {

namespace fs = std::filesystem;

fs::path CasesDir() {
  return fs::path(CINELAKE_SOURCE_DIR) / "test" / "cases";
}

std::vector<std::string> DiscoverCases() {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(CasesDir(), ec)) {
    if (entry.is_directory() && fs::exists(entry.path() / "run.txt"))
      names.push_back(entry.path().filename());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string ReadText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const TableDef* FindDef(const std::string& layer, const std::string& name) {
  for (const auto& def : AllTables()) {
    if (LayerName(def.layer) == layer && def.name == name) return &def;
  }
  return nullptr;
}

// "<table>[@YYYY-MM-DD].psv" -> table name and optional partition.
Result<std::pair<std::string, std::optional<Date>>> ParseFileName(const fs::path& file) {
  std::string stem = file.stem();
  size_t at = stem.find('@');
  if (at == std::string::npos) return std::make_pair(stem, std::optional<Date>());
  ASSIGN_OR_RETURN(Date d, Date::Parse(std::string_view(stem).substr(at + 1)));
  return std::make_pair(stem.substr(0, at), std::optional<Date>(d));
}

// Writes every <dir>/<layer>/<table>[@date].psv into the lake.
Status LoadTables(Lake& lake, const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".psv") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    std::string layer = file.parent_path().filename();
    ASSIGN_OR_RETURN(auto name, ParseFileName(file));
    const TableDef* def = FindDef(layer, name.first);
    if (def == nullptr)
      return Status::InvalidArgument(file.string() + ": no table " + layer + "/" + name.first);
    if (def->partitioned != name.second.has_value()) {
      return Status::InvalidArgument(file.string() + ": partition date " +
                                     (def->partitioned ? "missing" : "given for an unpartitioned table"));
    }
    ASSIGN_OR_RETURN(Table table, testing::ParsePsv(ReadText(file), def->schema, file.string()));
    RETURN_IF_ERROR(lake.Write(*def, table, name.second));
  }
  return Status::OK();
}

// A readable line diff (longest common subsequence; files are small).
std::string Diff(const std::string& expected, const std::string& actual) {
  auto lines = [](const std::string& s) {
    std::vector<std::string> out;
    std::stringstream ss(s);
    for (std::string line; std::getline(ss, line);) out.push_back(line);
    return out;
  };
  std::vector<std::string> a = lines(expected), b = lines(actual);
  std::vector<std::vector<int>> lcs(a.size() + 1, std::vector<int>(b.size() + 1, 0));
  for (size_t i = a.size(); i-- > 0;) {
    for (size_t j = b.size(); j-- > 0;) {
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  std::string out = "--- expected\n+++ actual\n";
  size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (i < a.size() && j < b.size() && a[i] == b[j]) {
      out += "  " + a[i++] + "\n";
      ++j;
    } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
      out += "- " + a[i++] + "\n";
    } else {
      out += "+ " + b[j++] + "\n";
    }
  }
  return out;
}

// The actual table as PSV, projected to the expected header's columns.
Result<std::string> ActualPsv(const Lake& lake, const TableDef& def, std::optional<Date> partition,
                              const std::string& expected_text) {
  std::string header = expected_text.substr(0, expected_text.find('\n'));
  std::vector<std::string> columns;
  std::stringstream ss(header);
  for (std::string c; std::getline(ss, c, '|');) columns.push_back(c);
  ASSIGN_OR_RETURN(Table table, lake.Read(def, partition, columns));
  return testing::FormatPsv(table);
}

class GoldenCasesTest : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenCasesTest, Matches) {
  const fs::path dir = CasesDir() / GetParam();
  ASSERT_TRUE(fs::exists(dir / "README.md")) << dir << " has no README.md";
  const fs::path root =
      fs::temp_directory_path() / ("cinelake-golden-" + GetParam() + "-" + std::to_string(::getpid()));
  fs::remove_all(root);
  auto opened = Lake::Open(root.string(), Lake::OpenMode::kCreateIfMissing);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  Lake& lake = **opened;
  Status loaded = LoadTables(lake, dir / "input");
  ASSERT_TRUE(loaded.ok()) << loaded.ToString();

  std::stringstream steps(ReadText(dir / "run.txt"));
  int line_no = 0;
  for (std::string line; std::getline(steps, line);) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    SCOPED_TRACE("run.txt:" + std::to_string(line_no) + ": " + line);
    if (line.rfind("load ", 0) == 0) {
      Status st = LoadTables(lake, dir / line.substr(5));
      ASSERT_TRUE(st.ok()) << st.ToString();
      continue;
    }
    bool rerun = line.rfind("rerun ", 0) == 0;
    auto day = Date::Parse(rerun ? line.substr(6) : line);
    ASSERT_TRUE(day.ok()) << day.status().ToString();
    if (rerun) {
      ASSERT_TRUE(lake.Exists(TableByName(tables::kFactPopularity), *day)) << "rerun of a day never run";
    }
    StageMetrics metrics;
    JobContext ctx;
    ctx.lake = &lake;
    ctx.load_date = *day;
    ctx.run_id = "golden-" + day->ToString();
    ctx.metrics = &metrics;
    Status st = RunModelStage(ctx);
    ASSERT_TRUE(st.ok()) << st.ToString();
    st = RunFactStage(ctx);
    ASSERT_TRUE(st.ok()) << st.ToString();
  }

  const fs::path expected_dir = dir / "expected" / "gold";
  const TableDef& fact = TableByName(tables::kFactPopularity);
  auto fact_dates = lake.Partitions(fact);
  ASSERT_TRUE(fact_dates.ok()) << fact_dates.status().ToString();

  const char* update = std::getenv("CINELAKE_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    fs::create_directories(expected_dir);
    for (const auto& def : AllTables()) {
      if (def.layer != Layer::kGold) continue;
      std::vector<std::optional<Date>> parts;
      if (def.partitioned) {
        auto dates = lake.Partitions(def);
        ASSERT_TRUE(dates.ok());
        for (Date d : *dates) parts.emplace_back(d);
      } else if (lake.Exists(def)) {
        parts.emplace_back(std::nullopt);
      }
      for (const auto& p : parts) {
        auto table = lake.Read(def, p);
        ASSERT_TRUE(table.ok()) << table.status().ToString();
        std::string file = def.name + (p ? "@" + p->ToString() : "") + ".psv";
        std::ofstream(expected_dir / file, std::ios::binary) << testing::FormatPsv(*table);
      }
    }
    fs::remove_all(root);
    GTEST_SKIP() << "CINELAKE_UPDATE_GOLDEN=1: rewrote " << expected_dir << "; check it by hand";
  }

  ASSERT_TRUE(fs::exists(expected_dir)) << expected_dir << " is missing";
  std::set<Date> expected_fact;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(expected_dir)) {
    if (entry.path().extension() == ".psv") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  EXPECT_FALSE(files.empty()) << "no expected files in " << expected_dir;
  for (const auto& file : files) {
    auto name = ParseFileName(file);
    ASSERT_TRUE(name.ok()) << file << ": " << name.status().ToString();
    const TableDef* def = FindDef("gold", name->first);
    ASSERT_NE(def, nullptr) << file << ": no gold table " << name->first;
    if (def == &fact && name->second) expected_fact.insert(*name->second);
    std::string expected = ReadText(file);
    auto actual = ActualPsv(lake, *def, name->second, expected);
    if (!actual.ok()) {
      ADD_FAILURE() << file.filename() << ": " << actual.status().ToString();
      continue;
    }
    EXPECT_EQ(expected, *actual) << GetParam() << "/" << file.filename().string() << " differs:\n"
                                 << Diff(expected, *actual);
  }
  for (Date d : *fact_dates) {
    EXPECT_TRUE(expected_fact.contains(d))
        << "fact_popularity partition " << d.ToString() << " exists but " << GetParam()
        << " expects no such partition (add expected/gold/fact_popularity@" << d.ToString() << ".psv)";
  }
  fs::remove_all(root);
}

INSTANTIATE_TEST_SUITE_P(Cases, GoldenCasesTest, ::testing::ValuesIn(DiscoverCases()),
                         [](const ::testing::TestParamInfo<std::string>& info) { return info.param; });

// The cases the spec's defects and key rules require; a missing folder fails.
TEST(GoldenCasesInventoryTest, RequiredCasesArePresent) {
  std::vector<std::string> found = DiscoverCases();
  for (const char* name : {"first_day", "joiners", "leaver_once", "leaver_returns", "missing_day_gap",
                           "popularity_ties", "popularity_404", "dims_keep_leaver", "season_episode_keys",
                           "tmdb_person_prefix", "rerun_past_day", "content_error_keeps_previous"}) {
    EXPECT_NE(std::find(found.begin(), found.end(), name), found.end())
        << "test/cases/" << name << " missing";
  }
}

}  // namespace
}  // namespace cinelake
