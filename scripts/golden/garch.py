"""GARCH(1,1) parity vectors for StressPack's FactorModel (our script; it calls `arch`).

Run once from the repository root, in a scratch venv outside the repository:

    python3 -m venv /tmp/archenv && /tmp/archenv/bin/pip install arch==8.0.0 pandas
    /tmp/archenv/bin/python scripts/golden/garch.py

It fits arch_model(100 * log returns of the Adj Close, mean='Constant', vol='GARCH',
p=1, q=1, dist='normal') to data/market/sp500_daily.csv and nasdaq_daily.csv and writes
Tests/FactorModelTests/Golden/garch.json: the parameters, log-likelihood, backcast,
conditional volatilities at a few dates, 1..5-step variance forecasts and classical
standard errors, as `arch` reports them. For context it also records where the
likelihood's maximiser lies (a few Newton steps from arch's estimate, with our own
analytic gradient of the documented GARCH likelihood), so a reader can see how far
arch's own stopping rule leaves its estimate from the optimum.

Output is deterministic (no randomness, no timestamps); floats are written with repr().
"""

from __future__ import annotations

import json
import math
import os
import platform
import sys
from importlib import metadata

import numpy as np
import pandas as pd
import scipy
from arch import arch_model

REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(REPO_ROOT, "Tests", "FactorModelTests", "Golden", "garch.json")
EXPECTED_ARCH = "8.0.0"
SAMPLE_INDICES = [0, 1, 2, 100, 1000, 2500, 4000, -1]


def backcast(resids: np.ndarray) -> float:
    """arch's documented default backcast: 0.94-weighted mean of the first 75 squared residuals."""
    tau = min(75, resids.shape[0])
    w = 0.94 ** np.arange(tau)
    w = w / w.sum()
    return float(np.sum(resids[:tau] ** 2 * w))


def loglik_and_grad(r: np.ndarray, theta: np.ndarray, bc: float):
    mu, om, a, b = theta
    e = r - mu
    s = om + (a + b) * bc
    ds = np.array([0.0, 1.0, bc, bc])
    g = np.zeros(4)
    ll = 0.0
    for t in range(r.shape[0]):
        if t > 0:
            ds = np.array([-2 * a * e[t - 1], 1.0, e[t - 1] ** 2, s]) + b * ds
            s = om + a * e[t - 1] ** 2 + b * s
        ll += -0.5 * (math.log(2 * math.pi) + math.log(s) + e[t] ** 2 / s)
        g += -0.5 * (1 / s - e[t] ** 2 / s ** 2) * ds
        g[0] += e[t] / s
    return ll, g


def maximiser(r: np.ndarray, start: np.ndarray, bc: float):
    theta = start.copy()
    for _ in range(6):
        _, g = loglik_and_grad(r, theta, bc)
        h = np.zeros((4, 4))
        for k in range(4):
            step = 1e-6 * max(abs(theta[k]), 1e-3)
            up, down = theta.copy(), theta.copy()
            up[k] += step
            down[k] -= step
            h[:, k] = (loglik_and_grad(r, up, bc)[1] - loglik_and_grad(r, down, bc)[1]) / (2 * step)
        theta = theta - np.linalg.solve(0.5 * (h + h.T), g)
    ll, g = loglik_and_grad(r, theta, bc)
    return theta, ll, float(np.max(np.abs(g)))


def fit(name: str, path: str) -> dict:
    df = pd.read_csv(os.path.join(REPO_ROOT, path))
    dates = pd.to_datetime(df["Date"], format="%m/%d/%Y").dt.strftime("%Y-%m-%d").to_numpy()
    prices = df["Adj Close"].to_numpy(dtype=float)
    r = 100 * np.diff(np.log(prices))
    rdates = dates[1:]
    model = arch_model(r, mean="Constant", vol="GARCH", p=1, q=1, dist="normal")
    res = model.fit(disp="off")
    classic = model.fit(disp="off", cov_type="classic")
    params = res.params.to_numpy()
    bc = backcast(r - r.mean())
    vol = res.conditional_volatility
    forecast = res.forecast(horizon=5, reindex=False).variance.to_numpy()[-1]
    theta, ll_max, grad_max = maximiser(r, params, bc)
    idx = [i if i >= 0 else len(r) + i for i in SAMPLE_INDICES]
    return {
        "series": name,
        "file": path,
        "transform": "100 * diff(log(Adj Close))",
        "observations": int(len(r)),
        "first_return_date": str(rdates[0]),
        "last_return_date": str(rdates[-1]),
        "first_returns": [float(x) for x in r[:3]],
        "sample_mean": float(r.mean()),
        "backcast": bc,
        "parameters": {"mu": float(params[0]), "omega": float(params[1]),
                       "alpha": float(params[2]), "beta": float(params[3])},
        "log_likelihood": float(res.loglikelihood),
        "classic_standard_errors": {k: float(v) for k, v in zip(["mu", "omega", "alpha", "beta"], classic.std_err.to_numpy())},
        "optimizer": {"success": bool(res.optimization_result.success), "iterations": int(res.optimization_result.nit),
                      "message": str(res.optimization_result.message)},
        "conditional_volatility": [{"index": i, "date": str(rdates[i]), "value": float(vol[i])} for i in idx],
        "variance_forecast": [float(x) for x in forecast],
        "maximiser": {"parameters": {"mu": float(theta[0]), "omega": float(theta[1]),
                                     "alpha": float(theta[2]), "beta": float(theta[3])},
                      "log_likelihood": float(ll_max), "max_abs_gradient": grad_max,
                      "arch_relative_deviation": [float((p - t) / t) for p, t in zip(params, theta)]},
    }


def main() -> None:
    version = metadata.version("arch")
    if version != EXPECTED_ARCH:
        sys.exit(f"arch {version} installed; these vectors were made with {EXPECTED_ARCH}")
    doc = {
        "meta": {
            "library": "arch", "library_version": version, "python": platform.python_version(),
            "numpy": np.__version__, "scipy": scipy.__version__, "pandas": pd.__version__,
            "command": "/tmp/archenv/bin/python scripts/golden/garch.py",
            "model": "arch_model(100*log returns, mean='Constant', vol='GARCH', p=1, q=1, dist='normal').fit(disp='off')",
            "float_format": "JSON numbers written with Python repr(): exact float64 round trip",
        },
        "sp500": fit("sp500", "data/market/sp500_daily.csv"),
        "nasdaq": fit("nasdaq", "data/market/nasdaq_daily.csv"),
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as fh:
        json.dump(doc, fh, indent=1, allow_nan=False)
        fh.write("\n")
    print(f"wrote {os.path.relpath(OUT, REPO_ROOT)}")


if __name__ == "__main__":
    main()
