#!/usr/bin/env bash
# Leadwise (LightGBM, as `leadwise train --csv` runs it) against scikit-learn's HistGradientBoostingClassifier
# (defaults, categorical columns as categories) on bank marketing without `duration`, on the same 5 folds.
#
# Usage: bench/sklearn-bank/run.sh [DATA.csv] [REPEATS]   (from anywhere; default data: ../shared beside the repo)
#
# Timed, fastest of REPEATS runs each:
#   Leadwise fit+score  fitting and scoring LightGBM on every fold, as `leadwise train` reports it (in process);
#   sklearn fit+predict fit + predict_proba on every fold (reading and encoding excluded);
#   Leadwise process    the whole CLI run, which also reads the file, infers roles, runs the leakage guard,
#                       calibrates and bootstraps 95% intervals.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
data="${1:-$repo/../shared/data/bank-marketing/bank-additional-full.csv}"
repeats="${2:-3}"
python=/usr/bin/python3 # Debian's python3-sklearn installs for Debian's own interpreter only

if ! "$python" -c 'import sklearn' 2>/dev/null; then
    echo "Installing python3-sklearn for $python ..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-sklearn
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet build "$repo/src/Leadwise.Cli" -c Release -v q -nologo > "$work/build.log" || { cat "$work/build.log"; exit 1; }
cli="$repo/src/Leadwise.Cli/bin/Release/net10.0/leadwise.dll"

best_fit="" best_process=""
for i in $(seq 1 "$repeats"); do
    start=$(date +%s.%N)
    dotnet "$cli" train --csv "$data" --label y --drop duration --trainer lightgbm --write-folds "$work/folds.csv" > "$work/leadwise.txt"
    end=$(date +%s.%N)
    fit=$(grep -oP "Fit\+score of LightGbm's 5 folds: \K[0-9.]+" "$work/leadwise.txt")
    process=$(awk "BEGIN { printf \"%.2f\", $end - $start }")
    echo "run $i: Leadwise fit+score ${fit} s, process ${process} s"
    best_fit=$(echo "$fit" "$best_fit" | tr ' ' '\n' | grep . | sort -g | head -1)
    best_process=$(echo "$process" "$best_process" | tr ' ' '\n' | grep . | sort -g | head -1)
done

echo
echo "Leadwise output of the last run:"
cat "$work/leadwise.txt"
echo
# scikit-learn twice: with its default OpenMP threads (all cores) and with one thread, which on a busy
# 2-core machine is much faster (spin-waiting workers); the faster of the two is the bar.
echo "scikit-learn, default threads:"
"$python" "$repo/bench/sklearn-bank/hgb_bank.py" "$data" "$work/folds.csv" "$repeats" | tee "$work/sklearn-default.txt"
echo "scikit-learn, OMP_NUM_THREADS=1:"
OMP_NUM_THREADS=1 "$python" "$repo/bench/sklearn-bank/hgb_bank.py" "$data" "$work/folds.csv" "$repeats" | tee "$work/sklearn-1.txt"
echo "leadwise_fit_score_seconds=${best_fit} leadwise_process_seconds=${best_process}"

value() { grep -oP "$1=\K[0-9.]+" "$2"; }
leadwise_auc=$(value leadwise_mean_fold_auc "$work/sklearn-1.txt")
sklearn_auc=$(value sklearn_mean_fold_auc "$work/sklearn-1.txt")
sklearn_fit=$(printf '%s\n' "$(value sklearn_fit_predict_seconds "$work/sklearn-default.txt")" "$(value sklearn_fit_predict_seconds "$work/sklearn-1.txt")" | sort -g | head -1)
awk -v la="$leadwise_auc" -v sa="$sklearn_auc" -v lf="$best_fit" -v sf="$sklearn_fit" 'BEGIN {
    printf "AUC:  Leadwise %.4f vs scikit-learn %.4f (bar: >= %.4f) -> %s\n", la, sa, sa - 0.005, (la >= sa - 0.005 ? "met" : "MISSED")
    printf "time: Leadwise %.2f s vs scikit-learn %.2f s (fastest configuration) -> %s\n", lf, sf, (lf <= sf ? "met" : "MISSED")
}'
echo
echo "machine: $(lscpu | grep -oP 'Model name:\s*\K.*'), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "dotnet $(dotnet --version), $("$python" -c 'import sklearn, sys; print(f"scikit-learn {sklearn.__version__}, Python {sys.version.split()[0]}")')"
