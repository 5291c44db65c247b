"""PD-validation parity vectors for StressPack's PDModel (our script; it calls
creditriskengine 0.31.0, SciPy and scikit-learn).

Run once from the repository root, in the venv of pd_german_credit.py plus
`pip install creditriskengine==0.31.0`:

    /tmp/gvenv/bin/python scripts/golden/pd_validation.py

It draws a random sample (numpy default_rng(20261207)): 3,000 PDs, log-normal around 3%,
and outcomes at 1.15 times those PDs (a model that underestimates a little). It writes
Tests/PDModelTests/Golden/validation.json: the sample itself, and on it:
- creditriskengine.validation: auroc, ks_statistic, brier_score, spiegelhalter_test,
  hosmer_lemeshow_test over ten PD deciles, population_stability_index (precomputed
  shares), herfindahl_index, jeffreys_test bounds (95%);
- SciPy: per grade the exact binomial tail binom.sf(d − 1, n, pd), the ECB Jeffreys
  p-value beta.cdf(pd, d + ½, n − d + ½) and its 2.5%/97.5% quantiles; chi2.sf;
- the DeLong standard error of the AUC, from our own O(n²) double loop over every
  default and non-default pair (an independent check on the O(n log n) mid-rank form).
"""

from __future__ import annotations

import json
import platform
from importlib import metadata

import numpy as np
from scipy import stats
from sklearn.metrics import roc_auc_score
from creditriskengine.validation import calibration, discrimination, stability

rng = np.random.default_rng(20261207)
n = 3000
pd_ = np.clip(np.exp(rng.normal(np.log(0.03), 0.9, n)), 0.0005, 0.6)
y = (rng.uniform(size=n) < np.minimum(1.15 * pd_, 1)).astype(int)
score = pd_  # higher = riskier

# Grades: fixed PD bands.
bounds = [0.005, 0.01, 0.02, 0.04, 0.08, 0.16, 1.01]
grade = np.searchsorted(bounds, pd_, side="right")
grades = []
for g in range(len(bounds)):
    m = grade == g
    if m.sum() == 0:
        continue
    N, D, p = int(m.sum()), int(y[m].sum()), float(pd_[m].mean())
    a, b = D + 0.5, N - D + 0.5
    grades.append({"grade": g, "loans": N, "defaults": D, "pd": p,
                   "binomial_p": float(stats.binom.sf(D - 1, N, p)),
                   "jeffreys_p": float(stats.beta.cdf(p, a, b)),
                   "jeffreys_lower": float(stats.beta.ppf(0.025, a, b)),
                   "jeffreys_upper": float(stats.beta.ppf(0.975, a, b)),
                   "cre_jeffreys": calibration.jeffreys_test(D, N, p, confidence=0.95)})

# Hosmer–Lemeshow over PD deciles (sorted, ten groups of 300).
order = np.argsort(pd_, kind="mergesort")
groups = np.array_split(order, 10)
obs = np.array([y[g].sum() for g in groups], dtype=float)
mean_pd = np.array([pd_[g].mean() for g in groups])
counts = np.array([len(g) for g in groups], dtype=float)
hl = calibration.hosmer_lemeshow_test(obs, mean_pd, counts, n_groups=10)

# DeLong by pairs.
bad, good = score[y == 1], score[y == 0]
psi_cmp = (bad[:, None] > good[None, :]).astype(float) + 0.5 * (bad[:, None] == good[None, :])
v10, v01 = psi_cmp.mean(axis=1), psi_cmp.mean(axis=0)
auc = psi_cmp.mean()
se = float(np.sqrt(v10.var(ddof=1) / len(bad) + v01.var(ddof=1) / len(good)))

expected_counts = [120, 340, 610, 800, 650, 330, 150]
actual_counts = [90, 300, 640, 820, 700, 390, 60]
ex = np.array(expected_counts) / sum(expected_counts)
ac = np.array(actual_counts) / sum(actual_counts)

out = {
    "versions": {k: metadata.version(k) for k in ["creditriskengine", "scipy", "scikit-learn", "numpy"]}
    | {"python": platform.python_version()},
    "pd": [float(v) for v in pd_],
    "defaults": [int(v) for v in y],
    "auroc": float(discrimination.auroc(y, score)),
    "sklearn_auc": float(roc_auc_score(y, score)),
    "delong": {"auc": float(auc), "se": se},
    "ks": float(discrimination.ks_statistic(y, score)),
    "brier": float(calibration.brier_score(y, pd_)),
    "spiegelhalter": calibration.spiegelhalter_test(y, pd_),
    "hosmer_lemeshow": {"defaults": obs.tolist(), "loans": counts.tolist(), "mean_pd": mean_pd.tolist(), **hl},
    "grades": grades,
    "psi": {"expected": expected_counts, "actual": actual_counts,
            "value": float(stability.population_stability_index(ac, ex, precomputed=True))},
    "herfindahl": {"counts": actual_counts, "value": float(stability.herfindahl_index(ac))},
    "chi2_sf": [{"x": x, "df": k, "sf": float(stats.chi2.sf(x, k))} for x, k in [(0.5, 1), (3.2, 4), (15.0, 8), (60.0, 10), (2.0, 30)]],
}
with open("Tests/PDModelTests/Golden/validation.json", "w") as f:
    json.dump(out, f, indent=1, sort_keys=True, default=float)
    f.write("\n")
