#!/usr/bin/env bash
# Runs every benchmark and prints cinelake's figures against DuckDB's.
#
#   scripts/bench.sh BUILD_DIR        (what `make bench` calls)
#
# Runs each BUILD_DIR/<name> built from bench/<name>.cc (*_bench.cc), then each
# bench/*.mjs with node. Benchmarks print "key value" lines; those are
# collected into BUILD_DIR/bench-results.txt, and the Parquet figures are
# tabled with the ratio cinelake / DuckDB (below 1.0 means cinelake is faster
# or smaller). A .mjs bench may read the earlier results through the
# CINELAKE_BENCH_RESULTS file (parquet_duckdb.mjs uses it to find, check and
# read cinelake's file). .mjs benches get CINELAKE_BIN=BUILD_DIR/cinelake and
# CINELAKE_BUILD_DIR (dashboard_bench.mjs serves a 365-day lake with it and
# loads it with wrk). Exits non-zero if any benchmark fails to run.
set -uo pipefail

if [[ $# -ne 1 ]]; then
  echo "usage: $0 BUILD_DIR" >&2
  exit 2
fi
build_dir=$(cd "$1" 2>/dev/null && pwd) || { echo "bench: no build folder '$1'" >&2; exit 2; }
root=$(cd "$(dirname "$0")/.." && pwd)
results="$build_dir/bench-results.txt"
: >"$results"
failed=()

run_bench() {  # name, command...
  local name=$1
  shift
  echo "== $name"
  local out
  if ! out=$("$@" 2> >(sed "s/^/[$name] /" >&2)); then
    echo "bench: $name FAILED" >&2
    failed+=("$name")
  fi
  printf '%s\n' "$out"
  printf '%s\n' "$out" | grep -E '^[A-Za-z0-9_.]+ [^ ]+$' >>"$results" || true
}

shopt -s nullglob
for src in "$root"/bench/*_bench.cc; do
  name=$(basename "$src" .cc)
  exe="$build_dir/$name"
  if [[ ! -x "$exe" ]]; then
    echo "bench: $exe was not built (configure with -DCINELAKE_BENCH=ON)" >&2
    failed+=("$name")
    continue
  fi
  run_bench "$name" "$exe"
done

cinelake_file=$(awk '$1 == "cinelake_file" {print $2}' "$results" | tail -n 1)
for script in "$root"/bench/*.mjs; do
  name=$(basename "$script" .mjs)
  extra=()
  if [[ "$name" == parquet_duckdb && -n "$cinelake_file" && -f "$cinelake_file" ]]; then
    extra=(--cinelake-file "$cinelake_file" --check)
  fi
  run_bench "$name" env CINELAKE_BENCH_RESULTS="$results" CINELAKE_BIN="$build_dir/cinelake" \
    CINELAKE_BUILD_DIR="$build_dir" node "$script" "${extra[@]}"
done

# ---- the Parquet table -----------------------------------------------------
get() { awk -v k="$1" '$1 == k {v = $2} END {if (v != "") print v}' "$results"; }
ratio() { [[ -n "$1" && -n "$2" ]] && awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.2f", a / b; else print "-"}' || echo "-"; }
row() {  # label, cinelake key, duckdb key (threads=1), duckdb key (default threads)
  local c d1 dn
  c=$(get "$2"); d1=$(get "$3"); dn=$(get "$4")
  printf '%-34s %12s %14s %8s %16s %8s\n' "$1" "${c:--}" "${d1:--}" "$(ratio "$c" "$d1")" "${dn:--}" "$(ratio "$c" "$dn")"
}

echo
echo "Parquet, $(get cinelake_rows) fact_popularity rows, snappy, best of 5 (ms; bytes)"
printf '%-34s %12s %14s %8s %16s %8s\n' "" "cinelake" "DuckDB 1 thr" "ratio" "DuckDB $(get duckdb_threads_default) thr" "ratio"
row "write (file on disk)" cinelake_write_ms duckdb_t1_write_ms duckdb_tdefault_write_ms
row "read all columns into memory" cinelake_read_ms duckdb_t1_read_ms duckdb_tdefault_read_ms
row "  (DuckDB: SELECT * result set)" cinelake_read_ms duckdb_t1_read_result_ms duckdb_tdefault_read_result_ms
row "DuckDB reads cinelake's file" "" duckdb_t1_read_cinelake_file_ms duckdb_tdefault_read_cinelake_file_ms
row "DuckDB aggregate scan (context)" "" duckdb_t1_scan_ms duckdb_tdefault_scan_ms
c=$(get cinelake_file_bytes); d=$(get duckdb_file_bytes)
printf '%-34s %12s %14s %8s\n' "file size" "${c:--}" "${d:--}" "$(ratio "$c" "$d")"
echo "(ratio = cinelake / DuckDB; target <= 1.0; all figures also in $results)"

# ---- the clients -------------------------------------------------------------
if [[ -n "$(get clients_ratio)" ]]; then
  echo
  echo "Clients: $(get clients_titles) TMDB details through the sandbox, 50 ms latency, 40 req/s limit"
  printf '%-58s %10s %10s\n' "wall / floor (requests / limit)" "$(get clients_ratio)" "<= 1.1"
  printf '%-58s %10s\n' "    wall s / floor s" "$(get clients_wall_s) / $(get clients_floor_s)"
  printf '%-58s %10s %10s\n' "rate-limit violations seen by the sandbox" "$(get clients_rate_limit_violations)" "0"
fi

# ---- the pipeline ------------------------------------------------------------
if [[ -n "$(get pipeline_day_ratio)" ]]; then
  echo
  echo "Pipeline"
  printf '%-58s %10s %10s\n' "" "measured" "target"
  printf '%-58s %10s %10s\n' "(a) sandbox day, 50 ms latency: wall / rate-limit floor" "$(get pipeline_day_ratio)" "<= 1.15"
  printf '%-58s %10s\n' "    wall s / floor s ($(get pipeline_day_requests_imdb) IMDB, $(get pipeline_day_requests_tmdb) TMDB requests)" "$(get pipeline_day_wall_s) / $(get pipeline_day_floor_s)"
  printf '%-58s %10s %10s\n' "(b) requests per steady day vs the original's scheme" "$(get requests_ratio)" "<= 0.25"
  printf '%-58s %10s\n' "    ours / original per day over $(get requests_days) days" "$(get requests_ours_per_day) / $(get requests_original_per_day)"
  printf '%-58s %10s %10s\n' "(c) CPU seconds of a zero-latency day, ingest..catalog" "$(get pipeline_cpu_s)" "< 1"
fi

# ---- the whole catalog -----------------------------------------------------
if [[ -n "$(get catalog_time_ratio)" ]]; then
  echo
  echo "Whole catalog: one day of $(get catalog_rows) gold rows from TMDB-size export files (both files, raw + gold)"
  printf '%-58s %10s %10s\n' "" "measured" "target"
  printf '%-58s %10s %10s\n' "wall, cinelake / DuckDB (same files, same run)" "$(get catalog_time_ratio)" "<= 0.4"
  printf '%-58s %10s\n' "    cinelake ms / DuckDB ms" "$(get catalog_cinelake_ms) / $(get catalog_duckdb_ms)"
  printf '%-58s %10s %10s\n' "peak memory (MB)" "$(get catalog_peak_rss_mb)" "<= 400"
  printf '%-58s %10s %10s\n' "gold bytes, cinelake / DuckDB zstd" "$(get catalog_gold_ratio)" "<= 0.9"
  printf '%-58s %10s\n' "    bytes" "$(get catalog_gold_bytes) / $(get catalog_duckdb_gold_bytes)"
fi

# ---- the dashboard ---------------------------------------------------------
if [[ -n "$(get dashboard_landing_p95_ms)" ]]; then
  echo
  echo "Dashboard landing API, $(get dashboard_days) days ($(get dashboard_lake)), loopback"
  printf '%-34s %12s %14s\n' "" "measured" "target"
  printf '%-34s %12s %14s\n' "p95 latency, sequential (ms)" "$(get dashboard_landing_p95_ms)" "<= $(get dashboard_landing_target_p95_ms)"
  printf '%-34s %12s %14s\n' "wrk req/s ($(get dashboard_wrk_connections) conns, $(get dashboard_wrk_seconds)s)" "$(get dashboard_wrk_rps)" "-"
  printf '%-34s %12s %14s\n' "wrk errors" "$(get dashboard_wrk_errors)" "0"
fi

# parquet_bench leaves its file for the DuckDB side to check and read.
[[ -n "$cinelake_file" && "$cinelake_file" == */cinelake_parquet_bench.*.parquet ]] && rm -f "$cinelake_file"

if ((${#failed[@]})); then
  echo "bench: failed: ${failed[*]}" >&2
  exit 1
fi
