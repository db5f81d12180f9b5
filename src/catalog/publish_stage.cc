#include "catalog/publish_stage.h"

#include <optional>

#include "common/log.h"
#include "lake/gold_commit.h"
#include "lake/schemas.h"

namespace cinelake {

Status RunPublishStage(const JobContext& ctx) {
  if (ctx.lake == nullptr) return Status::Internal("publish stage: no lake");
  Lake& lake = *ctx.lake;
  Storage& storage = lake.storage();
  std::optional<GoldCommit> previous;
  auto marker = ReadGoldCommit(storage);
  if (marker.ok()) {
    previous = std::move(marker).value();
  } else if (!marker.status().IsNotFound()) {
    spdlog::warn("publish: {}; every gold file is checked afresh", Redact(marker.status().ToString()));
  }
  ASSIGN_OR_RETURN(std::vector<LiveGoldFile> live, ListLiveGoldFiles(storage));
  GoldCommit commit;
  commit.run_id = ctx.run_id;
  commit.load_date = ctx.load_date;
  for (const LiveGoldFile& f : live) {
    if (ctx.Cancelled()) return Status::Aborted("publish stage cancelled");
    std::string bytes;
    RETURN_IF_ERROR(storage.Read(f.path, &bytes));
    GoldFile described = DescribeGoldFile(f.path, bytes);
    const GoldFile* was = previous ? previous->Find(f.path) : nullptr;
    bool unchanged = was != nullptr && was->size == described.size && was->crc32 == described.crc32;
    if (!unchanged) {
      Status readable = lake.Decode(*f.def, f.path, bytes).status();
      if (!readable.ok()) {
        bool this_runs = !f.partition || *f.partition >= ctx.load_date;
        if (this_runs) return readable.WithContext("publish: a gold file of this run does not read back");
        spdlog::warn("publish: leaving out an unreadable gold file: {}", Redact(readable.ToString()));
        commit.left_out.push_back(UnreadableFile{f.path, Redact(readable.ToString())});
        ctx.Count("publish.unreadable_files", 1);
        continue;
      }
    }
    commit.files.push_back(std::move(described));
  }
  RETURN_IF_ERROR(PublishGoldCommit(storage, &commit));
  ctx.Count("publish.files", static_cast<int64_t>(commit.files.size()));
  if (ctx.metrics != nullptr) ctx.metrics->Set("publish.sequence", commit.sequence);
  return Status::OK();
}

StageDecl PublishStage(const std::vector<StageDecl>& described) {
  StageDecl decl{"publish", {}, {}, {}, &RunPublishStage};
  for (const StageDecl& stage : described) {
    for (const auto& table : stage.writes) {
      if (TableByName(table).layer == Layer::kGold) decl.reads.push_back(Today(table));
    }
  }
  return decl;
}

}  // namespace cinelake
