#!/usr/bin/env bash
# Load test of the seed-compatible GET /recommend?leadId=… (issue 7: ≥ 10,000 requests/s, p99 < 10 ms, no errors).
#
# Usage: bench/load/recommend.sh [LEADS] [SECONDS] [CONNECTIONS]     (defaults: 20000 leads, 15 s, 32 connections)
#
# Builds the CLI in Release, runs `leadwise quickstart` into a temporary folder (generated leads, both models trained
# and promoted), starts `leadwise serve` on 127.0.0.1 only, warms it up by asking for every lead once (the server
# remembers each answer for a minute), then drives it with wrk (installed from Debian when missing) for the given time
# over every lead id in turn, and prints wrk's summary with its latency percentiles.
# The server is stopped and the folder removed at the end. Nothing listens beyond loopback.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
leads="${1:-20000}"
seconds="${2:-15}"
connections="${3:-32}"
port=5099

if ! command -v wrk > /dev/null; then
    echo "Installing wrk ..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk
fi

work="$(mktemp -d)"
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2> /dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

dotnet build "$repo/src/Leadwise.Cli" -c Release -v q -nologo > "$work/build.log" || { cat "$work/build.log"; exit 1; }
cli="$repo/src/Leadwise.Cli/bin/Release/net10.0/leadwise.dll"
dotnet "$cli" quickstart --leads "$leads" --seed 42 --dir "$work/qs" > "$work/quickstart.log" || { tail -20 "$work/quickstart.log"; exit 1; }

# Lead ids to ask for: every lead of the store, read back from the generated export (first column of Leads.csv).
leads_csv="$(find "$work/qs/export" -iname 'leads.csv' | head -1)"
tail -n +2 "$leads_csv" | cut -d, -f1 | tr -d '"' > "$work/ids.txt"
cat > "$work/recommend.lua" <<LUA
local ids = {}
for line in io.lines("$work/ids.txt") do ids[#ids + 1] = line end
local i = 0
request = function()
    i = i % #ids + 1
    return wrk.format("GET", "/recommend?leadId=" .. ids[i])
end
done = function(summary, latency, requests)
    io.write(string.format("requests=%d errors_status=%d errors_connect=%d errors_timeout=%d\n",
        summary.requests, summary.errors.status, summary.errors.connect, summary.errors.timeout))
    io.write(string.format("rps=%.0f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f\n",
        summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(90) / 1000,
        latency:percentile(99) / 1000, latency.max / 1000))
end
LUA

ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    dotnet "$cli" serve --db "$work/qs/leadwise.db" --urls "http://127.0.0.1:$port" > "$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do
    curl -fs "http://127.0.0.1:$port/health/live" > /dev/null 2>&1 && break
    sleep 0.2
done

# Warm-up: long enough to ask for every lead at least once (a cold recommendation costs ~2 ms of CPU; answers are
# remembered for a minute, so the measured run is the warm path a CRM re-opening its leads sees).
warm=$(( $(wc -l < "$work/ids.txt") / 800 + 5 ))
echo "warm-up (${warm} s: every lead id at least once) ..."
wrk -t2 -c"$connections" -d"${warm}s" -s "$work/recommend.lua" "http://127.0.0.1:$port" | grep -E "^requests=|^rps="
echo "measured run (${seconds} s, ${connections} connections, 2 wrk threads, $(wc -l < "$work/ids.txt") lead ids):"
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$work/recommend.lua" "http://127.0.0.1:$port"
echo "sample answer: $(curl -fs "http://127.0.0.1:$port/recommend?leadId=$(head -1 "$work/ids.txt")" | cut -c1-200)"
echo
echo "machine: $(lscpu | grep -oP 'Model name:\s*\K.*'), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, load average $(cut -d' ' -f1-3 /proc/loadavg); dotnet $(dotnet --version)"
