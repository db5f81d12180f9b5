// A deterministic, small but complete gold lake for the dashboard's tests.
//
// MakeFixtureGold() builds every gold table in memory from a fixed seed:
// ~150 titles (movies and series, some released in the future), people with
// billing order and characters, genres, interests, networks, production
// companies, seasons and episodes (standard, mid_season and finale types),
// and `days` consecutive daily fact_popularity partitions ending on
// `last_day`, ranked as data-model.md says (popularity desc, content_id asc)
// with joiners, leavers (exactly once) and rank changes. Some titles are made
// to satisfy each dashboard KPI on every day, and one title is named
// "<img src=x onerror=alert(1)>" to test escaping. Same inputs, same tables.
//
// Test-only. The tables returned are the caller's; no shared state, so safe
// from any thread; no errors (the options are trusted test input).
#pragma once

#include "common/date.h"
#include "serve/gold.h"

namespace cinelake::serve::testing {

struct FixtureOptions {
  int days = 30;
  int titles = 150;
  Date last_day = Date::FromYmd(2026, 11, 23);
  uint64_t seed = 20260223;
};

inline constexpr const char* kXssTitle = "<img src=x onerror=alert(1)>";

GoldTables MakeFixtureGold(const FixtureOptions& options);

}  // namespace cinelake::serve::testing
