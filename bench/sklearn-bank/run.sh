#!/usr/bin/env bash
# Leadwise (LightGBM, as `leadwise train --csv` runs it) against scikit-learn's HistGradientBoostingClassifier
# (defaults, categorical columns as categories) on bank marketing without `duration`, on the same 5 folds.
#
# Usage: bench/sklearn-bank/run.sh [DATA.csv] [ROUNDS]   (from anywhere; default data: ../shared beside the repo)
#
# Each round runs, one after the other in fresh processes, Leadwise, scikit-learn with one thread and
# scikit-learn with its default threads (all cores), so all three see the same load from other jobs on the
# machine. Timed:
#   Leadwise fit+score   fitting and scoring LightGBM on every fold, as `leadwise train` reports it; the
#                        clock starts after one warm-up fit on 100 rows of each class (JIT, library start-up)
#   sklearn fit+predict  fit + predict_proba on every fold, after the same warm-up fit (imports, reading and
#                        encoding excluded)
#   Leadwise process     the whole CLI run, which also reads the file, infers roles, runs the leakage guard,
#                        calibrates and bootstraps 95% intervals
# The fastest round of each is compared; the AUC is the mean over folds, computed by the same Python code
# for both from the out-of-fold probabilities.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
data="${1:-$repo/../shared/data/bank-marketing/bank-additional-full.csv}"
rounds="${2:-3}"
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
value() { grep -oP "$1=\\K[0-9.]+" "$2"; }
fastest() { sort -g | head -1; }

for i in $(seq 1 "$rounds"); do
    start=$(date +%s.%N)
    dotnet "$cli" train --csv "$data" --label y --drop duration --trainer lightgbm --write-folds "$work/folds.csv" > "$work/leadwise.txt"
    end=$(date +%s.%N)
    fit=$(grep -oP "Fit\+score of LightGbm's 5 folds: \K[0-9.]+" "$work/leadwise.txt")
    warm=$(grep -oP "Fit\+score of LightGbm's 5 folds: [0-9.]+ s \(warm-up \K[0-9.]+" "$work/leadwise.txt")
    echo "leadwise_fit_score_seconds=$fit leadwise_warm_up_seconds=$warm leadwise_process_seconds=$(awk "BEGIN { printf \"%.2f\", $end - $start }")" >> "$work/leadwise-rounds.txt"
    OMP_NUM_THREADS=1 "$python" "$repo/bench/sklearn-bank/hgb_bank.py" "$data" "$work/folds.csv" > "$work/sklearn-1.txt"
    cat "$work/sklearn-1.txt" >> "$work/sklearn-1-rounds.txt"
    "$python" "$repo/bench/sklearn-bank/hgb_bank.py" "$data" "$work/folds.csv" >> "$work/sklearn-default-rounds.txt"
    echo "round $i: Leadwise $(tail -1 "$work/leadwise-rounds.txt")"
    echo "round $i: sklearn 1 thread $(grep -oP 'sklearn_fit.*' "$work/sklearn-1.txt")"
    echo "round $i: sklearn default threads $(tail -1 "$work/sklearn-default-rounds.txt" | grep -oP 'sklearn_fit.*')"
done

echo
echo "Leadwise output of the last round:"
cat "$work/leadwise.txt"
echo
grep -v sklearn_fit "$work/sklearn-1.txt"

leadwise_auc=$(value leadwise_mean_fold_auc "$work/sklearn-1.txt")
sklearn_auc=$(value sklearn_mean_fold_auc "$work/sklearn-1.txt")
leadwise_fit=$(value leadwise_fit_score_seconds "$work/leadwise-rounds.txt" | fastest)
leadwise_process=$(value leadwise_process_seconds "$work/leadwise-rounds.txt" | fastest)
sklearn_fit_1=$(value sklearn_fit_predict_seconds "$work/sklearn-1-rounds.txt" | fastest)
sklearn_fit_default=$(value sklearn_fit_predict_seconds "$work/sklearn-default-rounds.txt" | fastest)
sklearn_fit=$(printf '%s\n' "$sklearn_fit_1" "$sklearn_fit_default" | fastest)
echo "fastest of $rounds rounds: Leadwise fit+score ${leadwise_fit} s (process ${leadwise_process} s); sklearn fit+predict ${sklearn_fit_1} s with 1 thread, ${sklearn_fit_default} s with default threads"
awk -v la="$leadwise_auc" -v sa="$sklearn_auc" -v lf="$leadwise_fit" -v sf="$sklearn_fit" 'BEGIN {
    printf "AUC:  Leadwise %.4f vs scikit-learn %.4f (bar: >= %.4f) -> %s\n", la, sa, sa - 0.005, (la >= sa - 0.005 ? "met" : "MISSED")
    printf "time: Leadwise %.2f s vs scikit-learn %.2f s (its faster thread setting) -> %s\n", lf, sf, (lf <= sf ? "met" : "MISSED")
}'
echo
echo "machine: $(lscpu | grep -oP 'Model name:\s*\K.*'), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
echo "dotnet $(dotnet --version), $("$python" -c 'import sklearn, sys; print(f"scikit-learn {sklearn.__version__}, Python {sys.version.split()[0]}")')"
