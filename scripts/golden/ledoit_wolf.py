"""Ledoit-Wolf shrinkage vectors for StressPack's FactorModel (our script; it calls scikit-learn).

    python3 -m venv /tmp/archenv && /tmp/archenv/bin/pip install scikit-learn==1.9.1
    /tmp/archenv/bin/python scripts/golden/ledoit_wolf.py

Writes Tests/FactorModelTests/Golden/ledoit_wolf.json: for a few data sets drawn with a
fixed numpy seed, the centred observations, sklearn.covariance.ledoit_wolf(X,
assume_centered=True)'s shrinkage intensity and shrunk covariance. Deterministic.
"""

from __future__ import annotations

import json
import os
import platform
import sys
from importlib import metadata

import numpy as np
from sklearn.covariance import ledoit_wolf

REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(REPO_ROOT, "Tests", "FactorModelTests", "Golden", "ledoit_wolf.json")
EXPECTED = "1.9.1"


def case(name: str, x: np.ndarray) -> dict:
    x = x - x.mean(axis=0)
    shrunk, intensity = ledoit_wolf(x, assume_centered=True)
    return {"name": name, "rows": int(x.shape[0]), "columns": int(x.shape[1]),
            "observations": [float(v) for v in x.ravel()],
            "expected": {"intensity": float(intensity), "shrunk": [float(v) for v in shrunk.ravel()]}}


def main() -> None:
    version = metadata.version("scikit-learn")
    if version != EXPECTED:
        sys.exit(f"scikit-learn {version} installed; these vectors were made with {EXPECTED}")
    rng = np.random.default_rng(20240607)
    a = rng.normal(size=(40, 5))
    mix = rng.normal(size=(5, 5))
    cases = [
        case("iid_40x5", a),
        case("correlated_60x6", rng.normal(size=(60, 6)) @ rng.normal(size=(6, 6))),
        case("few_observations_8x10", rng.normal(size=(8, 10))),
        case("strongly_mixed_100x5", a.repeat(3, axis=0)[:100] @ mix + 0.1 * rng.normal(size=(100, 5))),
    ]
    doc = {"meta": {"library": "scikit-learn", "library_version": version, "python": platform.python_version(),
                    "numpy": np.__version__, "command": "/tmp/archenv/bin/python scripts/golden/ledoit_wolf.py",
                    "call": "sklearn.covariance.ledoit_wolf(X - X.mean(0), assume_centered=True)"},
           "cases": cases}
    with open(OUT, "w") as fh:
        json.dump(doc, fh, indent=1, allow_nan=False)
        fh.write("\n")
    print(f"wrote {os.path.relpath(OUT, REPO_ROOT)}")


if __name__ == "__main__":
    main()
