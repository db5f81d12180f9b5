#!/usr/bin/env bash
# make demo: what exists of cinelake, run for real on the offline sandbox.
set -euo pipefail
BIN=${1:-build/cinelake}
"$BIN" --version
"$BIN" --help
