#!/usr/bin/env bash
# Issue 6's target (within 10 % of the oracle's gain over the logged policy) where it can be met: generated leads whose
# messages' quality is mostly their wording (--wording-scale 1 --latent-quality-sd 0.15), the sequence model reading
# the messages' recurring sentences (--message-text), against the same model on the traits alone.
#
# Usage: bench/worded-recommend/run.sh [LEADS] [SPLIT SEEDS...]   (default: 200000 leads, split seeds 42 1 2)
#
# Prints, per split seed (and for the time split on the first), the "Gain captured" of every policy of
# `leadwise evaluate recommend --truth`. Recorded in docs/recommendation.md ("Reading the recurring sentences").
# About 2 min per evaluation at 200k leads on a 2-core machine.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
leads="${1:-200000}"
shift || true
seeds=("${@:-42 1 2}")
read -r -a seeds <<< "${seeds[*]}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet build "$repo/src/Leadwise.Cli" -c Release -v q -nologo > "$work/build.log" || { cat "$work/build.log"; exit 1; }
cli="$repo/src/Leadwise.Cli/bin/Release/net10.0/leadwise.dll"
dotnet "$cli" generate --leads "$leads" --seed 42 --wording-scale 1 --latent-quality-sd 0.15 --out "$work/export" > /dev/null
dotnet "$cli" import "$work/export" --db "$work/lw.db" > /dev/null

gains() { # the policy and gain-captured columns of the truth table, one line per policy (cells wrap over lines)
    sed -n '/True value on held-out leads/,/Gain captured = /p' "$1" | awk -F'│' '
        /├/ { body = 1; next }
        body && NF > 6 {
            gsub(/^ +| +$/, "", $2); gsub(/ /, "", $6)
            if ($6 != "") { if (name != "") printf "  %-45s %s\n", name, gain; name = $2; gain = $6 }
            else if ($2 != "") name = name " " $2
        }
        END { if (name != "") printf "  %-45s %s\n", name, gain }'
}

run() { # name, then evaluate options
    local name="$1"; shift
    dotnet "$cli" evaluate recommend --db "$work/lw.db" --truth "$work/export" "$@" > "$work/$name.txt"
    echo "$name:"
    gains "$work/$name.txt"
}

echo "$leads worded leads (generator seed 42), dotnet $(dotnet --version), $(nproc) cores"
for seed in "${seeds[@]}"; do
    run "split seed $seed, sentences" --seed "$seed" --message-text
    run "split seed $seed, traits only" --seed "$seed"
done
run "time split, seed ${seeds[0]}, sentences" --seed "${seeds[0]}" --message-text --split-by-time
