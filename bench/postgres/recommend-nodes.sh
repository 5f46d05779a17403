#!/usr/bin/env bash
# GET /recommend throughput with one and with two API nodes, on SQLite and on PostgreSQL (issue 8).
#
# Usage: bench/postgres/recommend-nodes.sh [LEADS] [SECONDS] [CONNECTIONS]   (defaults: 20000 leads, 15 s, 32 connections)
#
# Builds the CLI in Release, runs `leadwise quickstart` (both models trained and promoted) into a SQLite file, copies
# it with `db copy` into a throwaway PostgreSQL server (throwaway-server.sh), then for each backend and node count
# starts that many `leadwise serve` processes on loopback over the same store, warms every node up by asking it for
# every lead once, and drives all nodes at once with wrk (one wrk per node, the connections split between them; there
# is no load balancer in between). Prints requests/s summed over the nodes, the worst node's p50/p99 and the errors.
# Every process here — nodes, wrk and PostgreSQL — shares the machine's cores: on a 2-core machine a second node
# cannot add capacity, it only shows that nodes can share one store without errors.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
leads="${1:-20000}"
seconds="${2:-15}"
connections="${3:-32}"

command -v wrk > /dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk > /dev/null; }

work="$(mktemp -d)"
servers=()
source "$repo/bench/postgres/throwaway-server.sh"
stop_servers() { for pid in "${servers[@]}"; do kill "$pid" 2> /dev/null || true; done; for pid in "${servers[@]}"; do wait "$pid" 2> /dev/null || true; done; servers=(); }
trap 'stop_servers; pg_stop; rm -rf "$work"' EXIT

dotnet build "$repo/src/Leadwise.Cli" -c Release -v q -nologo > "$work/build.log" || { cat "$work/build.log"; exit 1; }
cli="$repo/src/Leadwise.Cli/bin/Release/net10.0/leadwise.dll"
dotnet "$cli" quickstart --leads "$leads" --seed 42 --dir "$work/qs" > "$work/quickstart.log" || { tail -20 "$work/quickstart.log"; exit 1; }
pg_create_database leadwise
dotnet "$cli" db copy --from "$work/qs/leadwise.db" --to "$(pg_conn_of leadwise)" > "$work/copy.log" || { tail -20 "$work/copy.log"; exit 1; }

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
    io.write(string.format("RESULT requests=%d errors=%d rps=%.0f p50_ms=%.3f p99_ms=%.3f\n",
        summary.requests, summary.errors.status + summary.errors.connect + summary.errors.timeout + summary.errors.read + summary.errors.write,
        summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
LUA

printf '%-10s %-5s %12s %9s %9s %7s\n' backend nodes requests/s p50_ms p99_ms errors
for backend in sqlite postgresql; do
    if [ "$backend" = sqlite ]; then db="$work/qs/leadwise.db"; else db="$(pg_conn_of leadwise)"; fi
    for nodes in 1 2; do
        ports=()
        for n in $(seq 1 "$nodes"); do
            port=$((5200 + n))
            ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
                dotnet "$cli" serve --db "$db" --urls "http://127.0.0.1:$port" > "$work/serve-$backend-$nodes-$n.log" 2>&1 &
            servers+=($!)
            ports+=("$port")
        done
        for port in "${ports[@]}"; do
            for _ in $(seq 1 150); do curl -fs "http://127.0.0.1:$port/health/live" > /dev/null 2>&1 && break; sleep 0.2; done
        done
        # Every node must have asked for every lead once (a cold answer costs ~2 ms of CPU, and the nodes share the cores).
        warm=$(( ($(wc -l < "$work/ids.txt") / 800 + 5) * nodes ))
        drivers=()
        for port in "${ports[@]}"; do
            wrk -t1 -c"$((connections / nodes))" -d"${warm}s" -s "$work/recommend.lua" "http://127.0.0.1:$port" > /dev/null &
            drivers+=($!)
        done
        wait "${drivers[@]}"
        drivers=()
        for port in "${ports[@]}"; do
            wrk -t1 -c"$((connections / nodes))" -d"${seconds}s" --latency -s "$work/recommend.lua" "http://127.0.0.1:$port" > "$work/wrk-$port.txt" &
            drivers+=($!)
        done
        wait "${drivers[@]}"
        grep -h '^RESULT' "$work"/wrk-52*.txt | awk -v b="$backend" -v n="$nodes" '
            { for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
              rps += v["rps"]; errors += v["errors"]; if (v["p50_ms"] > p50) p50 = v["p50_ms"]; if (v["p99_ms"] > p99) p99 = v["p99_ms"] }
            END { printf "%-10s %-5s %12.0f %9.2f %9.2f %7d\n", b, n, rps, p50, p99, errors }'
        rm -f "$work"/wrk-52*.txt
        stop_servers
    done
done

echo
echo "machine: $(lscpu | grep -oP 'Model name:\s*\K.*'), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, load average $(cut -d' ' -f1-3 /proc/loadavg); dotnet $(dotnet --version); $pg_version"
