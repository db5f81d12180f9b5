// The dimensional model: stg enrichment snapshots -> gold dim_* and bridge_*
// (data-model.md "gold", defects 4 and 7). Pure functions over Tables; the
// stage (model_stage.h) does the lake IO.
//
// Contract:
//  - A title is REFRESHED when its stg content_detail row is new to gold or
//    its version (stg updated_at, else created_at, else the run's clock) is
//    >= gold dim_content.updated_at. Since stg holds every title's latest
//    enrichment, a normal run refreshes every enriched title with identical
//    values, and a re-enriched one with its new values.
//  - Dimensions are upserts: every key ever written stays; a key found in the
//    stg rows of refreshed titles takes those values, others keep gold's.
//    When several titles carry the same key (a person in two films), the row
//    of the most recently enriched title wins, then the smallest content_id,
//    then the first stg row.
//  - dim_content.created_at keeps gold's value; a new title takes stg
//    created_at (its first enrichment), else the run's clock. updated_at is
//    the title's version, i.e. when it was last enriched.
//  - Bridges: a refreshed title's rows are replaced by its current stg rows
//    (so a genre removed upstream leaves the bridge, while the genre stays in
//    dim_genre); titles not refreshed (absent from stg, or stg older than
//    gold) keep their gold rows. Rows are distinct on the bridge key (for
//    bridge_content_person the lowest order_no wins) and a row whose ends are
//    not both in their dimensions is dropped (and counted).
//  - Seasons are keyed <content_id>_S<ss>, episodes <content_id>_S<ss>_E<ee>,
//    two-digit zero padding, more digits past 99.
//  - Every output is sorted by its key (byte order), so a re-run with the same
//    inputs produces identical tables.
//
// Ownership: inputs are borrowed, outputs are the caller's. Thread-safety: pure, no shared state.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "table/table.h"

namespace cinelake::model {

// Tables by name ("content_detail", "dim_content", ...). A missing entry is
// read as an empty table of the declared schema.
using TableSet = std::map<std::string, Table, std::less<>>;

std::string SeasonKey(std::string_view content_id, int32_t season_number);
std::string EpisodeKey(std::string_view content_id, int32_t season_number, int32_t episode_number);

struct ModelStats {
  int64_t titles_refreshed = 0;
  int64_t titles_new = 0;
  int64_t bridge_rows_dropped = 0;  // an end missing from its dimension
};

// stg: the eight stg content_* tables (content_error is not needed).
// gold: the existing gold dims and bridges. now_micros: the run's clock.
// Returns every gold dim_* and bridge_* table, in its declared schema.
Result<TableSet> BuildGoldModel(const TableSet& stg, const TableSet& gold, int64_t now_micros,
                                ModelStats* stats = nullptr);

// Names of the tables BuildGoldModel reads and writes, in lineage order.
const std::vector<std::string>& ModelInputTables();
const std::vector<std::string>& ModelOutputTables();

}  // namespace cinelake::model
