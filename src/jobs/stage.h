// Stage: what a pipeline stage is, declared where it is implemented.
//
// Every stage states the lake tables it reads and writes and the APIs it
// calls. Nothing else in the tree repeats that: the orchestrator derives the
// step graph from it (a stage runs after every stage that writes a table it
// reads), the fact-beside-enrich parallelism follows from fact reading only
// raw/stg_popularity, retries are given to the stages that call an API, and
// the catalog describes exactly the tables the stages write.
//
// Reads come in two kinds. A kToday read needs this run's version of the
// table, so the reader runs after its writer. A kPrevious read wants the
// table as earlier runs left it (enrich_fetch reads yesterday's
// stg/content_detail to decide what is due); it orders nothing, and the
// derivation checks the writer runs downstream of the reader, so the reader
// can never see a half-updated table.
//
// Declarations are plain values, immutable once built; `run` must be safe to
// call from any thread, one call at a time per stage.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "common/status.h"
#include "jobs/job_context.h"

namespace cinelake {

enum class Api { kImdb, kTmdb };

struct TableRead {
  enum class Version { kToday, kPrevious };
  std::string table;  // TableDef::name
  Version version = Version::kToday;
};

struct StageDecl {
  std::string name;
  std::vector<TableRead> reads;
  std::vector<std::string> writes;  // TableDef::name; a stage may also read what it writes
  std::vector<Api> calls;
  std::function<Status(const JobContext&)> run;
};

inline TableRead Today(std::string_view table) {
  return {std::string(table), TableRead::Version::kToday};
}
inline TableRead Previous(std::string_view table) {
  return {std::string(table), TableRead::Version::kPrevious};
}

}  // namespace cinelake
