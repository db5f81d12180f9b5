// Data-driven golden cases over every stage (test/cases/).
//
// Each folder test/cases/<case>/ holds:
//   README.md                       what the case pins
//   input/<layer>/<table>[@YYYY-MM-DD].psv   written into a fresh temp lake
//   api/<path>                      optional: the APIs' answers, one file per
//                                   request path (CaseTransport below); a
//                                   request with no file is answered 404
//   exports/<file>.json.gz          optional: TMDB's daily export files, read
//                                   through a file:// base URL (a missing day
//                                   is a 404)
//   run.txt                         steps, one a line ('#' comments):
//                                     YYYY-MM-DD [stage,...]   run those stages (by their
//                                                       declared names, in that order;
//                                                       default: model,fact) for that day
//                                     rerun YYYY-MM-DD  the same, for a day whose fact
//                                                       partition must already exist
//                                     load <folder>     write <case>/<folder>/<layer>/...
//                                                       into the lake (e.g. corrected raw)
//   expected/<layer>/<table>[@YYYY-MM-DD].psv   compared after the last step
// Every table a step's stages write (their declarations, jobs/stage.h) must
// have an expected file for every partition present, and every expected
// file lists every column of its table: no output goes unchecked.
// CINELAKE_UPDATE_GOLDEN=1 rewrites expected/ from the lake instead of
// comparing (then every file must be checked by hand before committing).
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "jobs/job_context.h"
#include "jobs/stage.h"
#include "jobs/testing/psv.h"
#include "lake/lake.h"
#include "lake/schemas.h"
#include "orchestrator/pipeline.h"
#include "sources/api_clients.h"
#include "sources/transport.h"

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

// Answers each request from <case>/api/<host-relative path>, the query
// string appended with '?' turned into '@' and '&' into '+', e.g.
// "tmdb/3/movie/11@append_to_response=credits". No file: 404.
class CaseTransport final : public Transport {
 public:
  explicit CaseTransport(fs::path dir) : dir_(std::move(dir)) {}
  Result<HttpResponse> Perform(const HttpRequest& request) override {
    std::string url = request.url;
    size_t scheme = url.find("://");
    size_t path_start = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
    std::string path = path_start == std::string::npos ? "" : url.substr(path_start + 1);
    for (char& c : path) {
      if (c == '?') c = '@';
      if (c == '&') c = '+';
    }
    HttpResponse response;
    response.headers["content-type"] = "application/json";
    fs::path file = dir_ / path;
    if (path.find("..") != std::string::npos || !fs::is_regular_file(file)) {
      response.status = 404;
      response.body = "{\"message\":\"not found\"}";
      return response;
    }
    response.status = 200;
    response.body = ReadText(file);
    return response;
  }

 private:
  fs::path dir_;
};

// The clients of a case: both APIs at one fake host, answered from api/.
std::unique_ptr<ApiClients> CaseClients(const fs::path& api_dir, const fs::path& exports_dir) {
  ApiConfig config;
  config.export_base_url = "file://" + exports_dir.string();
  config.export_attempts = 1;
  config.imdb_base_url = "http://case.invalid/imdb";
  config.tmdb_base_url = "http://case.invalid/tmdb";
  config.imdb_key = "case-imdb-key";
  config.tmdb_token = "case-tmdb-token";
  config.imdb_limits = {1000, 1000, 4};
  config.tmdb_limits = {1000, 1000, 4};
  config.max_attempts = 1;  // an answer is a file or a 404: nothing to retry
  return std::make_unique<ApiClients>(config, std::make_shared<CaseTransport>(api_dir));
}

const StageDecl* FindStage(const std::vector<StageDecl>& stages, const std::string& name) {
  for (const auto& s : stages) {
    if (s.name == name) return &s;
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
  if (!fs::is_directory(dir)) return Status::OK();  // a case fed only by api/
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

  const std::vector<StageDecl> stages = PipelineStages({});
  std::unique_ptr<ApiClients> apis;
  if (fs::is_directory(dir / "api") || fs::is_directory(dir / "exports")) {
    apis = CaseClients(dir / "api", dir / "exports");
  }
  std::set<std::string> written;  // tables the stages run declare they write

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
    std::stringstream words(rerun ? line.substr(6) : line);
    std::string date_text, stage_list = "model,fact";
    words >> date_text >> stage_list;
    auto day = Date::Parse(date_text);
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
    ctx.apis = apis.get();
    // A pinned wall clock (2026-01-01T00:00:00Z), so files that record when
    // something happened compare equal.
    ctx.wall_clock_micros = [] { return int64_t{1'767'225'600'000'000}; };
    std::stringstream names(stage_list);
    for (std::string name; std::getline(names, name, ',');) {
      const StageDecl* stage = FindStage(stages, name);
      ASSERT_NE(stage, nullptr) << "no stage '" << name << "'";
      if (!stage->calls.empty()) {
        ASSERT_NE(apis, nullptr) << name << " calls an API: the case needs api/";
      }
      Status st = stage->run(ctx);
      ASSERT_TRUE(st.ok()) << name << ": " << st.ToString();
      for (const auto& table : stage->writes) written.insert(table);
    }
  }

  // Every file the stages wrote: (table, partition) -> its expected file name.
  std::map<std::string, const TableDef*> outputs;
  for (const auto& name : written) {
    const TableDef& def = TableByName(name);
    std::vector<std::optional<Date>> parts;
    if (def.partitioned) {
      auto dates = lake.Partitions(def);
      ASSERT_TRUE(dates.ok()) << dates.status().ToString();
      for (Date d : *dates) parts.emplace_back(d);
    } else if (lake.Exists(def)) {
      parts.emplace_back(std::nullopt);
    }
    for (const auto& p : parts) {
      outputs[std::string(LayerName(def.layer)) + "/" + def.name + (p ? "@" + p->ToString() : "") + ".psv"] =
          &def;
    }
  }

  const fs::path expected_dir = dir / "expected";
  const char* update = std::getenv("CINELAKE_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    for (const auto& [file, def] : outputs) {
      auto name = ParseFileName(expected_dir / file);
      ASSERT_TRUE(name.ok());
      auto table = lake.Read(*def, name->second);
      ASSERT_TRUE(table.ok()) << table.status().ToString();
      fs::create_directories((expected_dir / file).parent_path());
      std::ofstream(expected_dir / file, std::ios::binary) << testing::FormatPsv(*table);
    }
    fs::remove_all(root);
    GTEST_SKIP() << "CINELAKE_UPDATE_GOLDEN=1: rewrote " << expected_dir << "; check it by hand";
  }

  ASSERT_TRUE(fs::exists(expected_dir)) << expected_dir << " is missing";
  std::set<std::string> expected_files;
  for (const auto& entry : fs::recursive_directory_iterator(expected_dir)) {
    if (entry.path().extension() != ".psv") continue;
    expected_files.insert(fs::relative(entry.path(), expected_dir).generic_string());
  }
  EXPECT_FALSE(expected_files.empty()) << "no expected files in " << expected_dir;
  for (const auto& [file, def] : outputs) {
    EXPECT_TRUE(expected_files.contains(file))
        << GetParam() << " wrote " << file << " but has no expected/" << file << " to check it against";
  }
  for (const auto& file : expected_files) {
    auto name = ParseFileName(expected_dir / file);
    ASSERT_TRUE(name.ok()) << file << ": " << name.status().ToString();
    const std::string layer = fs::path(file).parent_path().generic_string();
    const TableDef* def = FindDef(layer, name->first);
    ASSERT_NE(def, nullptr) << file << ": no table " << layer << "/" << name->first;
    std::string expected = ReadText(expected_dir / file);
    std::string header = expected.substr(0, expected.find('\n'));
    std::string full_header;
    for (const auto& f : def->schema.fields()) {
      if (!full_header.empty()) full_header += '|';
      full_header += f.name;
    }
    EXPECT_EQ(header, full_header) << GetParam() << "/" << file << " must list every column of " << def->name;
    auto actual = ActualPsv(lake, *def, name->second, expected);
    if (!actual.ok()) {
      ADD_FAILURE() << file << ": " << actual.status().ToString();
      continue;
    }
    EXPECT_EQ(expected, *actual) << GetParam() << "/" << file << " differs:\n" << Diff(expected, *actual);
  }
  fs::remove_all(root);
}

INSTANTIATE_TEST_SUITE_P(Cases, GoldenCasesTest, ::testing::ValuesIn(DiscoverCases()),
                         [](const ::testing::TestParamInfo<std::string>& info) { return info.param; });

// The cases the spec's defects and key rules require; a missing folder fails.
TEST(GoldenCasesInventoryTest, RequiredCasesArePresent) {
  std::vector<std::string> found = DiscoverCases();
  for (const char* name : {"first_day",
                           "joiners",
                           "leaver_once",
                           "leaver_returns",
                           "missing_day_gap",
                           "popularity_ties",
                           "popularity_404",
                           "dims_keep_leaver",
                           "season_episode_keys",
                           "tmdb_person_prefix",
                           "rerun_past_day",
                           "content_error_keeps_previous",
                           "api_first_day",
                           "chart_streak_resumed",
                           "chart_gap_day",
                           "chart_rerun_streaks",
                           "chart_peak_ties",
                           "catalog_ties",
                           "catalog_leaver_returns",
                           "catalog_missing_day",
                           "catalog_dirty_lines"}) {
    EXPECT_NE(std::find(found.begin(), found.end(), name), found.end())
        << "test/cases/" << name << " missing";
  }
}

}  // namespace
}  // namespace cinelake
