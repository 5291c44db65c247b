"""The Python side of scripts/bench/pd.sh (our script; it calls scorecardpy and scikit-learn).

Fits on the same development CSV that `stresspack pd fit` reads: scorecardpy's woebin
(tree binning, the binning library's default) and woebin_ply, then scikit-learn's
LogisticRegression (lbfgs, no penalty) on the WoE columns, and the AUC of its fit.
Prints the seconds of each step and the peak memory.
"""

import resource
import sys
import time

import pandas as pd
import scorecardpy as sc
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

path = sys.argv[1]
t0 = time.perf_counter()
data = pd.read_csv(path)
t1 = time.perf_counter()
bins = sc.woebin(data, y="default", no_cores=2, print_step=0)
t2 = time.perf_counter()
woe = sc.woebin_ply(data, bins, no_cores=2, print_step=0)
t3 = time.perf_counter()
X = woe.drop(columns=["default"])
model = LogisticRegression(penalty=None, max_iter=1000).fit(X, woe["default"])
t4 = time.perf_counter()
auc = roc_auc_score(woe["default"], model.decision_function(X))
t5 = time.perf_counter()
print(f"read {t1 - t0:.2f} s, woebin {t2 - t1:.2f} s, woebin_ply {t3 - t2:.2f} s, "
      f"LogisticRegression {t4 - t3:.2f} s, AUC {t5 - t4:.2f} s; total {t5 - t0:.2f} s")
print(f"AUC {auc:.4f} on {X.shape[1]} characteristics")
print(f"peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
