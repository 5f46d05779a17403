"""scikit-learn's HistGradientBoostingClassifier on bank marketing (duration dropped), on the folds Leadwise wrote.

Usage: hgb_bank.py DATA.csv FOLDS.csv [REPEATS]

FOLDS.csv is `leadwise train --write-folds` output: row,fold,label,probability (the probability is
Leadwise's out-of-fold one). Both models' AUCs are computed here with the same code on the same folds.
Timed for scikit-learn: fit + predict_proba of every fold, nothing else (reading and encoding excluded),
the fastest of REPEATS runs.
"""
import csv
import sys
import time

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import roc_auc_score

data_path, folds_path = sys.argv[1], sys.argv[2]
repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 3

with open(data_path, newline="") as f:
    rows = list(csv.reader(f, delimiter=";", quotechar='"'))
header, body = rows[0], rows[1:]
label_index = header.index("y")
features = [i for i, name in enumerate(header) if name not in ("y", "duration")]


def is_number(text):
    try:
        float(text)
        return True
    except ValueError:
        return False


# Strings become category codes ("unknown" stays a category of its own, the usual choice for this data set);
# numbers stay numbers (pdays' 999 needs no special handling in trees).
columns, categorical = [], []
for i in features:
    values = [r[i] for r in body]
    if all(is_number(v) for v in values):
        columns.append(np.array(values, dtype=float))
        categorical.append(False)
    else:
        codes = {v: k for k, v in enumerate(sorted(set(values)))}
        columns.append(np.array([codes[v] for v in values], dtype=float))
        categorical.append(True)
X = np.column_stack(columns)
y = np.array([r[label_index] == "yes" for r in body], dtype=int)

with open(folds_path, newline="") as f:
    fold_rows = list(csv.DictReader(f))
row = np.array([int(r["row"]) for r in fold_rows])
fold = np.array([int(r["fold"]) for r in fold_rows])
leadwise_probability = np.array([float(r["probability"]) for r in fold_rows])
assert (y[row] == np.array([int(r["label"]) for r in fold_rows])).all(), "folds file does not match the data"
X, y = X[row], y[row]
k = fold.max() + 1

best_seconds, sklearn_probability = None, np.zeros(len(y))
for _ in range(repeats):
    seconds = 0.0
    for f in range(k):
        train, test = fold != f, fold == f
        model = HistGradientBoostingClassifier(categorical_features=np.array(categorical), random_state=0)
        start = time.perf_counter()
        model.fit(X[train], y[train])
        sklearn_probability[test] = model.predict_proba(X[test])[:, 1]
        seconds += time.perf_counter() - start
    best_seconds = seconds if best_seconds is None else min(best_seconds, seconds)


def fold_aucs(probability):
    return [roc_auc_score(y[fold == f], probability[fold == f]) for f in range(k)]


for name, probability in (("leadwise", leadwise_probability), ("sklearn", sklearn_probability)):
    aucs = fold_aucs(probability)
    print(f"{name}_mean_fold_auc={np.mean(aucs):.4f} {name}_fold_auc_sd={np.std(aucs):.4f} {name}_pooled_auc={roc_auc_score(y, probability):.4f}")
print(f"sklearn_fit_predict_seconds={best_seconds:.2f} rows={len(y)} folds={k} repeats={repeats}")
