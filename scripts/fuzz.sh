#!/usr/bin/env bash
# Runs every libFuzzer target built in BUILD_DIR for SECONDS each.
#
#   scripts/fuzz.sh BUILD_DIR SECONDS
#
# BUILD_DIR must be configured with -DCINELAKE_FUZZ=ON (clang). The corpus
# lives in BUILD_DIR/fuzz-corpus/<target>, seeded with valid Parquet files
# written by the ParquetSeed test when a cinelake_tests binary is present in
# BUILD_DIR (or in build/). Exits non-zero if any target finds a crash;
# crash inputs are kept in BUILD_DIR/fuzz-artifacts/<target>/.
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 BUILD_DIR SECONDS" >&2
  exit 2
fi
build=$(cd "$1" && pwd)
seconds=$2
root=$(cd "$(dirname "$0")/.." && pwd)

targets=()
for src in "$root"/fuzz/*_fuzz.cc; do
  name=$(basename "$src" .cc)
  [[ -x "$build/$name" ]] && targets+=("$name")
done
if [[ ${#targets[@]} -eq 0 ]]; then
  echo "no fuzz targets built in $build (configure with -DCINELAKE_FUZZ=ON and build them)" >&2
  exit 2
fi

seeds="$build/fuzz-seeds"
mkdir -p "$seeds"
for tests in "$build/cinelake_tests" "$root/build/cinelake_tests"; do
  if [[ -x "$tests" ]]; then
    CINELAKE_PARQUET_SEED_DIR="$seeds" "$tests" --gtest_filter='ParquetSeed.*' >/dev/null 2>&1 || true
    break
  fi
done

status=0
for name in "${targets[@]}"; do
  corpus="$build/fuzz-corpus/$name"
  artifacts="$build/fuzz-artifacts/$name"
  mkdir -p "$corpus" "$artifacts"
  cp -n "$seeds"/* "$corpus"/ 2>/dev/null || true
  echo "== $name: ${seconds}s, corpus $(ls "$corpus" | wc -l) files"
  if ! "$build/$name" "$corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix="$artifacts/" -print_final_stats=1 2>"$build/fuzz-$name.log"; then
    echo "!! $name found a crash; see $build/fuzz-$name.log and $artifacts/" >&2
    tail -40 "$build/fuzz-$name.log" >&2
    status=1
  else
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$build/fuzz-$name.log" || true
  fi
done
exit $status
