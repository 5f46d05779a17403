#!/usr/bin/env bash
# 1M leads on SQLite and on PostgreSQL, end to end through the CLI (issue 8: 1M-lead import, full point and model
# scoring, on each backend). Prints one line per step: backend, step, wall seconds, peak RSS of the CLI process.
#
# Usage: bench/postgres/million.sh [LEADS]      (default 1000000; seed 42)
#
# Steps: generate the export once; on each backend (a fresh SQLite file; a fresh database on a throwaway PostgreSQL
# server, see throwaway-server.sh) import it, then its companies and events; then train once on SQLite (2 folds, so
# the run stays short; the model is not the point here) and copy that store to a second PostgreSQL database with
# `db copy` (which verifies every table's checksum), and score every lead with points and the promoted conversion model
# on both (`score --as-of 2024-06-30`). Timing via /usr/bin/time (installed from Debian's `time` when missing).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
leads="${1:-1000000}"
[ -x /usr/bin/time ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time > /dev/null; }

work="$(mktemp -d)"
source "$repo/bench/postgres/throwaway-server.sh"
trap 'pg_stop; rm -rf "$work"' EXIT

dotnet build "$repo/src/Leadwise.Cli" -c Release -v q -nologo > "$work/build.log" || { cat "$work/build.log"; exit 1; }
cli="$repo/src/Leadwise.Cli/bin/Release/net10.0/leadwise.dll"

# Runs the CLI under /usr/bin/time and prints "backend step seconds MiB"; the CLI's own output goes to a log.
step() {
    local backend="$1" name="$2"; shift 2
    local log="$work/${backend}-${name// /-}.log"
    if ! /usr/bin/time -f "%e %M" -o "$work/time" dotnet "$cli" "$@" > "$log" 2>&1; then
        tail -20 "$log"; echo "FAILED: $backend $name"; exit 1
    fi
    read -r seconds kib < "$work/time"
    printf '%-11s %-34s %8.1f s %7d MiB\n' "$backend" "$name" "$seconds" "$((kib / 1024))"
}

step generator "generate --leads $leads" generate --leads "$leads" --seed 42 --out "$work/export"
export_dir="$work/export"
companies="$(find "$export_dir" -maxdepth 1 -iname 'companies.csv' | head -1)"
events="$(find "$export_dir" -maxdepth 1 -iname 'events.csv' | head -1)"

pg_create_database import
for backend in sqlite postgresql; do
    if [ "$backend" = sqlite ]; then db="$work/leadwise.db"; else db="$(pg_conn_of import)"; fi
    step "$backend" "import" import "$export_dir" --db "$db"
    [ -n "$companies" ] && step "$backend" "companies import" companies import "$companies" --db "$db"
    [ -n "$events" ] && step "$backend" "events import" events import "$events" --db "$db"
done

step sqlite "train --folds 2" train --folds 2 --db "$work/leadwise.db"
pg_create_database copied
step postgresql "db copy (SQLite → PostgreSQL, verified)" db copy --from "$work/leadwise.db" --to "$(pg_conn_of copied)"
step sqlite "score --as-of 2024-06-30" score --as-of 2024-06-30 --db "$work/leadwise.db"
step postgresql "score --as-of 2024-06-30" score --as-of 2024-06-30 --db "$(pg_conn_of copied)"

echo
echo "machine: $(lscpu | grep -oP 'Model name:\s*\K.*'), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, load average $(cut -d' ' -f1-3 /proc/loadavg); dotnet $(dotnet --version); $pg_version"
