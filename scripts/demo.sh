#!/usr/bin/env bash
# make demo: the whole system on this machine, offline.
#  1. starts `cinelake sandbox` (the stand-in for IMDB and TMDB) on loopback,
#  2. backfills the last 30 days into ./lake with `cinelake backfill`,
#  3. prints the run status and where the lake and its SQL catalog are,
#  4. serves the dashboard until Ctrl-C.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BIN=${1:-$ROOT/build/cinelake}
LAKE=${CINELAKE_DEMO_LAKE:-lake}
PORT=${CINELAKE_DEMO_PORT:-8080}
DAYS=${CINELAKE_DEMO_DAYS:-30}

log() { printf '\033[1mdemo:\033[0m %s\n' "$*" >&2; }

sandbox_out=$(mktemp)
# Export files at a tenth of TMDB's size keep 30 demo days quick and small
# (CINELAKE_DEMO_MOVIES / CINELAKE_DEMO_SERIES change that).
"$BIN" sandbox --port 0 --faults "$ROOT/config/sandbox-fast.json" \
  --movie-catalog "${CINELAKE_DEMO_MOVIES:-120000}" --series-catalog "${CINELAKE_DEMO_SERIES:-20000}" >"$sandbox_out" 2>"$sandbox_out.log" &
sandbox_pid=$!
cleanup() { kill "$sandbox_pid" 2>/dev/null || true; rm -f "$sandbox_out" "$sandbox_out.log"; }
trap cleanup EXIT

# The sandbox prints "sandbox listening on http://127.0.0.1:PORT" once ready.
url=""
for _ in $(seq 1 100); do
  url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$sandbox_out" | head -1 || true)
  [[ -n "$url" ]] && break
  if ! kill -0 "$sandbox_pid" 2>/dev/null; then cat "$sandbox_out.log" >&2; exit 1; fi
  sleep 0.1
done
[[ -n "$url" ]] || { log "the sandbox did not start"; cat "$sandbox_out.log" >&2; exit 1; }
log "sandbox at $url"

from=$(date -u -d "$((DAYS - 1)) days ago" +%F)
today=$(date -u +%F)
log "backfilling $from .. $today into $LAKE"
"$BIN" backfill --lake "$LAKE" --sandbox "$url" --config "$ROOT/config/sandbox-client.toml" --from "$from" --to "$today"
"$BIN" status --lake "$LAKE" --limit 5

log "the lake is at $(cd "$LAKE" && pwd); query it with DuckDB: $LAKE/gold/_catalog/duckdb.sql"
log "serving the dashboard on http://127.0.0.1:$PORT (Ctrl-C to stop)"
exec "$BIN" serve --lake "$LAKE" --listen "127.0.0.1:$PORT"
