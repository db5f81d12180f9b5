#include "jobs/catalog_export/tmdb_export_stage.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <optional>
#include <thread>

#include "common/log.h"
#include "jobs/catalog_export/raw_export.h"
#include "lake/schemas.h"
#include "sources/api_clients.h"
#include "sources/tmdb_export_file.h"

namespace cinelake {

namespace {

constexpr std::string_view kLoaded = "loaded";
constexpr std::string_view kNotPublished = "not_published";
constexpr std::string_view kFailed = "failed";
constexpr std::string_view kGone = "gone";

struct DayLog {
  std::string state;
  std::optional<int64_t> movie_lines, series_lines, rows, malformed, duplicates;
  std::optional<int32_t> http_status;
  std::string detail;
  std::string run_id;
  int64_t checked_at = 0;

  bool pending() const { return state == kNotPublished || state == kFailed; }
};

std::optional<int64_t> OptInt64(const Column& c, size_t i) {
  return c.IsNull(i) ? std::nullopt : std::optional<int64_t>(c.Int64(i));
}

Result<std::map<Date, DayLog>> ReadLog(const Lake& lake) {
  ASSIGN_OR_RETURN(Table t, lake.ReadOrEmpty(TableByName(tables::kTmdbExportLog)));
  std::map<Date, DayLog> log;
  for (size_t i = 0; i < t.num_rows(); ++i) {
    DayLog d;
    d.state = std::string(t.column("state").String(i));
    d.movie_lines = OptInt64(t.column("movie_lines"), i);
    d.series_lines = OptInt64(t.column("series_lines"), i);
    d.rows = OptInt64(t.column("rows"), i);
    d.malformed = OptInt64(t.column("malformed_lines"), i);
    d.duplicates = OptInt64(t.column("duplicate_ids"), i);
    const Column& status = t.column("http_status");
    if (status.IsValid(i)) d.http_status = status.Int32(i);
    if (t.column("detail").IsValid(i)) d.detail = std::string(t.column("detail").String(i));
    d.run_id = std::string(t.column("run_id").String(i));
    d.checked_at = t.column("checked_at").Int64(i);
    log[Date{t.column("load_date").Int32(i)}] = std::move(d);
  }
  return log;
}

Status WriteLog(Lake& lake, const std::map<Date, DayLog>& log) {
  const TableDef& def = TableByName(tables::kTmdbExportLog);
  Table t(def.schema);
  auto opt = [](Column& c, const std::optional<int64_t>& v) {
    if (v)
      c.AppendInt64(*v);
    else
      c.AppendNull();
  };
  for (const auto& [day, d] : log) {
    t.column("load_date").AppendInt32(day.days);
    t.column("state").AppendString(d.state);
    opt(t.column("movie_lines"), d.movie_lines);
    opt(t.column("series_lines"), d.series_lines);
    opt(t.column("rows"), d.rows);
    opt(t.column("malformed_lines"), d.malformed);
    opt(t.column("duplicate_ids"), d.duplicates);
    if (d.http_status)
      t.column("http_status").AppendInt32(*d.http_status);
    else
      t.column("http_status").AppendNull();
    if (d.detail.empty())
      t.column("detail").AppendNull();
    else
      t.column("detail").AppendString(d.detail);
    t.column("run_id").AppendString(d.run_id);
    t.column("checked_at").AppendInt64(d.checked_at);
  }
  return lake.Write(def, t);
}

// One file, retried on transfer failures and 5xx; a 404 or other 4xx is final.
struct FileOutcome {
  Status error;  // set when no answer came through
  ExportFile file;
};

bool SleepUnlessCancelled(const JobContext& ctx, int ms) {
  for (int slept = 0; slept < ms; slept += 50) {
    if (ctx.Cancelled()) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return !ctx.Cancelled();
}

FileOutcome FetchFile(const JobContext& ctx, const ApiConfig& config, ExportKind kind, Date day) {
  StreamDownloadOptions options;
  options.connect_timeout_ms = config.connect_timeout_ms;
  options.timeout_ms = config.export_timeout_ms;
  options.stall_ms = config.export_stall_ms;
  FileOutcome out;
  for (int attempt = 1; attempt <= config.export_attempts; ++attempt) {
    auto r = FetchExportFile(config.export_base_url, kind, day, options, ctx.cancel);
    if (r.ok() && r->http_status < 500 && r->http_status != 429) {
      out.error = Status::OK();
      out.file = std::move(r).value();
      return out;
    }
    out.error = r.ok()
                    ? Status::Network(ExportFileName(kind, day) + ": HTTP " + std::to_string(r->http_status))
                    : r.status().WithContext(ExportFileName(kind, day));
    if (out.error.code() == Status::Code::kAborted) return out;
    spdlog::warn("tmdb_export: attempt {} of {} failed: {}", attempt, config.export_attempts,
                 out.error.ToString());
    if (attempt < config.export_attempts && !SleepUnlessCancelled(ctx, 500 * attempt)) {
      out.error = Status::Aborted("tmdb_export cancelled");
      return out;
    }
  }
  return out;
}

// Fetches both files of `day`; writes its partition when both arrived.
Result<DayLog> FetchDay(const JobContext& ctx, const ApiConfig& config, Date day) {
  FileOutcome series;
  std::thread series_thread([&] { series = FetchFile(ctx, config, ExportKind::kSeries, day); });
  FileOutcome movies = FetchFile(ctx, config, ExportKind::kMovie, day);
  series_thread.join();
  DayLog d;
  d.run_id = ctx.run_id;
  d.checked_at = ctx.WallMicros();
  for (const FileOutcome* f : {&movies, &series}) {
    if (f->error.code() == Status::Code::kAborted) return f->error;
  }
  for (const FileOutcome* f : {&movies, &series}) {
    if (!f->error.ok()) {
      d.state = kFailed;
      d.detail = f->error.ToString();
      return d;
    }
  }
  for (const FileOutcome* f : {&movies, &series}) {
    if (f->file.http_status != 200) {
      // S3, which serves the files, answers 403 for a missing key when listing is not allowed.
      bool missing = f->file.http_status == 404 || f->file.http_status == 403;
      d.state = missing ? kNotPublished : kFailed;
      d.http_status = f->file.http_status;
      d.detail = (f == &movies ? ExportFileName(ExportKind::kMovie, day)
                               : ExportFileName(ExportKind::kSeries, day)) +
                 ": HTTP " + std::to_string(f->file.http_status);
      return d;
    }
  }
  catalog_export::RawExportStats stats;
  Table rows = catalog_export::BuildRawExport(movies.file.batch, series.file.batch, &stats);
  d.state = kLoaded;
  d.http_status = 200;
  d.movie_lines = movies.file.batch.lines;
  d.series_lines = series.file.batch.lines;
  d.rows = stats.rows;
  d.malformed = movies.file.batch.malformed + series.file.batch.malformed;
  d.duplicates = stats.duplicate_ids;
  std::string examples;
  for (const FileOutcome* f : {&movies, &series}) {
    for (const auto& e : f->file.batch.malformed_examples) {
      examples += (examples.empty() ? "" : "; ") +
                  (f == &movies ? std::string("movies ") : std::string("series ")) + e;
    }
  }
  // The parsed columns are in `rows` now: free them before encoding doubles the peak.
  movies.file.batch = ExportBatch();
  series.file.batch = ExportBatch();
  parquet::WriteOptions options;
  options.codec = parquet::Codec::kZstd;
  RETURN_IF_ERROR(ctx.lake->Write(TableByName(tables::kTmdbExport), rows, day, options));
  if (*d.malformed > 0) {
    d.detail = "malformed lines skipped, e.g. " + examples;
    spdlog::warn("tmdb_export {}: {} malformed lines skipped ({})", day.ToString(), *d.malformed, examples);
  }
  ctx.Count("rows.tmdb_export", stats.rows);
  ctx.Count("catalog.malformed_lines", *d.malformed);
  ctx.Count("catalog.duplicate_ids", stats.duplicate_ids);
  return d;
}

}  // namespace

Status RunTmdbExportStage(const JobContext& ctx) {
  if (ctx.lake == nullptr || ctx.apis == nullptr)
    return Status::Internal("tmdb_export stage: no lake or config");
  const ApiConfig& config = ctx.apis->config();
  ASSIGN_OR_RETURN(auto log, ReadLog(*ctx.lake));
  std::vector<Date> days;
  for (const auto& [day, d] : log) {
    if (d.pending() && day != ctx.load_date) days.push_back(day);
  }
  auto today = log.find(ctx.load_date);
  if (today == log.end() || today->second.pending()) days.push_back(ctx.load_date);
  std::sort(days.begin(), days.end());

  for (Date day : days) {
    if (day.days < ctx.load_date.days - kPendingDays) {
      DayLog& d = log[day];
      d.state = kGone;
      d.detail = "still missing " + std::to_string(kPendingDays) + " days later";
      continue;
    }
    if (ctx.Cancelled()) return Status::Aborted("tmdb_export cancelled before " + day.ToString());
    ASSIGN_OR_RETURN(DayLog d, FetchDay(ctx, config, day));
    if (d.state != kLoaded) spdlog::warn("tmdb_export {}: {} ({})", day.ToString(), d.state, d.detail);
    log[day] = std::move(d);
  }
  // TMDB publishes in date order: a 404 before a loaded day will never turn up.
  std::optional<Date> newest_loaded;
  for (const auto& [day, d] : log) {
    if (d.state == kLoaded) newest_loaded = day;
  }
  int64_t pending = 0, gone = 0, loaded = 0;
  for (auto& [day, d] : log) {
    if (d.state == kNotPublished && newest_loaded && day < *newest_loaded) {
      d.state = kGone;
      d.detail += "; a later day is published, so this file is deleted or was never made";
    }
  }
  for (Date day : days) {
    const DayLog& d = log[day];
    pending += d.pending() ? 1 : 0;
    gone += d.state == kGone ? 1 : 0;
    loaded += d.state == kLoaded ? 1 : 0;
  }
  ctx.Count("catalog.days_loaded", loaded);
  ctx.Count("catalog.days_pending", pending);
  ctx.Count("catalog.days_gone", gone);
  return WriteLog(*ctx.lake, log);
}

StageDecl TmdbExportStage() {
  // Reads and writes only its own tables: it runs beside every other stage.
  return {"tmdb_export",
          {Today(tables::kTmdbExportLog)},
          {std::string(tables::kTmdbExport), std::string(tables::kTmdbExportLog)},
          {},
          &RunTmdbExportStage};
}

}  // namespace cinelake
