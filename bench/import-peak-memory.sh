#!/usr/bin/env bash
# Imports a generated export into a fresh SQLite file through the CLI, under /usr/bin/time, and
# prints wall time, rows per second and peak resident memory (BenchmarkDotNet does not measure RSS).
# Usage: bench/import-peak-memory.sh [leads=1000000] [seed=42]
set -euo pipefail
cd "$(dirname "$0")/.."
leads=${1:-1000000}
seed=${2:-42}
work=${TMPDIR:-/tmp}/leadwise-bench/rss-$leads-$seed
mkdir -p "$work"

dotnet build -c Release src/Leadwise.Cli -v quiet -nologo >/dev/null
cli="dotnet src/Leadwise.Cli/bin/Release/net10.0/leadwise.dll"
[ -f "$work/export/Records.csv" ] || $cli generate --leads "$leads" --seed "$seed" --out "$work/export" >/dev/null
rm -f "$work/leadwise.db" "$work/leadwise.db-wal" "$work/leadwise.db-shm"

/usr/bin/time -v $cli import "$work/export" --db "$work/leadwise.db" >"$work/import.log" 2>"$work/time.log"
# The summary table's "Imported" column, summed over the five files.
rows=$(grep -E '│ [A-Za-z]+\.csv' "$work/import.log" | awk -F'│' '{ gsub(/[ ,]/, "", $4); s += $4 } END { print s }')
wall=$(grep "Elapsed (wall clock)" "$work/time.log" | awk '{print $NF}')
seconds=$(echo "$wall" | awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
rss_kb=$(grep "Maximum resident set size" "$work/time.log" | awk '{print $NF}')
echo "leads=$leads rows=$rows wall=${seconds}s rows/s=$(awk -v r="$rows" -v s="$seconds" 'BEGIN { printf "%.0f", r / s }') peak_rss=$((rss_kb / 1024))MiB"
