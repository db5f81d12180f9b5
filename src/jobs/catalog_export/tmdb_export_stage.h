// The catalog branch's fetch step: TMDB's daily export files into
// raw/tmdb_export, with raw/tmdb_export_log recording each day's fate.
//
// A day is fetched when it is the run's load_date (unless already loaded or
// gone) or an earlier day the log holds as pending. Both files of a day are
// streamed concurrently (sources/tmdb_export_file.h), each with up to
// exports.attempts tries; the day's partition is written only when both
// arrived whole, so a day is complete or absent. Then, per day:
//   loaded         both files parsed; rows, malformed lines, duplicate ids kept
//   not_published  a file answered 404 (or S3's 403) and no later day is loaded yet: TMDB
//                  publishes around 07:00-08:00 UTC, so a run before that
//                  leaves the day for a later run to pick up
//   failed         a transfer kept failing (stall, truncated gzip, 5xx):
//                  fetched again by later runs
//   gone           a 404 while a later day is loaded (TMDB deletes files
//                  after about three months, and publishes in date order),
//                  or pending for more than kPendingDays: never asked again
// None of these fails the step, so the top-list part of the day never waits
// on the export host; only a lake write error does. Counters:
// rows.tmdb_export, catalog.days_loaded / days_pending / days_gone,
// catalog.malformed_lines, catalog.duplicate_ids.
//
// Thread-safety: may run beside the top-list stages (no API quota is shared); writes only its own tables.
#pragma once

#include "common/status.h"
#include "jobs/job_context.h"
#include "jobs/stage.h"

namespace cinelake {

inline constexpr int kPendingDays = 100;

Status RunTmdbExportStage(const JobContext& ctx);
StageDecl TmdbExportStage();  // "tmdb_export" (jobs/stage.h)

}  // namespace cinelake
