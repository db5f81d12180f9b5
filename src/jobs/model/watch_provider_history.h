// Where-to-watch history: the daily stg/content_watch_provider snapshots ->
// gold/dim_watch_provider and gold/bridge_content_watch_provider. Pure
// functions over Tables; the model stage (model_stage.h) does the lake IO.
//
// Contract (the README's "Where to watch" rules):
//  - A title's CHECKS are the days with any stg row for it (its TMDB detail
//    answered with watch providers). Days it was not checked (off the lists,
//    or its detail failed) neither end nor extend an offer.
//  - An offer is (content_id, country, provider_id, offer_type). Each maximal
//    run of consecutive checks on which it is present is one bridge row:
//    valid_from = the run's first check, valid_to = its last check (the last
//    day seen; inclusive), NULL while the run reaches the title's latest
//    check. Absent on a check, then present again: a new row (re-added). An
//    offer type change is one row closed and another opened.
//  - display_priority is the run's last check's; seen_on_first_check is true
//    when the run starts on the title's first check (the offer was already
//    there, not newly added); last_checked is the title's latest check.
//  - dim_watch_provider: one row per provider_id ever seen, name and logo from
//    its latest day (then smallest content_id, country, offer_type),
//    first_seen / last_seen the first and last day it was offered.
//  - Both are recomputed from every snapshot on every run, so re-running a
//    past day gives what running the days in order gives (defect 6). Outputs
//    are sorted by their keys.
//
// Ownership: the result is the caller's. Thread-safety: pure, no shared state.
// Errors: InvalidArgument when the snapshots lack the stg table's columns.
#pragma once

#include "common/status.h"
#include "table/table.h"

namespace cinelake::model {

struct WatchProviderGold {
  Table dim_watch_provider;
  Table bridge_content_watch_provider;
};

// snapshots: stg/content_watch_provider with its trailing loadDate column
// (Lake::ReadAllPartitions).
Result<WatchProviderGold> BuildWatchProviderHistory(const Table& snapshots);

}  // namespace cinelake::model
