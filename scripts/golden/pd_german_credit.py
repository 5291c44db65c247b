"""PD-model parity vectors for StressPack's PDModel (our script; it calls statsmodels,
scikit-learn and pandas).

Run once from the repository root, in a scratch venv outside the repository:

    python3 -m venv /tmp/gvenv && /tmp/gvenv/bin/pip install statsmodels scikit-learn pandas
    /tmp/gvenv/bin/python scripts/golden/pd_german_credit.py

On data/pd/germancredit.csv (default = creditability "bad") it writes
Tests/PDModelTests/Golden/german-credit.json:
- `logit`: statsmodels Logit (Newton, tol 1e-12) of the default flag on the seven numeric
  characteristics plus a constant: params, bse (classical), llf, llnull, and
  scikit-learn's roc_auc_score and the KS statistic of its fitted probabilities;
- `woe`: per category of two categorical characteristics, the counts, the weight of
  evidence ln((bad_i/bad)/(good_i/good)) and the information value, by pandas groupby;
- `auc_ties`: roc_auc_score on a score with many ties (the duration in months).

Output is deterministic; floats are written with repr().
"""

from __future__ import annotations

import json
import math
import platform
from importlib import metadata

import numpy as np
import pandas as pd
import statsmodels.api as sm
from sklearn.metrics import roc_auc_score

data = pd.read_csv("data/pd/germancredit.csv")
y = (data["creditability"] == "bad").astype(int).to_numpy()
numeric = ["duration_in_month", "credit_amount", "installment_rate_in_percentage_of_disposable_income",
           "present_residence_since", "age_in_years", "number_of_existing_credits_at_this_bank",
           "number_of_people_being_liable_to_provide_maintenance_for"]
X = sm.add_constant(data[numeric].astype(float).to_numpy())
fit = sm.Logit(y, X).fit(method="newton", tol=1e-12, maxiter=100, disp=False)
p = fit.predict(X)
order = np.argsort(p, kind="mergesort")


def ks(score, y):
    df = pd.DataFrame({"s": score, "y": y}).groupby("s")["y"].agg(["sum", "count"]).sort_index()
    bad = df["sum"].cumsum() / y.sum()
    good = (df["count"] - df["sum"]).cumsum() / (len(y) - y.sum())
    return float((bad - good).abs().max())


woe = {}
for name in ["status_of_existing_checking_account", "housing"]:
    g = data.groupby(name)["creditability"].agg(
        bad=lambda s: int((s == "bad").sum()), good=lambda s: int((s == "good").sum()))
    B, G = g["bad"].sum(), g["good"].sum()
    rows = []
    iv = 0.0
    for cat, r in g.sort_index().iterrows():
        w = math.log((r["bad"] / B) / (r["good"] / G))
        iv += (r["bad"] / B - r["good"] / G) * w
        rows.append({"category": cat, "bad": int(r["bad"]), "good": int(r["good"]), "woe": w})
    woe[name] = {"bins": rows, "iv": iv}

out = {
    "source": "data/pd/germancredit.csv",
    "versions": {k: metadata.version(k) for k in ["statsmodels", "scikit-learn", "pandas", "numpy"]}
    | {"python": platform.python_version()},
    "logit": {
        "columns": ["const"] + numeric,
        "params": [float(v) for v in fit.params],
        "bse": [float(v) for v in fit.bse],
        "llf": float(fit.llf),
        "llnull": float(fit.llnull),
        "auc": float(roc_auc_score(y, p)),
        "ks": ks(p, y),
    },
    "woe": woe,
    "auc_ties": {"score": "duration_in_month", "auc": float(roc_auc_score(y, data["duration_in_month"]))},
}
with open("Tests/PDModelTests/Golden/german-credit.json", "w") as f:
    json.dump(out, f, indent=2, sort_keys=True)
    f.write("\n")
