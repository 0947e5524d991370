#!/usr/bin/env bash
# Measures the performance budgets of spec/quality.md and prints one table (figure, budget, reference).
#
#   scripts/bench.sh                 province scale (about 200k enterprises), generated once and kept
#   scripts/bench.sh --scale city    city scale (about 20k enterprises)
#   scripts/bench.sh --regen         generate the demo data again (timed against its budget)
#   scripts/bench.sh --db FILE       measure an existing database (it must hold the demo accounts)
#   scripts/bench.sh --queries       only the in-process query measures (no export, no terminal)
#
# The demo data is kept in target/bench/<scale>.db. The reference figures need the sqlite3 shell.
# Exit status 1 when a budget is not met.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v sqlite3 >/dev/null 2>&1; then
    echo "sqlite3 is needed for the reference figures: apt-get install sqlite3" >&2
    exit 2
fi
exec cargo bench --quiet --bench budgets -- "$@"
