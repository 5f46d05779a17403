"""scikit-learn's HistGradientBoostingClassifier on bank marketing (duration dropped), on the folds Leadwise wrote.

Usage: hgb_bank.py DATA.csv FOLDS.csv

FOLDS.csv is `leadwise train --write-folds` output: row,fold,label,probability (the probability is
Leadwise's out-of-fold one). Both models' AUCs are computed here with the same code on the same folds.
Timed for scikit-learn, like Leadwise's fit+score: fit + predict_proba of every fold, after one warm-up fit
on 100 rows of each class (reading, encoding and imports excluded; the import time is printed).
"""
import csv
import sys
import time

start_import = time.perf_counter()
import numpy as np  # noqa: E402
from sklearn.ensemble import HistGradientBoostingClassifier  # noqa: E402
from sklearn.metrics import roc_auc_score  # noqa: E402

import_seconds = time.perf_counter() - start_import

data_path, folds_path = sys.argv[1], sys.argv[2]

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

def model():
    return HistGradientBoostingClassifier(categorical_features=np.array(categorical), random_state=0)


warm = np.concatenate([np.flatnonzero(y == 1)[:100], np.flatnonzero(y == 0)[:100]])
start = time.perf_counter()
model().fit(X[warm], y[warm]).predict_proba(X[warm])
warm_seconds = time.perf_counter() - start

sklearn_probability, seconds = np.zeros(len(y)), 0.0
for f in range(k):
    train, test = fold != f, fold == f
    start = time.perf_counter()
    fitted = model().fit(X[train], y[train])
    sklearn_probability[test] = fitted.predict_proba(X[test])[:, 1]
    seconds += time.perf_counter() - start


def fold_aucs(probability):
    return [roc_auc_score(y[fold == f], probability[fold == f]) for f in range(k)]


for name, probability in (("leadwise", leadwise_probability), ("sklearn", sklearn_probability)):
    aucs = fold_aucs(probability)
    print(f"{name}_mean_fold_auc={np.mean(aucs):.4f} {name}_fold_auc_sd={np.std(aucs):.4f} {name}_pooled_auc={roc_auc_score(y, probability):.4f}")
print(f"sklearn_fit_predict_seconds={seconds:.2f} sklearn_warm_up_seconds={warm_seconds:.2f} sklearn_import_seconds={import_seconds:.2f} rows={len(y)} folds={k}")
